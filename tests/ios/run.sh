#!/usr/bin/env bash
# The iOS app's checks that need no Swift compiler (DESIGN §8). The SwiftUI views cannot be
# compiled on Linux, so these are the only checks they get; the app's models and services
# (ios/PhotoDayKit) are also compiled and tested for real by tests/swift/run.sh. Run after
# bindings/generate.sh, which writes the Swift the app is checked against:
#
#   1. every Swift file under ios/ parses with tree-sitter-swift (tests/swift/parse_swift.py);
#   2. every PhotoDayCore type, initializer, method, field and case the app (ios/PhotoDay and
#      ios/PhotoDayKit/Sources) uses exists in the generated Swift, with the argument labels the
#      app passes (check_api.py; it first proves it fails on broken fixtures and on a copy of the
#      bindings with each kind of item renamed);
#   3. String Catalogs, Info.plist, project.yml, Package.swift and build-xcframework.sh agree with
#      each other and with bindings/uniffi.toml, and the app's Swift has no network code
#      (check_app.py).
#
# Uses the venv tests/swift/parse.sh makes (.venv: tree-sitter, tree-sitter-swift) plus PyYAML.
# Last line: `N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
bindings="$target_dir/bindings/swift"
venv=.venv
py="$venv/bin/python"
requirements=("tree-sitter==0.26.1" "tree-sitter-swift==0.7.4" "PyYAML==6.0.2")

if ! ls "$bindings"/*.swift >/dev/null 2>&1; then
  echo "tests/ios/run.sh: no generated Swift in $bindings; run bindings/generate.sh first" >&2
  exit 1
fi

if ! "$py" -c 'import tree_sitter, tree_sitter_swift, yaml' 2>/dev/null; then
  echo "== iOS: installing ${requirements[*]} into $venv"
  [ -x "$py" ] || python3 -m venv "$venv"
  "$py" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
fi

passed=0
failed=0
# Runs one checker, shows its output, and adds its `N passed, M failed` line to the totals.
tally() {
  local name="$1"
  shift
  local out status=0
  out="$("$@" 2>&1)" || status=$?
  printf '%s\n' "$out" | sed 's/^/   /'
  local last p f
  last="$(printf '%s\n' "$out" | tail -n 1)"
  if [[ "$last" =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    p="${BASH_REMATCH[1]}"
    f="${BASH_REMATCH[2]}"
  else
    p=0
    f=1
  fi
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1
  fi
  passed=$((passed + p))
  failed=$((failed + f))
  echo "   -> $name: $p passed, $f failed"
}

echo "== iOS: Swift parses with tree-sitter-swift (ios/ and the generated bindings)"
if "$py" tests/swift/parse_swift.py "$bindings" ios | sed 's/^/   /'; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

echo "== iOS: the app's PhotoDayCore calls exist in the generated Swift"
tally "API check" "$py" tests/ios/check_api.py --bindings "$bindings" --app ios/PhotoDay --app ios/PhotoDayKit/Sources

echo "== iOS: String Catalogs, Info.plist, project, package and no network code"
tally "app check" "$py" tests/ios/check_app.py

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
