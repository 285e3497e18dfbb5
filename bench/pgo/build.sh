#!/usr/bin/env bash
# Builds `crosscheck` and `bench` with profile-guided optimisation (PGO) on
# top of the `release-lto` profile, into $TARGET/pgo/release-lto/.
#
#   bash bench/pgo/build.sh        # from the repository root, ../shared beside it
#
# 1. installs rustup's `llvm-tools` component (llvm-profdata; the one
#    download, from the standard Rust distribution server);
# 2. builds both binaries instrumented (into $TARGET/pgo-gen);
# 3. trains them: `bench pgo-train` runs the whole pipeline over a synthetic
#    story from ECB+, MRPC and STS sentences (no FNC-1 text: extraction is
#    measured on the FNC-1 bodies, so it is not trained on them), and
#    `crosscheck check` writes the demo story's report in every format;
# 4. merges the profiles and rebuilds both binaries with them.
#
# Each build takes a few minutes on two cores. Nothing here changes what
# the binaries compute: only the machine code's layout and inlining.
set -euo pipefail
cd "$(dirname "$0")/../.."
TARGET=${CARGO_TARGET_DIR:-target}
SHARED=${SHARED:-../shared}
DATA="$TARGET/pgo-data"
rustup component add llvm-tools >/dev/null
HOST=$(rustc -vV | sed -n 's/^host: //p')
PROFDATA="$(rustc --print sysroot)/lib/rustlib/$HOST/bin/llvm-profdata"
[ -x "$PROFDATA" ] || { echo "error: $PROFDATA not found after installing llvm-tools" >&2; exit 1; }
[ -d "$SHARED/corpora" ] || { echo "error: $SHARED/corpora not found: PGO trains on the shared corpora (set SHARED=...)" >&2; exit 1; }

rm -rf "$DATA"
mkdir -p "$DATA"
RUSTFLAGS="-Cprofile-generate=$(realpath "$DATA")" \
  cargo build --profile release-lto -p crosscheck-cli -p crosscheck-bench --bins --target-dir "$TARGET/pgo-gen"
GEN="$TARGET/pgo-gen/release-lto"
"$GEN/bench" --shared "$SHARED" --work "$TARGET/pgo-work" pgo-train
for format in json md html; do
  "$GEN/crosscheck" check data/demo --format "$format" --out "$TARGET/pgo-work/demo.$format"
done
"$PROFDATA" merge -o "$DATA/merged.profdata" "$DATA"/*.profraw
RUSTFLAGS="-Cprofile-use=$(realpath "$DATA/merged.profdata") -Cllvm-args=-pgo-warn-missing-function=false" \
  cargo build --profile release-lto -p crosscheck-cli -p crosscheck-bench --bins --target-dir "$TARGET/pgo"
echo "built $TARGET/pgo/release-lto/crosscheck and $TARGET/pgo/release-lto/bench"
