#!/usr/bin/env bash
# Build-time figures for the README, in one run on this machine, each build in a
# fresh target dir (removed afterwards):
#  - clean debug builds of this crate as a dependent builds it (the committed HEAD
#    as a git dependency of a scratch binary crate: no dev-dependencies, no
#    `codegen`, and, as for async-openai from the registry, not incremental;
#    a path dependency is compiled incrementally, a few seconds more), with the
#    default TLS (`rustls`: reqwest's own rustls, aws-lc-rs) and with `rustls-ring`
#    (ring, the default before it: TLS-less reqwest clients elsewhere then need a
#    process-wide provider), with the chat family alone (each TLS), and, with
#    BASELINE=<rev>, that commit's default too (e.g. the tree before a change of
#    default features), beside scratch crates using async-openai 0.43 with default
#    features (none of its API), `chat-completion` and `full`, interleaved,
#    ROUNDS times (default 3), then the best and the median of each;
#  - unless the argument is `compare`: a clean build of the workspace with all
#    features, and rebuilds after a spec edit and after an src/ edit (build.rs must
#    not rerun).
# The machine may be shared: CPU time (user + sys) is reported beside wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${ROUNDS:-3}
scratch=$(mktemp -d)
trap 'git -C "$root" checkout -q -- spec/zai.yaml src/runtime/send.rs; rm -rf "$scratch"' EXIT

# Runs a command; prints "wall W s, cpu C s" (cpu = user + sys of the build) and
# appends "W C" to the file $results/$1.
results=$scratch/results
mkdir -p "$results"
timed() {
  local name=$1 TIMEFORMAT='%R %U %S' t
  shift
  t=$( { time "$@" >/dev/null 2>"$scratch/log"; } 2>&1 ) || { cat "$scratch/log"; exit 1; }
  read -r wall user sys <<<"$t"
  local cpu
  cpu=$(echo "$user + $sys" | bc)
  echo "$wall $cpu" >>"$results/$name"
  printf 'wall %6.1f s, cpu %6.1f s' "$wall" "$cpu"
}

# A scratch binary crate depending on $2 (a Cargo dependency line's value).
scratch_crate() {
  mkdir -p "$scratch/$1/src"
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n[dependencies]\n%s\n' \
    "$1" "$2" >"$scratch/$1/Cargo.toml"
  echo 'fn main() {}' >"$scratch/$1/src/main.rs"
}

zai="git = \"file://$root\", rev = \"$(git rev-parse HEAD)\""
scratch_crate zai-default "zai = { $zai }"
scratch_crate zai-ring "zai = { $zai, default-features = false, features = [\"rustls-ring\", \"full\"] }"
scratch_crate zai-chat "zai = { $zai, default-features = false, features = [\"rustls\", \"chat\"] }"
scratch_crate zai-chat-ring "zai = { $zai, default-features = false, features = [\"rustls-ring\", \"chat\"] }"
ours="zai-default zai-ring zai-chat zai-chat-ring"
if [ -n "${BASELINE:-}" ]; then
  baseline=$(git rev-parse "$BASELINE")
  scratch_crate zai-baseline "zai = { git = \"file://$root\", rev = \"$baseline\" }"
  ours="$ours zai-baseline"
fi
git archive HEAD | (mkdir -p "$scratch/zai" && tar -x -C "$scratch/zai")
scratch_crate zai-path 'zai = { path = "../zai" }'
scratch_crate ao-default 'async-openai = "0.43"'
scratch_crate ao-chat 'async-openai = { version = "0.43", features = ["chat-completion"] }'
scratch_crate ao-full 'async-openai = { version = "0.43", features = ["full"] }'
# Ours resolve to the committed lock's versions; async-openai's to the newest.
for crate in $ours zai-path; do cp Cargo.lock "$scratch/$crate/"; done
for crate in $ours zai-path ao-default ao-chat ao-full; do
  (cd "$scratch/$crate" && cargo fetch -q)
done

build() {
  printf '  %-36s ' "$2:"
  (cd "$scratch/$1" && timed "$1" cargo build -q --target-dir "$scratch/target")
  echo
  rm -rf "$scratch/target"
}
for round in $(seq "$rounds"); do
  echo "round $round"
  build zai-default "zai, default (rustls, aws-lc-rs)"
  build zai-ring "zai, rustls-ring"
  build zai-chat "zai, chat family only"
  build zai-chat-ring "zai, chat family only, rustls-ring"
  if [ -n "${BASELINE:-}" ]; then build zai-baseline "zai at $BASELINE, default"; fi
  build ao-default "async-openai 0.43, default features"
  build ao-chat "async-openai 0.43, chat-completion"
  build ao-full "async-openai 0.43, full"
done

# "best B s, median M s" of column $2 (1 wall, 2 cpu) of a results file.
stats() {
  sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {printf "best %6.1f s, median %6.1f s", v[1], v[int((NR+1)/2)]}'
}
echo "over $rounds rounds (wall | cpu):"
for crate in $ours ao-default ao-chat ao-full; do
  printf '  %-13s wall %s | cpu %s\n' "$crate" "$(stats "$results/$crate" 1)" "$(stats "$results/$crate" 2)"
done

# Once, for those depending by path (HEAD exported; compiled incrementally).
build zai-path "zai by path, default (incremental)"

[ "${1:-}" = compare ] && exit 0

printf 'clean build, all features:   '
timed all cargo build -q --workspace --all-features --target-dir "$scratch/all"
echo
rm -rf "$scratch/all"
cargo build -q --target-dir "$scratch/default"
sed -i 's/^  description: Typed description of the Z.AI (GLM) open platform HTTP API./&  /' spec/zai.yaml
printf 'rebuild after a spec edit:   '
timed spec cargo build -q --target-dir "$scratch/default"
echo
git checkout -q -- spec/zai.yaml
cargo build -q --target-dir "$scratch/default"
echo "// touched" >> src/runtime/send.rs
printf 'rebuild after an src/ edit:  '
timed src cargo build -v --target-dir "$scratch/default"
echo
if grep -q "Running .*build-script-build" "$scratch/log"; then
  echo "  build.rs reran after the src/ edit (it should not)"; exit 1
else
  echo "  build.rs did not rerun"
fi
