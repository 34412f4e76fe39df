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
#      the host libphotoday_ffi.so, the same core the app loads. Ends with `N passed, M failed`;
#   4. the app module's Kotlin (android/app/src/main/kotlin), never built here otherwise, compiled
#      by kotlinc with ui-logic, the bindings and stubs of the Android/AndroidX/Compose/CameraX APIs
#      it uses (tests/android/stubs), with the Compose compiler plugin's checks.
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

# ---------------------------------------------------------------------------------------------
echo "== Android: the app's Kotlin against the bindings and the API stubs (tests/android/stubs)"
# No Android SDK here, so Gradle cannot build android/app. kotlinc type-checks its sources with
# ui-logic, the generated bindings, the real kotlinx-coroutines and hand-written stubs of exactly
# the Android/AndroidX/Compose/CameraX APIs it uses (tests/android/stubs/README.md), plus its R
# class generated from res/. The Compose compiler plugin bundled with kotlinc runs its checks
# (a @Composable call outside a composable, …). Its code generation needs the real Compose
# runtime, which the stubs are not: the analysis is complete, and the run has passed, when kotlinc
# reports no error and stops at exactly that missing runtime. Only when an input changed (~45 s).
app_check="$target_dir/android-app-check"
r_java="$app_check/gen/cn/photoday/app/R.java"
python3 tests/android/stubs/gen_r.py android/app/src/main/res cn.photoday.app "$r_java"
app_sources=()
while IFS= read -r f; do app_sources+=("$f"); done < <(find android/app/src/main/kotlin -name '*.kt' | sort)
check_sources=("${app_sources[@]}")
while IFS= read -r f; do check_sources+=("$f"); done < <(
  find "$bindings" android/ui-logic/src/main/kotlin tests/android/stubs \( -name '*.kt' -o -name '*.java' \) | sort)
check_sources+=("$r_java")
compose_plugin="$klib/compose-compiler-plugin.jar"
stamp="$({ printf '%s\n' "${check_sources[@]}"; cat "${check_sources[@]}"; } | sha256sum | cut -c1-16)-$KOTLIN_VERSION"
if [ "$(cat "$app_check/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "   unchanged since the last check"
else
  echo "   kotlinc $KOTLIN_VERSION on ${#check_sources[@]} files, with the Compose compiler plugin"
  rm -f "$app_check/stamp" && rm -rf "$app_check/classes"
  start=$(date +%s)
  set +e
  JAVA_OPTS="${JAVA_OPTS:--Xss4m}" "$kotlin_home/bin/kotlinc" -nowarn -jvm-target 17 \
    -Xplugin="$compose_plugin" -cp "$classpath" -d "$app_check/classes" "${check_sources[@]}" \
    >"$app_check/kotlinc.log" 2>&1
  rc=$?
  set -e
  no_runtime="The Compose Compiler requires the Compose Runtime to be on the class path"
  if grep -q 'error:' "$app_check/kotlinc.log" ||
    { [ "$rc" != 0 ] && ! grep -q "$no_runtime" "$app_check/kotlinc.log"; }; then
    grep -E '(error|exception):' "$app_check/kotlinc.log" >&2 || cat "$app_check/kotlinc.log" >&2
    echo "FAIL: the Android app's Kotlin does not compile (full log: $app_check/kotlinc.log)" >&2
    exit 1
  fi
  echo "$stamp" >"$app_check/stamp"
  echo "   checked in $(($(date +%s) - start)) s"
fi
echo "   app: ${#app_sources[@]} Kotlin files type-check against the bindings and the API stubs"
