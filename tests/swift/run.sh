#!/usr/bin/env bash
# The iOS side's Swift, compiled and run on Linux against the real core (DESIGN §8): the
# uniffi-generated Swift (target/bindings/swift, from bindings/generate.sh) and ios/PhotoDayKit
# (every model, service and rule of the app that does not draw) are built by SwiftPM with Debian
# 13's swiftlang in a chroot (tests/swift/toolchain.sh), linked to the host-built
# libphotoday_ffi.so, and their XCTests run: the bindings' own tests (the ground tests/kotlin
# covers for Android) and the screen models driven as the SwiftUI views drive them.
#
#   tests/swift/run.sh [debug|release] [XCTest filter]     (default: debug, every test)
#
# Fixtures (signed bundles and passes, 采集码 images) are made fresh by the same example as the
# Kotlin tests (bindings/examples/kotlin_fixtures.rs). Last line: the XCTest summary,
# `Executed N tests, with M failures …`; exits non-zero when a test fails or nothing ran.
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
start=$(date +%s)

if [ ! -f "$lib_dir/libphotoday_ffi.so" ] || ! ls "$bindings"/*.swift >/dev/null 2>&1; then
  echo "no $lib_dir/libphotoday_ffi.so or $bindings: run bindings/generate.sh $profile first" >&2
  exit 1
fi

tests/swift/toolchain.sh ensure

# The generated core as the package's Linux targets (ios/PhotoDayKit/Linux/README.md): Swift as
# is; the module map without `use "Darwin"` (no such module on Linux) and linking the cdylib.
echo "== Swift: copying the generated bindings into ios/PhotoDayKit/Linux"
modulemap=("$bindings"/*.modulemap)
header=("$bindings"/*.h)
swift_src=("$bindings"/*.swift)
[ "${#modulemap[@]}" = 1 ] && [ "${#header[@]}" = 1 ] && [ "${#swift_src[@]}" = 1 ] \
  || { echo "expected one .swift, .h and .modulemap in $bindings" >&2; exit 1; }
mkdir -p "$kit/Linux/PhotoDayCore" "$kit/Linux/PhotoDayCoreFFI"
cp "${swift_src[0]}" "$kit/Linux/PhotoDayCore/PhotoDayCore.swift"
cp "${header[0]}" "$kit/Linux/PhotoDayCoreFFI/"
grep -q 'use "Darwin"' "${modulemap[0]}" \
  || echo "   note: the generated module map no longer has a use \"Darwin\" line"
sed -e '/use "Darwin"/d' -e 's/^}$/    link "photoday_ffi"\n}/' "${modulemap[0]}" \
  >"$kit/Linux/PhotoDayCoreFFI/module.modulemap"
grep -q 'link "photoday_ffi"' "$kit/Linux/PhotoDayCoreFFI/module.modulemap" \
  || { echo "could not add the link line to the module map" >&2; exit 1; }

fixtures="$target_dir/swift-fixtures"
echo "== Swift: making fixtures (bundles, passes, 采集码 images) in $fixtures"
cargo run -j2 -q -p photoday-ffi --example kotlin_fixtures -- "$fixtures"

# The repository and the target folder appear at the same paths inside the chroot, so compiler
# messages name the real files.
binds=("$repo")
case "$target_dir/" in "$repo"/*) ;; *) binds+=("$target_dir") ;; esac
scratch="$target_dir/swift-build"
swift_args=(--scratch-path "$scratch" --jobs 2
  -Xlinker -L"$lib_dir" -Xlinker -rpath -Xlinker "$lib_dir"
  # Debian's libswiftObservation leaves one symbol to Swift Testing's runtime; XCTest never needs it.
  -Xlinker --allow-shlib-undefined)

echo "== Swift: swift build (PhotoDayKit, the generated PhotoDayCore, the tests) in the chroot"
step=$(date +%s)
if ! PHOTODAY_CHROOT_CWD="$kit" nice tests/swift/toolchain.sh run "${binds[@]}" -- \
  swift build --build-tests "${swift_args[@]}"; then
  echo "swift build failed: the Swift above does not compile against the current core" >&2
  exit 1
fi
echo "   built in $(($(date +%s) - step)) s"

echo "== Swift: swift test against $lib_dir/libphotoday_ffi.so"
log="$target_dir/swift-test.log"
status=0
# Deliberate panics in the tests would each print a backtrace; the message is enough here.
PHOTODAY_FIXTURES="$fixtures" RUST_BACKTRACE=0 PHOTODAY_CHROOT_CWD="$kit" \
  nice tests/swift/toolchain.sh run "${binds[@]}" -- \
  swift test --skip-build "${swift_args[@]}" ${filter:+--filter "$filter"} >"$log" 2>&1 || status=$?
grep -E "error:|failed|Test Suite '(PhotoDay|All tests)" "$log" | grep -v "Test Case" | sed 's/^/   /' || true
summary="$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -n 1 | sed 's/^[[:space:]]*//')"
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
echo "   (full log: $log; $(($(date +%s) - start)) s in all)"
if [ "$status" -ne 0 ] || [ -z "$summary" ] || [[ "$summary" =~ ^Executed\ 0\ tests ]]; then
  grep -E "error|XCTAssert|failed" "$log" | head -n 40 >&2 || true
  echo "${summary:-swift test failed before any test ran (exit $status)}"
  exit 1
fi
echo "$summary"
