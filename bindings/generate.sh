#!/usr/bin/env bash
# Builds libphotoday_ffi and generates its Kotlin and Swift bindings with the workspace's own
# uniffi-bindgen (library mode: the interface is read from the built library's metadata).
#
#   bindings/generate.sh [debug|release]      (default: debug)
#
# Out:
#   target/<profile>/libphotoday_ffi.so           the host cdylib (JVM tests load it via JNA)
#   target/bindings/kotlin/cn/photoday/core/photoday_ffi.kt
#   target/bindings/swift/{PhotoDayCore.swift, PhotoDayCoreFFI.h, PhotoDayCoreFFI.modulemap}
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-debug}"
case "$profile" in
  debug) cargo_profile=() ;;
  release) cargo_profile=(--release) ;;
  *) echo "usage: $0 [debug|release]" >&2; exit 2 ;;
esac

target_dir="${CARGO_TARGET_DIR:-target}"
case "$(uname -s)" in
  Darwin) lib="$target_dir/$profile/libphotoday_ffi.dylib" ;;
  *) lib="$target_dir/$profile/libphotoday_ffi.so" ;;
esac
out="$target_dir/bindings"

echo "== bindings: build photoday-ffi ($profile) and uniffi-bindgen"
# The generator is always a debug build (quick to build, fast enough to run). In a debug run both
# are built by one cargo call, so they share one feature resolution and nothing is built twice.
if [ "$profile" = debug ]; then
  cargo build -j2 -p photoday-ffi -p uniffi-bindgen
else
  cargo build -j2 "${cargo_profile[@]}" -p photoday-ffi
  cargo build -j2 -p uniffi-bindgen
fi
bindgen="$target_dir/debug/uniffi-bindgen"

rm -rf "$out/kotlin" "$out/swift"
mkdir -p "$out/kotlin" "$out/swift"
# --no-format: the output must not depend on whether ktlint/swiftformat happen to be installed.
"$bindgen" generate --no-format --language kotlin --out-dir "$out/kotlin" "$lib"
"$bindgen" generate --no-format --language swift --out-dir "$out/swift" "$lib"

echo "   $lib ($(du -h "$lib" | cut -f1))"
find "$out" -type f | sort | sed 's/^/   /'
