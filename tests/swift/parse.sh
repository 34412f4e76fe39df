#!/usr/bin/env bash
# The generated Swift bindings (target/bindings/swift, made by bindings/generate.sh) and every
# .swift under ios/ are parsed with tree-sitter-swift; a parse error, or a missing header or
# modulemap, fails the run (DESIGN §8). The SwiftUI views need Apple's SDK, so this parse is the
# only check of their syntax here; PhotoDayKit and the bindings are also compiled and run by
# tests/swift/run.sh.
#
# Bootstraps a venv in .venv/ with tree-sitter and tree-sitter-swift from PyPI (python3-venv
# from Debian if the machine's python3 cannot make a venv).
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
venv=.venv
py="$venv/bin/python"
requirements=("tree-sitter==0.26.1" "tree-sitter-swift==0.7.4")

if ! "$py" -c 'import tree_sitter, tree_sitter_swift' 2>/dev/null; then
  echo "== Swift: installing ${requirements[*]} into $venv"
  if ! python3 -m venv "$venv" 2>/dev/null; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q python3-venv >/dev/null || {
      $sudo apt-get update -q >/dev/null
      $sudo apt-get install -y -q python3-venv >/dev/null
    }
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
  "$py" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi

apps=()
[ -d ios ] && apps+=(ios)
echo "== Swift: parsing the generated bindings${apps:+ and ios/} with tree-sitter-swift"
"$py" tests/swift/parse_swift.py "$target_dir/bindings/swift" ${apps[@]+"${apps[@]}"}
