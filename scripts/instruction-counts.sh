#!/usr/bin/env bash
# Instruction counts (valgrind's callgrind) for the table in docs/performance.md,
# each beside its baselines in the same run. Unlike times they do not depend on
# load, so they are the reference on a shared machine.
#  - Per call: `overhead-worker <side> N` of the perf bench, for N = 1,000 and
#    3,000; the difference over 2,000 is one call without the set-up (the
#    in-process server included). Sides: raw reqwest (`raw`), raw reqwest
#    configured like zai (`raw-same`), zai, zai configured like raw
#    (`zai-bare`), and zai with the concurrency governor on (`zai-governed`).
#  - Per SSE event: `once <side> <feed>` of the sse bench decodes the GLM corpus
#    once; the count minus `once none` (the set-up alone) over the events. Sides:
#    zai, eventsource-stream + serde_json, serde_json alone on pre-split payloads.
# Needs valgrind and jq; about a minute once the benches are built.
set -euo pipefail
cd "$(dirname "$0")/.."

# The path of a bench binary, built in release.
bench_binary() {
  cargo bench --bench "$1" --no-run --message-format=json 2>/dev/null |
    jq -r --arg name "$1" 'select(.target.name == $name and .executable != null) | .executable'
}

# Instructions a command executes.
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*refs: *//p' | tr -d ,
}

perf=$(bench_binary perf)
declare -A per_call
for side in raw raw-same zai zai-bare zai-governed; do
  short=$(count "$perf" overhead-worker "$side" 1000)
  long=$(count "$perf" overhead-worker "$side" 3000)
  per_call[$side]=$(((long - short) / 2000))
done
# "+x.x %" of $1 over $2.
delta() { echo "scale=4; ($1 / $2 - 1) * 100" | bc | xargs printf '%+.1f %%'; }
echo "instructions per call:"
printf '  raw %d, raw configured like zai %d\n' "${per_call[raw]}" "${per_call[raw-same]}"
printf '  zai %d: %s over raw, %s over raw configured like zai\n' "${per_call[zai]}" \
  "$(delta "${per_call[zai]}" "${per_call[raw]}")" "$(delta "${per_call[zai]}" "${per_call[raw-same]}")"
printf '  zai-bare %d: %s over raw\n' "${per_call[zai-bare]}" "$(delta "${per_call[zai-bare]}" "${per_call[raw]}")"
printf '  zai with max_in_flight(64) %d: %s over zai\n' "${per_call[zai-governed]}" \
  "$(delta "${per_call[zai-governed]}" "${per_call[zai]}")"

sse=$(bench_binary sse)
events=$("$sse" once serde | awk '{print $1}')
setup=$(count "$sse" once none)
serde=$((($(count "$sse" once serde) - setup) / events))
echo "instructions per SSE event ($events events; serde_json alone on pre-split payloads: $serde):"
for feed in 128B 1460B lines; do
  zai=$((($(count "$sse" once zai "$feed") - setup) / events))
  eventsource=$((($(count "$sse" once eventsource "$feed") - setup) / events))
  printf '  %-6s zai %d, eventsource %d: %.2fx fewer than eventsource, %.2fx of serde_json alone\n' \
    "$feed" "$zai" "$eventsource" "$(echo "$eventsource / $zai" | bc -l)" "$(echo "$serde / $zai" | bc -l)"
done
