#!/usr/bin/env bash
# Build-time figures for the README: clean debug builds of this crate (default
# and all features), rebuilds after a spec edit and after an src/ edit (build.rs
# must not rerun), and a scratch crate using async-openai with feature `full`, in
# one run on this machine. Uses separate target dirs; leaves the tree unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d)
trap 'git -C "$root" checkout -q -- spec/zai.yaml src/sse.rs; rm -rf "$scratch"' EXIT

# Prints "wall W s, cpu C s" (cpu = user + sys of the build, robust to a busy machine).
secs() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>"$scratch/log"; } 2>&1 ) || { cat "$scratch/log"; exit 1; }
  read -r wall user sys <<<"$t"
  printf 'wall %6.1f s, cpu %6.1f s' "$wall" "$(echo "$user + $sys" | bc)"
}

cargo fetch -q
echo "clean build, default features:   $(secs cargo build -q --target-dir "$scratch/default")"
echo "clean build, all features:       $(secs cargo build -q --workspace --all-features --target-dir "$scratch/all")"
sed -i 's/^  description: Typed description of the Z.AI (GLM) open platform HTTP API./&  /' spec/zai.yaml
echo "rebuild after a spec edit:       $(secs cargo build -q --target-dir "$scratch/default")"
git checkout -q -- spec/zai.yaml
cargo build -q --target-dir "$scratch/default"
echo "// touched" >> src/sse.rs
echo "rebuild after an src/ edit:   $(secs cargo build -v --target-dir "$scratch/default")"
if grep -q "Running .*build-script-build" "$scratch/log"; then
  echo "  build.rs reran after the src/ edit (it should not)"; exit 1
else
  echo "  build.rs did not rerun"
fi
git checkout -q -- src/sse.rs

mkdir -p "$scratch/ao/src" && cd "$scratch/ao"
cat > Cargo.toml <<'TOML'
[package]
name = "ao-scratch"
version = "0.0.0"
edition = "2024"
[dependencies]
async-openai = { version = "0.43", features = ["full"] }
TOML
echo 'fn main() {}' > src/main.rs
cargo fetch -q 2>/dev/null || cargo generate-lockfile -q
echo "clean build, async-openai[full]: $(secs cargo build -q --target-dir "$scratch/ao-target")"
