#!/usr/bin/env bash
# The one command that runs every test of PhotoDay (README, .ci/run).
# Rust: unit, integration and end-to-end scenario tests of the whole workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# The pass cards (cli/src/cards.rs) draw Chinese with a CJK font from Debian; their tests need one.
if [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  echo "== Fonts: installing Debian's fonts-wqy-microhei for the pass-card tests"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q fonts-wqy-microhei >/dev/null || {
    $sudo apt-get update -q >/dev/null
    $sudo apt-get install -y -q fonts-wqy-microhei >/dev/null
  }
fi

echo "== Rust: cargo test --workspace"
cargo test --workspace -j2

# Bindings: the uniffi Kotlin and Swift, generated from the library just built (DESIGN §8).
echo "== Bindings: generate Kotlin and Swift"
bindings/generate.sh debug
echo "== Kotlin: the bindings' tests on the JVM (kotlinc from npm, JNA from Debian)"
tests/kotlin/run.sh debug
echo "== Android: manifest permissions, plain-Kotlin ui-logic tests on the JVM against the core"
tests/android/run.sh debug
echo "== Swift: parse the generated and the app's Swift (tree-sitter-swift from PyPI)"
tests/swift/parse.sh
echo "== iOS: the app's Swift against the generated API, catalogs, project files"
tests/ios/run.sh
echo "== Swift: the generated Swift (tests/swift/Bindings) and PhotoDayKit compiled on Linux, XCTests against the core"
tests/swift/run.sh debug
