#!/usr/bin/env bash
# Builds the Rust core for iOS and wraps it for the app (run on a Mac with Xcode, from anywhere):
#
#   ios/build-xcframework.sh [release|debug]      (default: release)
#
# 1. `cargo build -p photoday-ffi` for aarch64-apple-ios (devices) and aarch64-apple-ios-sim +
#    x86_64-apple-ios (simulators on Apple silicon and Intel), with IPHONEOS_DEPLOYMENT_TARGET
#    matching the app's (17.0), so the bundled SQLite and the Rust code target the same iOS.
# 2. lipo the two simulator slices into one library (an xcframework takes one per platform).
# 3. Generate the Swift, the C header and the module map with the workspace's own uniffi-bindgen
#    (the same version the library is built with), from the device library's metadata.
# 4. `xcodebuild -create-xcframework` with the header and the module map (renamed
#    module.modulemap, as clang expects) for each slice.
#
# Out (not committed, see ios/.gitignore):
#   ios/PhotoDayCore/PhotoDayCoreFFI.xcframework
#   ios/PhotoDayCore/Sources/PhotoDayCore/PhotoDayCore.swift
#
# Written for the bash macOS ships (3.2): there, expanding an empty array under `set -u` aborts
# with "unbound variable", so no array here is ever empty, and the one optional argument is read
# with a default. tests/ios/check_app.py sources this file and runs its argument handling under
# `set -u`, and refuses any `"${name[@]}"` of an array that can be empty.
set -euo pipefail

device=aarch64-apple-ios
simulators=(aarch64-apple-ios-sim x86_64-apple-ios)
lib=libphotoday_ffi

# The cargo profile from the script's one optional argument (release when none is given); prints
# the usage and returns 2 for anything else.
parse_profile() {
  profile="${1:-release}"
  case "$profile" in
    release | debug) ;;
    *) echo "usage: build-xcframework.sh [release|debug]" >&2; return 2 ;;
  esac
}

# Builds the static and dynamic library for one Rust target in $profile.
cargo_build_lib() {
  if [ "$profile" = release ]; then
    cargo build --release -p photoday-ffi --lib --target "$1"
  else
    cargo build -p photoday-ffi --lib --target "$1"
  fi
}

main() {
  parse_profile ${1+"$@"} || exit 2

  ios_dir="$(cd "$(dirname "$0")" && pwd)"
  repo="$(cd "$ios_dir/.." && pwd)"
  cd "$repo"

  if [ "$(uname -s)" != Darwin ] || ! command -v xcodebuild >/dev/null; then
    echo "build-xcframework.sh needs macOS with Xcode (xcodebuild, lipo); see ios/README.md" >&2
    exit 1
  fi

  export IPHONEOS_DEPLOYMENT_TARGET=17.0
  target_dir="${CARGO_TARGET_DIR:-$repo/target}"
  work="$target_dir/ios-xcframework"
  package="$ios_dir/PhotoDayCore"

  echo "== rustup targets: $device ${simulators[*]}"
  rustup target add "$device" "${simulators[@]}"

  for triple in "$device" "${simulators[@]}"; do
    echo "== cargo build -p photoday-ffi --target $triple ($profile, iOS $IPHONEOS_DEPLOYMENT_TARGET)"
    cargo_build_lib "$triple"
  done

  rm -rf "$work"
  mkdir -p "$work/simulator" "$work/headers" "$work/swift"

  echo "== lipo: one simulator library for arm64 and x86_64"
  lipo -create \
    "$target_dir/aarch64-apple-ios-sim/$profile/$lib.a" \
    "$target_dir/x86_64-apple-ios/$profile/$lib.a" \
    -output "$work/simulator/$lib.a"

  echo "== uniffi-bindgen: Swift, header and module map"
  cargo build -p uniffi-bindgen
  # Library mode reads the interface from the built library's metadata (the dylib cargo builds
  # beside the static library); bindings/uniffi.toml names the modules PhotoDayCore and
  # PhotoDayCoreFFI.
  "$target_dir/debug/uniffi-bindgen" generate --no-format --language swift \
    --out-dir "$work/swift" "$target_dir/$device/$profile/$lib.dylib"
  cp "$work/swift/PhotoDayCoreFFI.h" "$work/headers/"
  cp "$work/swift/PhotoDayCoreFFI.modulemap" "$work/headers/module.modulemap"

  echo "== xcodebuild -create-xcframework"
  rm -rf "$package/PhotoDayCoreFFI.xcframework"
  xcodebuild -create-xcframework \
    -library "$target_dir/$device/$profile/$lib.a" -headers "$work/headers" \
    -library "$work/simulator/$lib.a" -headers "$work/headers" \
    -output "$package/PhotoDayCoreFFI.xcframework"

  cp "$work/swift/PhotoDayCore.swift" "$package/Sources/PhotoDayCore/PhotoDayCore.swift"

  echo "== done"
  echo "   $package/PhotoDayCoreFFI.xcframework"
  echo "   $package/Sources/PhotoDayCore/PhotoDayCore.swift"
  echo "next: cd ios && xcodegen generate && open PhotoDay.xcodeproj"
}

# Run when executed; when sourced (by the tests), only define the functions above.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  main ${1+"$@"}
fi
