#!/usr/bin/env bash
# The iOS side's Swift, compiled and run on Linux against the real core (DESIGN §8), as two Swift
# packages built by SwiftPM with Debian 13's swiftlang in a chroot (tests/swift/toolchain.sh),
# each linked to the host-built libphotoday_ffi.so over the uniffi-generated Swift
# (target/bindings/swift, from bindings/generate.sh):
#
#   tests/swift/Bindings  the generated Swift's own tests over the core (the ground tests/kotlin
#                         covers for Android);
#   ios/PhotoDayKit       everything of the app that does not draw (PageModel, the reminder glue),
#                         and its tests: PageModel driven as the SwiftUI renderer drives it.
#
#   tests/swift/run.sh [debug|release] [XCTest filter]     (default: debug, every test)
#
# Fixtures (signed bundles and passes, 采集码 images) are made fresh by the same example as the
# Kotlin tests (bindings/examples/kotlin_fixtures.rs). The last three lines are each package's
# XCTest summary (`Bindings: Executed N tests, with M failures …`, `PhotoDayKit: …`) and their sum,
# `Executed N tests, with M failures (bindings B, PhotoDayKit K)`. Exits non-zero when a test
# fails, or when either package ran no test (with a filter that matches one package only, the
# other may run none).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$(pwd -P)"

profile="${1:-debug}"
filter="${2:-}"
target_dir="${CARGO_TARGET_DIR:-target}"
mkdir -p "$target_dir"
target_dir="$(cd "$target_dir" && pwd -P)"
lib_dir="$target_dir/$profile"
bindings="$target_dir/bindings/swift"
kit="$repo/ios/PhotoDayKit"
bindings_pkg="$repo/tests/swift/Bindings"
start=$(date +%s)

if [ ! -f "$lib_dir/libphotoday_ffi.so" ] || ! ls "$bindings"/*.swift >/dev/null 2>&1; then
  echo "no $lib_dir/libphotoday_ffi.so or $bindings: run bindings/generate.sh $profile first" >&2
  exit 1
fi

tests/swift/toolchain.sh ensure

modulemap=("$bindings"/*.modulemap)
header=("$bindings"/*.h)
swift_src=("$bindings"/*.swift)
[ "${#modulemap[@]}" = 1 ] && [ "${#header[@]}" = 1 ] && [ "${#swift_src[@]}" = 1 ] \
  || { echo "expected one .swift, .h and .modulemap in $bindings" >&2; exit 1; }
grep -q 'use "Darwin"' "${modulemap[0]}" \
  || echo "   note: the generated module map no longer has a use \"Darwin\" line"

# The generated core as a package's Linux targets (Linux/README.md in each package): Swift as
# is; the module map without `use "Darwin"` (no such module on Linux) and linking the cdylib.
copy_core() {
  local pkg="$1"
  echo "== Swift: copying the generated bindings into ${pkg#"$repo"/}/Linux"
  mkdir -p "$pkg/Linux/PhotoDayCore" "$pkg/Linux/PhotoDayCoreFFI"
  cp "${swift_src[0]}" "$pkg/Linux/PhotoDayCore/PhotoDayCore.swift"
  cp "${header[0]}" "$pkg/Linux/PhotoDayCoreFFI/"
  sed -e '/use "Darwin"/d' -e 's/^}$/    link "photoday_ffi"\n}/' "${modulemap[0]}" \
    >"$pkg/Linux/PhotoDayCoreFFI/module.modulemap"
  grep -q 'link "photoday_ffi"' "$pkg/Linux/PhotoDayCoreFFI/module.modulemap" \
    || { echo "could not add the link line to the module map" >&2; exit 1; }
}
copy_core "$bindings_pkg"
copy_core "$kit"

fixtures="$target_dir/swift-fixtures"
echo "== Swift: making fixtures (bundles, passes, 采集码 images) in $fixtures"
cargo run -j2 -q -p photoday-ffi --example kotlin_fixtures -- "$fixtures"
# That build relinks the library when the core changed since bindings/generate.sh: Swift generated
# from the older library may then misread a record (a crash, not a checksum error).
if [ "$lib_dir/libphotoday_ffi.so" -nt "${swift_src[0]}" ]; then
  echo "   note: $lib_dir/libphotoday_ffi.so is newer than the generated Swift; if a test crashes" \
    "reading a core record, run bindings/generate.sh $profile again"
fi

# The repository and the target folder appear at the same paths inside the chroot, so compiler
# messages name the real files.
binds=("$repo")
case "$target_dir/" in "$repo"/*) ;; *) binds+=("$target_dir") ;; esac
link_args=(--jobs 2
  -Xlinker -L"$lib_dir" -Xlinker -rpath -Xlinker "$lib_dir"
  # Debian's libswiftObservation leaves one symbol to Swift Testing's runtime; XCTest never needs it.
  -Xlinker --allow-shlib-undefined)

# swift_package NAME DIR SCRATCH: builds the package at DIR (its tests too) in SCRATCH and runs
# its XCTests; leaves the summary line in $summary and XCTest's exit status in $status.
swift_package() {
  local name="$1" dir="$2" scratch="$3" step log
  local args=(--scratch-path "$scratch" "${link_args[@]}")
  echo "== Swift: swift build ($name) in the chroot"
  step=$(date +%s)
  if ! PHOTODAY_CHROOT_CWD="$dir" nice tests/swift/toolchain.sh run "${binds[@]}" -- \
    swift build --build-tests "${args[@]}"; then
    echo "swift build failed ($name): the Swift above does not compile against the current core" >&2
    exit 1
  fi
  echo "   built in $(($(date +%s) - step)) s"
  echo "== Swift: swift test ($name) against $lib_dir/libphotoday_ffi.so"
  log="$target_dir/swift-test-$(basename "$dir").log"
  status=0
  # Deliberate panics in the tests would each print a backtrace; the message is enough here.
  PHOTODAY_FIXTURES="$fixtures" RUST_BACKTRACE=0 PHOTODAY_CHROOT_CWD="$dir" \
    nice tests/swift/toolchain.sh run "${binds[@]}" -- \
    swift test --skip-build "${args[@]}" ${filter:+--filter "$filter"} >"$log" 2>&1 || status=$?
  grep -E "error:|failed|Test Suite '(PhotoDay|All tests)" "$log" | grep -v "Test Case" | sed 's/^/   /' || true
  summary="$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -n 1 | sed 's/^[[:space:]]*//')"
  if [ "$status" -ne 0 ]; then
    grep -E "error|XCTAssert|failed" "$log" | head -n 40 >&2 || true
  fi
  echo "   $name: ${summary:-no XCTest summary (exit $status)} (full log: $log)"
}

# Both packages run even when the first fails, so one run shows every failure.
swift_package "the generated bindings, tests/swift/Bindings" "$bindings_pkg" "$target_dir/swift-build-bindings"
bindings_status=$status bindings_summary=$summary
swift_package "PhotoDayKit, ios/PhotoDayKit" "$kit" "$target_dir/swift-build"
kit_status=$status kit_summary=$summary

# How much of the iOS side's own Swift this run compiled (generated code and .build/ left out).
lines() { find "$@" -name '*.swift' -not -path '*/.build/*' -not -path '*/Linux/*' -print0 | xargs -0 cat | wc -l; }
kit_lines=$(lines ios/PhotoDayKit)
app_lines=$(lines ios/PhotoDay)
echo "   compiled on Linux: ios/PhotoDayKit, $kit_lines of $((kit_lines + app_lines)) lines of the iOS" \
  "side's Swift ($((100 * kit_lines / (kit_lines + app_lines)))%; the SwiftUI views in ios/PhotoDay are parsed only)"
# The chroot is entered only in private mount namespaces: nothing of it may be mounted here.
chroot_root="$(tests/swift/toolchain.sh path)"
if grep -q " $chroot_root/" /proc/self/mounts; then
  echo "mounts left under $chroot_root (see findmnt): the toolchain's namespaces leaked" >&2
  exit 1
fi
echo "   no mount left under $chroot_root"
echo "   ($(($(date +%s) - start)) s in all)"

# N and M of a summary line (0 0 when there is none).
counts() {
  if [[ "$1" =~ Executed\ ([0-9]+)\ tests?,\ with\ ([0-9]+)\ failures? ]]; then
    echo "${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
  else
    echo "0 0"
  fi
}
read -r bindings_n bindings_f < <(counts "$bindings_summary")
read -r kit_n kit_f < <(counts "$kit_summary")
echo "Bindings: ${bindings_summary:-swift test failed before any test ran (exit $bindings_status)}"
echo "PhotoDayKit: ${kit_summary:-swift test failed before any test ran (exit $kit_status)}"
total="Executed $((bindings_n + kit_n)) tests, with $((bindings_f + kit_f)) failures"
total+=" (bindings $bindings_n, PhotoDayKit $kit_n)"
failed=0
[ "$bindings_status" -eq 0 ] && [ "$kit_status" -eq 0 ] || failed=1
[ $((bindings_f + kit_f)) -eq 0 ] || failed=1
if [ -z "$filter" ]; then
  # Every test: each package must have run some.
  [ "$bindings_n" -gt 0 ] && [ "$kit_n" -gt 0 ] || failed=1
else
  [ $((bindings_n + kit_n)) -gt 0 ] || failed=1
fi
echo "$total"
[ "$failed" -eq 0 ] || exit 1
