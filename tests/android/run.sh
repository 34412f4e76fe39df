#!/usr/bin/env bash
# The Android app's checks that need no Android SDK:
#   1. the project's files (check_project.py): no AndroidManifest.xml under android/ asks for
#      INTERNET, the app's asks for CAMERA and nothing beyond CAMERA and POST_NOTIFICATIONS, the
#      camera is optional, "open with" takes only PhotoDay's files; backup rules lint accepts;
#      versions documented to work together; the Gradle wrapper; every string resource referenced
#      is defined in both languages; the same file names on Android, iOS and in the CLI; the
#      renderer handles every block, tone, need, style and signal of the generated bindings;
#   2. the app's page logic, android/ui-logic (back stack, outcomes, refresh), is plain Kotlin (no
#      android.*/androidx.* in its code);
#   3. its sources and unit tests (android/ui-logic/src/test/kotlin) compiled by kotlinc together
#      with the generated bindings (target/bindings/kotlin) and run on the JVM through JNA against
#      the host libphotoday_ffi.so, the same core the app loads. Ends with `N passed, M failed`.
#
#   tests/android/run.sh [debug|release] [test-name filter]      (default: debug, every test)
#
# Tools as tests/kotlin/run.sh bootstraps them (same versions, same cache): kotlinc from the npm
# package kotlin-compiler in .tools/, JNA from Debian's libjna-java. Compiles only when an input
# changed (kotlinc takes about a minute).
set -euo pipefail
cd "$(dirname "$0")/../.."

profile="${1:-debug}"
filter="${2:-}"
target_dir="${CARGO_TARGET_DIR:-target}"
lib_dir="$target_dir/$profile"
bindings="$target_dir/bindings/kotlin"
out="$target_dir/android-tests"
fixtures="$target_dir/android-fixtures"

# The bindings first: check_project.py reads them (the renderer must handle every case).
# ---------------------------------------------------------------------------------------------
if [ ! -f "$lib_dir/libphotoday_ffi.so" ] || [ ! -d "$bindings/cn" ]; then
  echo "== Android: no $lib_dir/libphotoday_ffi.so or $bindings; generating them"
  bindings/generate.sh "$profile"
fi

# ---------------------------------------------------------------------------------------------
echo "== Android: project files (tests/android/check_project.py)"
# The manifest (permissions, camera feature, intent filters, MIME types), backup rules, theme,
# versions, Gradle wrapper, build scripts, README tool table, string resources, and one set of file names across
# Android, iOS and the CLI; each check first fails on a broken copy. Python 3 standard library only.
python3 tests/android/check_project.py | sed 's/^/   /'

# ---------------------------------------------------------------------------------------------
echo "== Android: ui-logic is plain Kotlin"
# Imports, and fully qualified uses outside comments.
if grep -rnE '(^|[^.[:alnum:]_/])androidx?\.[a-z]' android/ui-logic/src | grep -vE ':[0-9]+:[[:space:]]*(//|\*|/\*)'; then
  echo "FAIL: android/ui-logic must not use android.* or androidx.* (it is tested on a plain JVM)" >&2
  exit 1
fi
echo "   no android.* / androidx.* in android/ui-logic"

# The same kotlinc (npm) and JNA (Debian) as the bindings' JVM tests, installed on first use.
source tests/kotlin/toolchain.sh

# ---------------------------------------------------------------------------------------------
sources=()
while IFS= read -r f; do sources+=("$f"); done < <(
  find "$bindings" android/ui-logic/src/main/kotlin android/ui-logic/src/test/kotlin -name '*.kt' | sort)
kotlin_compile Android "$out" photoday-ui-logic-tests.jar "${sources[@]}"

echo "== Android: making fixtures (bundles, passes, 采集码 images) in $fixtures"
cargo run -j2 -q -p photoday-ffi --example kotlin_fixtures -- "$fixtures"

echo "== Android: ui-logic tests on the JVM against $lib_dir/libphotoday_ffi.so"
RUST_BACKTRACE=0 java -Djna.library.path="$lib_dir" -Djna.nosys=true -Dphotoday.fixtures="$fixtures" \
  -cp "$jar:$klib/kotlin-stdlib.jar:$classpath" cn.photoday.ui.tests.RunnerKt ${filter:+"$filter"}
