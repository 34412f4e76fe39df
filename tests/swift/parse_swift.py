"""Parses the generated Swift bindings and the iOS app's Swift with tree-sitter-swift.

Swift cannot be compiled on Linux here (DESIGN §8), so every test run at least proves that the
Swift uniffi generates, and the app's own Swift, is syntactically whole: any ERROR or MISSING node
fails the run with file:line:column. The grammar cannot parse a `#if` line between an attribute
and its declaration, which uniffi's Swift has, so `#if`/`#elseif`/`#else`/`#endif` lines are
blanked first (kept as empty lines, so line numbers stay true); both branches are then parsed as
one, which is fine for what uniffi and the app put under them (`swift(>=5.8)`, `canImport`).

Usage: parse_swift.py BINDINGS_DIR [APP_DIR ...]
"""

import re
import sys
from pathlib import Path

import tree_sitter
import tree_sitter_swift

DIRECTIVE = re.compile(rb"^[ \t]*#(if|elseif|else|endif)\b.*$", re.MULTILINE)
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))


def blank_directives(source: bytes) -> bytes:
    return DIRECTIVE.sub(b"", source)


def problems(source: bytes):
    """(line, column, what) for every ERROR or MISSING node, 1-based."""
    tree = PARSER.parse(blank_directives(source))
    found = []
    if not tree.root_node.has_error:
        return found
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_missing:
            found.append((*point(node), f"missing `{node.type}`"))
        elif node.type == "ERROR":
            found.append((*point(node), "syntax error"))
            continue  # one report per broken region
        stack.extend(c for c in reversed(node.children) if c.has_error or c.is_missing)
    return sorted(found)


def point(node):
    row, col = node.start_point
    return row + 1, col + 1


def check_file(path: Path) -> int:
    source = path.read_bytes()
    lines = source.decode("utf-8", errors="replace").splitlines()
    found = problems(source)
    for line, col, what in found:
        text = lines[line - 1].strip() if 0 < line <= len(lines) else ""
        print(f"{path}:{line}:{col}: {what}: {text[:120]}")
    return len(found)


def self_test() -> None:
    """The checker must see a broken file as broken, or a green run would prove nothing."""
    good = b"#if swift(>=5.8)\n@_documentation(visibility: private)\n#endif\npublic func f() -> Int { 1 }\n"
    bad = b"public func f( -> Int { 1 }\nstruct S { var x: = 1 }\n"
    assert not problems(good), problems(good)
    assert problems(bad), "tree-sitter-swift accepted broken Swift"


def main(argv) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    self_test()
    bindings = Path(argv[1])
    failures = 0
    swift = sorted(bindings.glob("*.swift"))
    headers = sorted(bindings.glob("*.h"))
    modulemaps = sorted(bindings.glob("*.modulemap"))
    for kind, found in (("Swift source", swift), ("C header", headers), ("modulemap", modulemaps)):
        if not found or any(p.stat().st_size == 0 for p in found):
            print(f"{bindings}: no generated {kind} (run bindings/generate.sh)")
            failures += 1
    for mm in modulemaps:
        named = re.findall(r'header\s+"([^"]+)"', mm.read_text())
        for h in named:
            if not (bindings / h).is_file():
                print(f"{mm}: names header {h}, which is not there")
                failures += 1
    files = list(swift)
    for app in argv[2:]:
        files += sorted(p for p in Path(app).rglob("*.swift") if ".build" not in p.parts)
    for f in files:
        failures += check_file(f)
    print(f"Swift: parsed {len(files)} files with tree-sitter-swift; "
          f"{'no syntax errors' if failures == 0 else f'{failures} problems'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
