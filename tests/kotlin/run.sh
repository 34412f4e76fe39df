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

classpath="$jna:$klib/kotlinx-coroutines-core-jvm.jar:$klib/kotlin-test.jar"
sources=()
while IFS= read -r f; do sources+=("$f"); done < <(find "$bindings" tests/kotlin/src -name '*.kt' | sort)

# Compile only when a source, the compiler or the classpath changed: kotlinc takes most of a minute.
stamp="$(cat "${sources[@]}" | sha256sum | cut -c1-16)-$KOTLIN_VERSION"
jar="$out/photoday-kotlin-tests.jar"
if [ ! -f "$jar" ] || [ "$(cat "$out/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "== Kotlin: compiling ${#sources[@]} files with kotlinc $KOTLIN_VERSION"
  rm -rf "$out" && mkdir -p "$out"
  start=$(date +%s)
  JAVA_OPTS="${JAVA_OPTS:--Xss4m}" "$kotlin_home/bin/kotlinc" -nowarn -jvm-target 17 \
    -cp "$classpath" -d "$jar" "${sources[@]}"
  echo "$stamp" >"$out/stamp"
  echo "   compiled in $(($(date +%s) - start)) s"
else
  echo "== Kotlin: $jar is up to date"
fi

# Signed bundles and passes, as the 教务处 hands them out, made fresh with the core's admin code.
fixtures="$target_dir/kotlin-fixtures"
echo "== Kotlin: making fixtures (bundles, passes, 采集码 images) in $fixtures"
cargo run -j2 -q -p photoday-ffi --example kotlin_fixtures -- "$fixtures"

echo "== Kotlin: running on the JVM against $lib_dir/libphotoday_ffi.so"
# Deliberate panics in the tests would each print a backtrace; the message is enough here.
RUST_BACKTRACE=0 java -Djna.library.path="$lib_dir" -Djna.nosys=true -Dphotoday.fixtures="$fixtures" \
  -cp "$jar:$klib/kotlin-stdlib.jar:$classpath" RunnerKt ${filter:+"$filter"}
