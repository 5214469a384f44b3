#!/usr/bin/env bash
# `zai batch run` on 10,000 lines against `zai mock`, killed (SIGKILL) once it
# has written its first results, then rerun with the same state file: the
# results file must hold every custom_id exactly once.
#
# Usage: scripts/batch-kill-rerun.sh [ZAI_BINARY] [LINES]
# (default: target/debug/zai, built first with `cargo build -p zai-cli`)
set -euo pipefail
zai=$(realpath "${1:-target/debug/zai}")
lines=${2:-10000}
dir=$(mktemp -d)
cd "$dir"

awk -v n="$lines" 'BEGIN {
  for (i = 0; i < n; i++) {
    model = (i % 13 == 0) ? "error-429" : "glm-4.7"
    printf "{\"custom_id\":\"r%05d\",\"body\":{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"q%d\"}]}}\n", i, model, i
  }
}' > in.jsonl

"$zai" mock --port 0 > mock.url 2>/dev/null &
mock=$!
trap 'kill $mock 2>/dev/null; rm -rf "$dir"' EXIT
while [ ! -s mock.url ]; do sleep 0.05; done
run=("$zai" --base-url "$(head -1 mock.url)" --api-key mock.key
  batch run in.jsonl --out results.jsonl --state state.json --interval 0.05)

"${run[@]}" 2>/dev/null &
job=$!
while [ ! -s results.jsonl ]; do sleep 0.01; done
kill -9 "$job"
wait "$job" 2>/dev/null || true
echo "killed with $(wc -l < results.jsonl) result lines written"
"$zai" batch status state.json

"${run[@]}"
total=$(wc -l < results.jsonl)
distinct=$(grep -o '^{"custom_id":"[^"]*"' results.jsonl | sort -u | wc -l)
echo "after the rerun: $total lines, $distinct distinct ids"
[ "$total" -eq "$lines" ] && [ "$distinct" -eq "$lines" ]
