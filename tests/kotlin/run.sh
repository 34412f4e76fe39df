#!/usr/bin/env bash
# The bindings' JVM tests: compiles the generated Kotlin (target/bindings/kotlin, made by
# bindings/generate.sh) together with tests/kotlin/src/*.kt, and runs them on the JVM through JNA
# against the host libphotoday_ffi.so — the same Kotlin the Android app loads.
#
#   tests/kotlin/run.sh [debug|release] [part of a test name | --bench]   (default: debug, all)
#
# Bootstraps its tools on a fresh Debian machine (as root, or with sudo):
#   kotlinc  from the npm package kotlin-compiler, into .tools/ (it bundles kotlin-test and
#            kotlinx-coroutines);
#   JNA      from the Debian package libjna-java (/usr/share/java/jna.jar).
# Needs java (17+) and npm on PATH. Compiles once, and only when an input changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

profile="${1:-debug}"
filter="${2:-}"
target_dir="${CARGO_TARGET_DIR:-target}"
lib_dir="$target_dir/$profile"
bindings="$target_dir/bindings/kotlin"
out="$target_dir/kotlin-tests"

if [ ! -f "$lib_dir/libphotoday_ffi.so" ] || [ ! -d "$bindings" ]; then
  echo "no $lib_dir/libphotoday_ffi.so or $bindings: run bindings/generate.sh $profile first" >&2
  exit 1
fi

# kotlinc (npm) and JNA (Debian), installed on first use.
source tests/kotlin/toolchain.sh

sources=()
while IFS= read -r f; do sources+=("$f"); done < <(find "$bindings" tests/kotlin/src -name '*.kt' | sort)
kotlin_compile Kotlin "$out" photoday-kotlin-tests.jar "${sources[@]}"

# Signed bundles and passes, as the 教务处 hands them out, made fresh with the core's admin code.
fixtures="$target_dir/kotlin-fixtures"
echo "== Kotlin: making fixtures (bundles, passes, 采集码 images) in $fixtures"
cargo run -j2 -q -p photoday-ffi --example kotlin_fixtures -- "$fixtures"

echo "== Kotlin: running on the JVM against $lib_dir/libphotoday_ffi.so"
# Deliberate panics in the tests would each print a backtrace; the message is enough here.
RUST_BACKTRACE=0 java -Djna.library.path="$lib_dir" -Djna.nosys=true -Dphotoday.fixtures="$fixtures" \
  -cp "$jar:$klib/kotlin-stdlib.jar:$classpath" RunnerKt ${filter:+"$filter"}
