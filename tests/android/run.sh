#!/usr/bin/env bash
# The Android app's checks that need no Android SDK:
#   1. privacy: no AndroidManifest.xml under android/ asks for INTERNET; the app's asks for CAMERA
#      and nothing beyond CAMERA and POST_NOTIFICATIONS;
#   2. the screen-state module android/ui-logic is plain Kotlin (no android.*/androidx.* in its code);
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

# ---------------------------------------------------------------------------------------------
echo "== Android: manifest permissions"
# Comments stripped, one element per line; `tools:node="remove"` lines remove a permission that a
# library might merge in, so they are allowed (and welcome) for INTERNET.
elements() { perl -0pe 's/<!--.*?-->//gs' "$1" | tr '\n\r\t' '   ' | sed 's/</\n</g'; }
permissions() { elements "$1" | grep -E '^<uses-permission(-sdk-23)?[[:space:]]' | grep -v 'tools:node="remove"' \
  | sed -nE 's/.*android:name="([^"]+)".*/\1/p' || true; }
manifests=()
while IFS= read -r f; do manifests+=("$f"); done < <(find android -name AndroidManifest.xml -not -path '*/build/*' | sort)
[ "${#manifests[@]}" -gt 0 ] || { echo "FAIL: no AndroidManifest.xml under android/" >&2; exit 1; }
for m in "${manifests[@]}"; do
  if permissions "$m" | grep -qx 'android.permission.INTERNET'; then
    echo "FAIL: $m declares android.permission.INTERNET; PhotoDay has no network code (DESIGN §2)" >&2
    exit 1
  fi
  extra="$(permissions "$m" | grep -vxE 'android.permission.(CAMERA|POST_NOTIFICATIONS)' || true)"
  if [ -n "$extra" ]; then
    echo "FAIL: $m asks for permissions beyond CAMERA and POST_NOTIFICATIONS: $extra" >&2
    exit 1
  fi
  echo "   $m: $(permissions "$m" | tr '\n' ' ')"
done
app_manifest=android/app/src/main/AndroidManifest.xml
if ! permissions "$app_manifest" | grep -qx 'android.permission.CAMERA'; then
  echo "FAIL: $app_manifest does not declare android.permission.CAMERA (the door scanner needs it)" >&2
  exit 1
fi
echo "   no INTERNET permission anywhere; CAMERA declared"

# ---------------------------------------------------------------------------------------------
echo "== Android: ui-logic is plain Kotlin"
# Imports, and fully qualified uses outside comments.
if grep -rnE '(^|[^.[:alnum:]_/])androidx?\.[a-z]' android/ui-logic/src | grep -vE ':[0-9]+:[[:space:]]*(//|\*|/\*)'; then
  echo "FAIL: android/ui-logic must not use android.* or androidx.* (it is tested on a plain JVM)" >&2
  exit 1
fi
echo "   no android.* / androidx.* in android/ui-logic"

# ---------------------------------------------------------------------------------------------
if [ ! -f "$lib_dir/libphotoday_ffi.so" ] || [ ! -d "$bindings/cn" ]; then
  echo "== Android: no $lib_dir/libphotoday_ffi.so or $bindings; generating them"
  bindings/generate.sh "$profile"
fi

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
