"""Checks that every PhotoDayCore type, initializer, method, field and case the iOS app uses exists
in the Swift uniffi generated from the current core, so a renamed core API fails here, on Linux,
not on a Mac later.

Swift cannot be compiled here (DESIGN §8), so both sides are read with tree-sitter-swift:

* The generated Swift (target/bindings/swift/*.swift) gives the API: every public type with its
  public fields, methods (with argument labels), initializers and enum cases (with the number of
  associated values), and the public global functions.
* The app's Swift (ios/PhotoDay/**/*.swift and the package holding its page model and glue,
  ios/PhotoDayKit/Sources/**/*.swift) is walked with a small type tracker: declared and
  inferred types of properties, parameters, locals, `if let`/`guard let`, `for`, closure
  parameters (explicit, or from the collection a `ForEach`/`map`/`first` runs over, or from an app
  function's closure parameter type), `switch` bindings, and the return types of core calls and of
  the app's own functions. Wherever a value's type is a PhotoDayCore type, each member used on it
  is looked up; each core call's argument labels are matched; each `.case` used where a core enum
  is expected (a switch, an `==`, an argument) must exist with the same number of associated
  values; key paths in `ForEach(..., id: \\.x)` must name a field; a `switch` over a core enum
  without `default` must handle every case the generated Swift has (the renderer's switch over
  `Block` and `Tone`: a kind of block the core adds fails here, not first in Xcode).
* `Screens` (the core's one entry point for the app) is opened only in PageModel.swift, which
  makes every call that reads or writes the disk off the main actor; no `StudentApp` or
  `ScannerApp` is opened by the app at all (their glue goes through `Screens.student()`).
* Every type name and bare function the app mentions must be the app's own, PhotoDayCore's, or
  listed in tests/ios/platform_names.txt (Apple's SDK names the app uses). A core type renamed
  away thus shows up as a name nobody defines.

A failure prints `file:line:col: message`. The checker also proves it can fail: fixture apps under
tests/ios/fixtures/ (over FakeCore.swift, a miniature of uniffi's output) must fail exactly on the
lines marked `expect:`, and, once the real app passes, the real app must fail at every place it
uses a core item when that item is renamed in a copy of the generated Swift (a method of each app
object, the initializer, a record field, enum cases with and without values, an argument label, a
record type, a global function).

Usage: check_api.py [--bindings DIR] [--app DIR]... [--list] [--gaps]
  --app   the app's Swift, one folder per option (default: ios/PhotoDay and
          ios/PhotoDayKit/Sources, where the app's page model and glue live)
  --list  every checked use;  --gaps  members used on values whose type the tracker lost
Prints `N passed, M failed` last (N: self-tests plus distinct checked uses); exits 1 on failure.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tree_sitter
import tree_sitter_swift

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DIRECTIVE = re.compile(rb"^[ \t]*#(if|elseif|else|endif)\b.*$", re.MULTILINE)
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
MODULES = {"Swift", "Foundation", "SwiftUI", "UIKit", "PhotoDayCore", "AVFoundation", "CoreImage"}
KEYWORDS = {"defer", "super"}
GENERIC_PARAMS = {"T", "U", "Content", "D", "Element", "Value"}


def parse(source: bytes):
    """Parses Swift with `#if` lines blanked, as tests/swift/parse_swift.py does (tree-sitter-swift
    cannot parse a `#if` between an attribute and its declaration); blanked with spaces so byte
    offsets, lines and columns stay true."""
    return PARSER.parse(DIRECTIVE.sub(lambda m: b" " * len(m.group(0)), source))


def text(node) -> str:
    return node.text.decode("utf-8")


def ident(name: str) -> str:
    return name.strip("`")


def named(node, *types):
    return [c for c in node.named_children if not types or c.type in types]


def first(node, *types):
    for c in node.named_children:
        if c.type in types:
            return c
    return None


# ---------------------------------------------------------------------------------------------
# Types, as text: `Home`, `Home?`, `[TimelineItem]`, `(QrCode, PassInfo?)`, `meta:Verdict`.


def norm_type(t: str | None) -> str | None:
    if t is None:
        return None
    t = re.sub(r"@\w+", "", t)
    t = re.sub(r"\b(inout|some|any|__owned)\b", "", t)
    t = re.sub(r"\s+", "", t)
    t = re.sub(r"\bSwift\.", "", t)
    t = re.sub(r"\bPhotoDayCore\.", "", t)
    m = re.fullmatch(r"Optional<(.+)>", t)
    if m:
        t = m.group(1) + "?"
    m = re.fullmatch(r"Array<(.+)>", t)
    if m:
        t = "[" + m.group(1) + "]"
    return t or None


def unwrap(t: str | None) -> str | None:
    if t is None:
        return None
    while t.endswith("?") or t.endswith("!"):
        t = t[:-1]
    return t


def split_top(s: str, sep: str = ",") -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in s:
        if ch in "([<{":
            depth += 1
        elif ch in ")]>}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


def element(t: str | None) -> str | None:
    t = unwrap(t)
    if t and t.startswith("[") and t.endswith("]") and ":" not in split_top(t[1:-1])[0]:
        return t[1:-1]
    return None


def tuple_items(t: str | None) -> list[str | None] | None:
    t = unwrap(t)
    if not t or not (t.startswith("(") and t.endswith(")")) or "->" in t:
        return None
    items = split_top(t[1:-1])
    if len(items) < 2:
        return None
    return [norm_type(re.sub(r"^\w+:", "", i)) for i in items]


def base(t: str | None) -> str | None:
    t = unwrap(t)
    if not t or t.startswith("[") or t.startswith("("):
        return None
    return t.split("<", 1)[0].split(".")[-1] if "." in t and t.split(".")[0] in MODULES else t.split("<", 1)[0]


def closure_params(t: str | None) -> list[str | None] | None:
    """Parameter types of a function type such as `@Sendable (StudentApp) throws -> T`."""
    if not t:
        return None
    s = re.sub(r"@\w+", "", t).strip()
    m = re.match(r"^\((.*?)\)\s*(async\s*)?(throws\s*)?(rethrows\s*)?->", s, re.S)
    if not m:
        return None
    inner = m.group(1).strip()
    return [norm_type(p) for p in split_top(inner)] if inner else []


# ---------------------------------------------------------------------------------------------
# The API: what a Swift file declares.


@dataclass
class Member:
    kind: str  # method | property | case | init
    name: str
    labels: list[str] | None = None  # call labels, `_` for none
    defaults: list[bool] | None = None
    params: list[str | None] | None = None  # parameter types (raw text, normalized)
    type: str | None = None  # property type / return type
    assoc: int = 0  # enum case: number of associated values
    assoc_types: list[str | None] = field(default_factory=list)
    generics: set[str] = field(default_factory=set)
    name_range: tuple[int, int] | None = None  # bytes of the name in its file
    label_ranges: list[tuple[int, int] | None] = field(default_factory=list)
    static: bool = False
    source: Path | None = None


@dataclass
class TypeDecl:
    name: str
    kind: str
    members: dict[str, list[Member]] = field(default_factory=dict)
    name_range: tuple[int, int] | None = None
    source: Path | None = None

    def add(self, m: Member):
        self.members.setdefault(m.name, []).append(m)


@dataclass
class Declarations:
    types: dict[str, TypeDecl] = field(default_factory=dict)
    functions: dict[str, list[Member]] = field(default_factory=dict)


def visibility(node) -> str:
    mods = first(node, "modifiers")
    if mods is None:
        return "internal"
    for m in mods.named_children:
        if m.type == "visibility_modifier":
            return text(m)
    return "internal"


def is_static(node) -> bool:
    mods = first(node, "modifiers")
    return mods is not None and any(
        text(m) in ("static", "class") for m in mods.named_children if m.type == "property_modifier")


def declared_type_name(node) -> tuple[str, tuple[int, int]] | None:
    """The name a class/struct/enum/extension/protocol declaration declares or extends."""
    n = node.child_by_field_name("name")
    if n is None:
        return None
    if n.type == "user_type":
        ids = named(n, "type_identifier")
        n = ids[-1] if ids else n
    return ident(text(n)), (n.start_byte, n.end_byte)


def parameters(node):
    """(label, internal name, type text, has default, label byte range) of a func/init."""
    out = []
    kids = node.children
    for i, c in enumerate(kids):
        if c.type != "parameter":
            continue
        ext = c.child_by_field_name("external_name")
        names = [k for k in c.named_children if k.type == "simple_identifier"]
        internal = names[-1] if names else None
        label_node = ext if ext is not None else internal
        label = ident(text(label_node)) if label_node is not None else "_"
        type_text = None
        colon = False
        for k in c.children:
            if k.type == ":":
                colon = True
            elif colon and k.is_named:
                type_text = (type_text or "") + " " + text(k)
        has_default = i + 1 < len(kids) and kids[i + 1].type == "="
        out.append((label, ident(text(internal)) if internal is not None else label, norm_type(type_text),
                    has_default, (label_node.start_byte, label_node.end_byte) if label_node is not None else None))
    return out


def return_type(node) -> str | None:
    seen_arrow = False
    for c in node.children:
        if c.type == "->":
            seen_arrow = True
        elif seen_arrow and c.is_named and c.type not in ("function_body", "type_constraints"):
            return norm_type(text(c))
    return None


def generic_params(node) -> set[str]:
    tp = first(node, "type_parameters")
    if tp is None:
        return set()
    return {ident(text(t.named_children[0])) for t in named(tp, "type_parameter") if t.named_children}


def func_member(node, kind="method") -> Member:
    params = parameters(node)
    name_node = node.child_by_field_name("name")
    name = "init" if kind == "init" else ident(text(name_node))
    return Member(
        kind=kind, name=name,
        labels=[p[0] for p in params], defaults=[p[3] for p in params], params=[p[2] for p in params],
        type=return_type(node) if kind != "init" else None,
        generics=generic_params(node),
        name_range=(name_node.start_byte, name_node.end_byte) if name_node is not None else None,
        label_ranges=[p[4] for p in params], static=is_static(node))


def property_members(node) -> list[Member]:
    out = []
    ann = first(node, "type_annotation")
    t = norm_type(text(ann.named_children[0])) if ann is not None and ann.named_children else None
    if t is None:
        value = node.child_by_field_name("value")
        t = literal_type(value)
    for pat in named(node, "pattern"):
        ids = [k for k in pat.named_children if k.type == "simple_identifier"]
        for n in ids:
            out.append(Member(kind="property", name=ident(text(n)), type=t,
                              name_range=(n.start_byte, n.end_byte), static=is_static(node)))
    return out


def literal_type(value) -> str | None:
    """The type of a property's initial value when it is obvious without context."""
    if value is None:
        return None
    if value.type == "call_expression":
        callee = value.named_children[0]
        if callee.type == "simple_identifier" and text(callee)[:1].isupper():
            return text(callee)
    if value.type in ("line_string_literal", "multi_line_string_literal"):
        return "String"
    if value.type == "integer_literal":
        return "Int"
    if value.type == "boolean_literal":
        return "Bool"
    return None


def enum_cases(node) -> list[Member]:
    out, current = [], None
    for c in node.children:
        if c.type == "simple_identifier":
            current = Member(kind="case", name=ident(text(c)), name_range=(c.start_byte, c.end_byte))
            out.append(current)
        elif c.type == "enum_type_parameters" and current is not None:
            types, colon = [], False
            labels = []
            for k in c.children:
                if k.type == "simple_identifier" and not colon:
                    labels.append(ident(text(k)))
                elif k.type == ":":
                    colon = True
                elif k.is_named and k.type not in ("multiline_comment", "comment") and (colon or k.type != "simple_identifier"):
                    types.append(norm_type(text(k)))
                    colon = False
                    if len(labels) < len(types):
                        labels.append("_")
            current.assoc = len(types)
            current.assoc_types = types
            current.labels = labels
    return out


def collect(tree, decls: Declarations, public_only: bool, source: Path | None = None):
    """Adds the types and functions a file declares (recursively, for nested types)."""

    def body_members(type_decl: TypeDecl, body):
        before = {id(m) for ms in type_decl.members.values() for m in ms}
        add_members(type_decl, body)
        for ms in type_decl.members.values():
            for m in ms:
                if id(m) not in before:
                    m.source = source

    def add_members(type_decl: TypeDecl, body):
        for m in body.named_children:
            if public_only and m.type != "enum_entry" and visibility(m) not in ("public", "open"):
                continue
            if m.type in ("function_declaration", "protocol_function_declaration"):
                type_decl.add(func_member(m))
            elif m.type == "init_declaration":
                type_decl.add(func_member(m, "init"))
            elif m.type in ("property_declaration", "protocol_property_declaration"):
                for p in property_members(m):
                    type_decl.add(p)
            elif m.type == "enum_entry":
                for case in enum_cases(m):
                    type_decl.add(case)
            elif m.type in ("class_declaration", "protocol_declaration"):
                visit_type(m)

    def visit_type(node):
        found = declared_type_name(node)
        if found is None:
            return
        name, rng = found
        kind_node = node.child_by_field_name("declaration_kind")
        kind = text(kind_node) if kind_node is not None else "type"
        if public_only and kind != "extension" and visibility(node) not in ("public", "open"):
            return
        decl = decls.types.get(name)
        if decl is None:
            decl = decls.types[name] = TypeDecl(name=name, kind=kind, name_range=rng, source=source)
        elif kind != "extension":
            decl.kind = kind
            decl.name_range = rng
            decl.source = source
        body = node.child_by_field_name("body")
        if body is not None:
            body_members(decl, body)

    for node in tree.root_node.named_children:
        if node.type in ("class_declaration", "protocol_declaration"):
            visit_type(node)
        elif node.type == "function_declaration":
            if public_only and visibility(node) not in ("public", "open"):
                continue
            m = func_member(node)
            m.source = source
            decls.functions.setdefault(m.name, []).append(m)


def read_api(paths: list[Path]) -> Declarations:
    api = Declarations()
    for p in paths:
        collect(parse(p.read_bytes()), api, public_only=True, source=p)
    # Extensions of platform types (uniffi extends Data, for one) are not core types.
    api.types = {n: t for n, t in api.types.items() if t.kind != "extension"}
    return api


# ---------------------------------------------------------------------------------------------
# The app: a walk with a small type tracker.


@dataclass
class Problem:
    path: Path
    line: int
    col: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass
class Use:
    path: Path
    line: int
    what: tuple  # ("member", Type, name) | ("label", Type, name, i) | ("type", name) | ("function", name)


class Scope:
    def __init__(self, parent: Scope | None = None, self_type: str | None = None):
        self.parent = parent
        self.vars: dict[str, str | None] = {}
        self.self_type = self_type if self_type is not None else (parent.self_type if parent else None)

    def lookup(self, name: str):
        s = self
        while s is not None:
            if name in s.vars:
                return True, s.vars[name]
            s = s.parent
        return False, None


class Checker:
    def __init__(self, api: Declarations, platform: set[str]):
        self.api = api
        self.platform = platform
        self.app = Declarations()
        self.problems: list[Problem] = []
        self.uses: list[Use] = []
        self.unresolved: list[tuple[Path, int, str]] = []
        self.path: Path = Path()

    # -- setup

    def load_app(self, files: list[Path]):
        self.files = [(p, parse(p.read_bytes())) for p in files]
        self.generics = set(GENERIC_PARAMS)
        for _, tree in self.files:
            collect(tree, self.app, public_only=False)
            stack = [tree.root_node]
            while stack:
                n = stack.pop()
                if n.type == "type_parameter" and n.named_children:
                    self.generics.add(text(n.named_children[0]))
                stack.extend(n.named_children)

    def run(self):
        for path, tree in self.files:
            self.path = path
            self.ev(tree.root_node, Scope())

    # -- reporting

    def fail(self, node, message: str):
        row, col = node.start_point
        self.problems.append(Problem(self.path, row + 1, col + 1, message))

    def used(self, node, what: tuple):
        self.uses.append(Use(self.path, node.start_point[0] + 1, what))

    # -- names

    def is_core_type(self, name: str | None) -> bool:
        return name is not None and name in self.api.types

    def core_members(self, type_name: str, member: str) -> list[Member]:
        """A core type's generated members plus what the app's extensions add to it."""
        found = list(self.api.types[type_name].members.get(member, []))
        app = self.app.types.get(type_name)
        if app is not None:
            found += app.members.get(member, [])
        return found

    def check_type_name(self, node, name: str):
        name = ident(name)
        if name in ("Self", "Type", "Protocol", "throws", "rethrows", "async") or name in self.generics:
            return
        if name in self.api.types:
            self.used(node, ("type", name))
            return
        if name in self.app.types and self.app.types[name].kind != "extension":
            return
        if name in self.platform or name in MODULES:
            return
        self.fail(node, f"type `{name}` is not in PhotoDayCore (target/bindings/swift), not declared by the "
                        f"app, and not a listed platform name (tests/ios/platform_names.txt)")

    # -- members

    def member(self, node, base_t: str | None, name: str, labels: list[str] | None = None,
               closures: int = 0) -> Member | None:
        """Looks `name` up on a value (or, for `meta:`, a type); fails for a core type that lacks it."""
        if base_t is None:
            return None
        meta = base_t.startswith("meta:")
        t = base(base_t[5:] if meta else base_t)
        if t is None or not self.is_core_type(t):
            return None
        name = ident(name)
        if name in ("self", "Type"):
            return None
        found = self.core_members(t, name)
        if not found and labels is None and name in ("hashValue", "description"):
            return None
        if not found:
            self.fail(node, f"`{t}` has no {'case or static member' if meta else 'member'} `{name}` in the "
                            f"generated Swift")
            return None
        # A member the app's own extension adds (`localized`, `message`) is the app's, not a use
        # of the core.
        is_core = bool(self.api.types[t].members.get(name))
        if labels is not None:
            callable_ = [m for m in found if m.kind in ("method", "init", "case")]
            if callable_:
                for m in callable_:
                    if self.labels_match(m, labels, closures):
                        if is_core:
                            self.used(node, ("member", t, name))
                            self.used(node, ("call", t, name, tuple(m.labels or [])))
                            for i in range(len(labels)):
                                self.used(node, ("label", t, name, i))
                        return m
                self.fail(node, f"`{t}.{name}` is called as `{name}({''.join(l + ':' for l in labels)})` but "
                                f"the generated Swift has " + " or ".join(
                                    f"`{name}({''.join(l + ':' for l in (m.labels or []))})`" for m in callable_))
                return None
        if is_core:
            self.used(node, ("member", t, name))
        return found[0]

    @staticmethod
    def labels_match(m: Member, given: list[str], closures: int = 0) -> bool:
        if m.kind == "case":
            expected = m.labels or []
            return len(given) == len(expected) and all(g in ("_", e) for g, e in zip(given, expected))
        expected = m.labels or []
        defaults = m.defaults or [False] * len(expected)
        i = 0
        for label, has_default in zip(expected, defaults):
            if i < len(given) and given[i] == label:
                i += 1
            elif has_default:
                continue
            elif closures > 0:
                closures -= 1
            else:
                return False
        return i == len(given)

    def member_type(self, m: Member | None, base_t: str | None, lambda_ret: str | None = None) -> str | None:
        if m is None:
            return None
        if m.kind == "case":
            return base_t[5:] if base_t and base_t.startswith("meta:") else base_t
        if m.kind == "init":
            return base_t[5:] if base_t and base_t.startswith("meta:") else base_t
        if m.type in m.generics:
            return lambda_ret
        return m.type

    def app_member(self, base_t: str | None, name: str) -> Member | None:
        """A member of one of the app's own types (no check: the app's own code is the compiler's)."""
        if base_t is None:
            return None
        meta = base_t.startswith("meta:")
        t = base(base_t[5:] if meta else base_t)
        if t is None or t not in self.app.types:
            return None
        found = self.app.types[t].members.get(ident(name))
        return found[0] if found else None

    # -- the walk

    def ev(self, node, scope: Scope, expected: str | None = None) -> str | None:
        kind = node.type
        handler = getattr(self, "ev_" + kind, None)
        if handler is not None:
            return handler(node, scope, expected)
        if kind in ("comment", "multiline_comment", "attribute"):
            return None
        for c in node.named_children:
            self.ev(c, scope)
        return None

    # literals
    def ev_line_string_literal(self, node, scope, expected):
        for c in node.named_children:
            self.ev(c, scope)
        return "String"

    ev_multi_line_string_literal = ev_line_string_literal

    def ev_integer_literal(self, node, scope, expected):
        return "Int"

    def ev_real_literal(self, node, scope, expected):
        return "Double"

    def ev_boolean_literal(self, node, scope, expected):
        return "Bool"

    # types named in declarations
    def ev_user_type(self, node, scope, expected):
        ids = named(node, "type_identifier")
        if ids:
            head = ids[0]
            if text(head) in MODULES and len(ids) > 1:
                head = ids[1]
            self.check_type_name(head, text(head))
        for c in node.named_children:
            if c.type == "type_arguments":
                self.ev(c, scope)
        return None

    def ev_type_identifier(self, node, scope, expected):
        self.check_type_name(node, text(node))
        return None

    # declarations
    def ev_class_declaration(self, node, scope, expected):
        found = declared_type_name(node)
        inner = Scope(scope, self_type=found[0] if found else None)
        for c in node.named_children:
            if c.type in ("type_identifier",) and c == node.child_by_field_name("name"):
                continue  # the declared name itself
            if c.type == "user_type" and c == node.child_by_field_name("name"):
                self.ev(c, scope)  # an extension names an existing type: check it
                continue
            self.ev(c, inner)
        return None

    ev_protocol_declaration = ev_class_declaration

    def ev_function_declaration(self, node, scope, expected):
        inner = Scope(scope)
        for label, internal, t, _, _ in parameters(node):
            inner.vars[internal] = t
        for c in node.named_children:
            if c.type == "simple_identifier" and c == node.child_by_field_name("name"):
                continue
            self.ev(c, inner)
        return None

    ev_init_declaration = ev_function_declaration
    ev_protocol_function_declaration = ev_function_declaration

    def ev_value_argument_label(self, node, scope, expected):
        return None

    def ev_import_declaration(self, node, scope, expected):
        return None

    def ev_self_expression(self, node, scope, expected):
        return scope.self_type

    def ev_parameter(self, node, scope, expected):
        for c in node.named_children:
            if c.type != "simple_identifier":
                self.ev(c, scope)
        return None

    def ev_property_declaration(self, node, scope, expected):
        ann = first(node, "type_annotation")
        declared = norm_type(text(ann.named_children[0])) if ann is not None and ann.named_children else None
        if ann is not None:
            self.ev(ann, scope)
        value = node.child_by_field_name("value")
        value_t = self.ev(value, scope, declared) if value is not None else None
        t = declared or value_t
        for c in node.named_children:
            if c.type in ("computed_property", "property_behavior_modifier", "willset_didset_block"):
                self.ev(c, Scope(scope))
            elif c.type == "modifiers":
                self.ev(c, scope)
        for pat in named(node, "pattern"):
            ids = [k for k in pat.named_children if k.type == "simple_identifier"]
            if len(ids) == 1:
                scope.vars[ident(text(ids[0]))] = t
            else:
                for k in ids:
                    scope.vars[ident(text(k))] = None
        return None

    def ev_computed_property(self, node, scope, expected):
        inner = Scope(scope)
        for c in node.named_children:
            self.ev(c, inner)
        return None

    # statements with bindings
    def bind_conditions(self, node, scope: Scope, bind_into: Scope):
        kids = node.children
        i = 0
        while i < len(kids):
            c = kids[i]
            if c.type == "value_binding_pattern" and i + 1 < len(kids) and kids[i + 1].type == "simple_identifier":
                name = ident(text(kids[i + 1]))
                if i + 2 < len(kids) and kids[i + 2].type == "=":
                    value = kids[i + 3] if i + 3 < len(kids) else None
                    t = self.ev(value, scope) if value is not None else None
                    bind_into.vars[name] = unwrap(t)
                    i += 4
                    continue
                _, t = scope.lookup(name)
                bind_into.vars[name] = unwrap(t)
                i += 2
                continue
            if c.type == "case":
                i = self.case_condition(kids, i, scope, bind_into)
                continue
            if c.is_named and c.type not in ("statements", "else"):
                self.ev(c, scope)
            i += 1
        return None

    def case_condition(self, kids, i, scope, bind_into) -> int:
        """`if case .name(let a, …) = subject`: checks the case on a core enum subject."""
        j = i + 1
        while j < len(kids) and kids[j].type != "=":
            j += 1
        subject = kids[j + 1] if j + 1 < len(kids) else None
        subject_t = self.ev(subject, scope) if subject is not None else None
        name_node = next((k for k in kids[i + 1:j] if k.type == "simple_identifier"), None)
        bindings = [k for k in kids[i + 1:j] if k.type == "pattern"]
        if name_node is not None:
            self.check_case(name_node, subject_t, bindings, bind_into)
        return j + 2

    def check_case(self, name_node, subject_t, bindings, bind_into: Scope):
        t = base(subject_t)
        name = ident(text(name_node))
        m = None
        if t is not None and self.is_core_type(t):
            cases = [c for c in self.core_members(t, name) if c.kind == "case"]
            if not cases:
                self.fail(name_node, f"`{t}` has no case `{name}` in the generated Swift")
            else:
                m = cases[0]
                self.used(name_node, ("member", t, name))
                if bindings and len(bindings) != m.assoc:
                    self.fail(name_node, f"`{t}.{name}` has {m.assoc} associated values in the generated Swift; "
                                         f"the pattern binds {len(bindings)}")
        for idx, b in enumerate(bindings):
            for k in b.named_children:
                if k.type == "simple_identifier":
                    bind_into.vars[ident(text(k))] = m.assoc_types[idx] if m and idx < len(m.assoc_types) else None
                elif k.type == "pattern":
                    for kk in k.named_children:
                        if kk.type == "simple_identifier":
                            bind_into.vars[ident(text(kk))] = None

    def ev_if_statement(self, node, scope, expected):
        inner = Scope(scope)
        self.bind_conditions(node, scope, inner)
        blocks = [c for c in node.children if c.type == "statements"]
        for n, b in enumerate(blocks):
            self.ev(b, inner if n == 0 else Scope(scope))
        for c in node.children:
            if c.type == "if_statement":
                self.ev(c, scope)
        return None

    def ev_guard_statement(self, node, scope, expected):
        self.bind_conditions(node, scope, scope)
        for c in node.children:
            if c.type == "statements":
                self.ev(c, Scope(scope))
        return None

    def ev_for_statement(self, node, scope, expected):
        inner = Scope(scope)
        coll = node.child_by_field_name("collection")
        coll_t = self.ev(coll, scope) if coll is not None else None
        item = node.child_by_field_name("item")
        if item is not None:
            ids = [k for k in item.named_children if k.type == "simple_identifier"]
            if len(ids) == 1:
                inner.vars[ident(text(ids[0]))] = element(coll_t)
        for c in node.named_children:
            if c not in (coll, item):
                self.ev(c, inner)
        return None

    def ev_switch_statement(self, node, scope, expected):
        subject = node.child_by_field_name("expr")
        subject_t = self.ev(subject, scope) if subject is not None else None
        covered, has_default = set(), False
        for entry in named(node, "switch_entry"):
            inner = Scope(scope)
            has_default = has_default or any(c.type == "default_keyword" for c in entry.children)
            for c in entry.named_children:
                if c.type == "switch_pattern":
                    self.switch_pattern(c, subject_t, inner)
                    pat = first(c, "pattern")
                    kids = pat.children if pat is not None else []
                    covered.update(text(k) for i, k in enumerate(kids)
                                   if k.type == "simple_identifier" and i > 0 and kids[i - 1].type == ".")
                else:
                    self.ev(c, inner)
        # A core enum switched over without `default` must name every case the generated Swift has,
        # or Xcode rejects it: a case the core adds (a new kind of block, a new tone) fails here.
        decl = self.api.types.get(base(subject_t) or "")
        if decl is not None and decl.kind == "enum" and not has_default and subject_t == unwrap(subject_t):
            cases = {n for n, ms in decl.members.items() if any(m.kind == "case" for m in ms)}
            missing = sorted(ident(c) for c in cases - {ident(x) for x in covered})
            if missing:
                self.fail(node, f"switch over {decl.name} does not handle "
                                + ", ".join(f".{c}" for c in missing) + " (the generated Swift has it)")
        return None

    def switch_pattern(self, node, subject_t, inner: Scope):
        pat = first(node, "pattern")
        if pat is None:
            return
        kids = pat.children
        # `.name(...)` or `let .name(...)`
        for i, k in enumerate(kids):
            if k.type == "simple_identifier" and (i > 0 and kids[i - 1].type == "." or
                                                  i > 1 and kids[i - 1].type == "value_binding_pattern"):
                bindings = [x for x in kids[i + 1:] if x.type == "pattern"]
                self.check_case(k, subject_t, bindings, inner)
                return
            if k.type == "simple_identifier" and i == 0 and subject_t and self.is_core_type(base(subject_t)):
                # tree-sitter drops the dot in some nested forms
                bindings = [x for x in kids[i + 1:] if x.type == "pattern"]
                self.check_case(k, subject_t, bindings, inner)
                return
        for k in pat.named_children:
            self.ev(k, inner)

    # expressions
    def ev_simple_identifier(self, node, scope, expected):
        name = ident(text(node))
        found, t = scope.lookup(name)
        if found:
            return t
        if name == "self":
            return scope.self_type
        if name.startswith("$") and name[1:].isdigit():
            return None
        if scope.self_type:
            m = self.app_member(scope.self_type, name)
            if m is not None:
                return m.type if m.kind == "property" else None
            if self.is_core_type(scope.self_type) and self.core_members(scope.self_type, name):
                m = self.member(node, scope.self_type, name)
                return m.type if m and m.kind == "property" else None
        if name[:1].isupper():
            self.check_type_name(node, name)
            return "meta:" + name
        return None

    def ev_navigation_expression(self, node, scope, expected):
        target = node.child_by_field_name("target")
        suffix = node.child_by_field_name("suffix")
        member_node = suffix.child_by_field_name("suffix") if suffix is not None else None
        if target is not None and target.type == "key_path_expression":
            return None
        target_t = self.ev(target, scope) if target is not None else None
        if member_node is None:
            return None
        if member_node.type == "integer_literal":
            items = tuple_items(target_t)
            i = int(text(member_node))
            return items[i] if items and i < len(items) else None
        if member_node.type != "simple_identifier":
            self.ev(member_node, scope)
            return None
        name = ident(text(member_node))
        return self.member_value(member_node, target_t, name)

    def member_value(self, node, target_t, name):
        if target_t is None:
            self.unresolved.append((self.path, node.start_point[0] + 1, name))
        m = self.member(node, target_t, name)
        if m is not None:
            if m.kind == "property":
                return m.type
            if m.kind == "case":
                return self.member_type(m, target_t)
            return None
        app_m = self.app_member(target_t, name)
        if app_m is not None:
            return app_m.type if app_m.kind == "property" else None
        return self.builtin_member(target_t, name)

    def builtin_member(self, t, name):
        elem = element(t)
        if elem is not None:
            return {"first": elem + "?", "last": elem + "?", "count": "Int", "isEmpty": "Bool",
                    "indices": None}.get(name)
        if unwrap(t) in ("String", "Data") and name in ("count", "isEmpty"):
            return {"count": "Int", "isEmpty": "Bool"}[name]
        return None

    def ev_prefix_expression(self, node, scope, expected):
        kids = node.children
        if kids and kids[0].type == "." and len(kids) > 1 and kids[1].type == "simple_identifier":
            return self.implicit_member(kids[1], expected)
        for c in node.named_children:
            self.ev(c, scope)
        if kids and kids[0].type == "bang":
            return "Bool"
        return None

    def implicit_member(self, name_node, expected, labels=None):
        """`.name` where the type is known from context."""
        t = base(expected)
        if t is not None and self.is_core_type(t):
            m = self.member(name_node, "meta:" + t, ident(text(name_node)), labels)
            return t if m is not None else None
        return None

    def ev_try_expression(self, node, scope, expected):
        t = None
        for c in node.named_children:
            t = self.ev(c, scope, expected)
        return t

    ev_await_expression = ev_try_expression

    def ev_postfix_expression(self, node, scope, expected):
        t = None
        for c in node.named_children:
            t = self.ev(c, scope)
        return unwrap(t)

    def ev_tuple_expression(self, node, scope, expected):
        values = [c for c in node.named_children if c.type not in ("comment",)]
        items = tuple_items(expected) or []
        types = [self.ev(v, scope, items[i] if i < len(items) else None) for i, v in enumerate(values)]
        if len(types) == 1:
            return types[0]
        return "(" + ",".join(t or "_" for t in types) + ")"

    def ev_as_expression(self, node, scope, expected):
        kids = node.named_children
        self.ev(kids[0], scope)
        t = None
        for c in kids[1:]:
            if c.type != "as_operator":
                self.ev(c, scope)
                t = norm_type(text(c))
        op = first(node, "as_operator")
        if op is not None and "?" in text(op) and t:
            return t + "?"
        return t

    def ev_ternary_expression(self, node, scope, expected):
        kids = node.named_children
        t = None
        for i, c in enumerate(kids):
            r = self.ev(c, scope, expected if i > 0 else None)
            if i == 1:
                t = r
        return t

    def ev_nil_coalescing_expression(self, node, scope, expected):
        kids = node.named_children
        lhs = self.ev(kids[0], scope, expected + "?" if expected else None) if kids else None
        rhs = None
        for c in kids[1:]:
            rhs = self.ev(c, scope, expected or unwrap(lhs))
        return unwrap(lhs) or rhs

    def ev_equality_expression(self, node, scope, expected):
        lhs = node.child_by_field_name("lhs")
        rhs = node.child_by_field_name("rhs")
        lt = self.ev(lhs, scope) if lhs is not None else None
        if rhs is not None:
            self.ev(rhs, scope, unwrap(lt))
        return "Bool"

    def ev_lambda_literal(self, node, scope, expected, param_types=None) -> str | None:
        """A closure: binds its parameters (explicit types win) and returns its result type."""
        inner = Scope(scope)
        declared_ret = None
        ftype = first(node, "lambda_function_type")
        if ftype is not None:
            params = first(ftype, "lambda_function_type_parameters")
            for i, p in enumerate(named(params, "lambda_parameter") if params is not None else []):
                ids = [k for k in p.named_children if k.type == "simple_identifier"]
                explicit = [k for k in p.named_children if k.type != "simple_identifier"]
                t = norm_type(text(explicit[0])) if explicit else None
                for e in explicit:
                    self.ev(e, scope)
                if t is None and param_types and i < len(param_types):
                    t = param_types[i]
                if ids:
                    inner.vars[ident(text(ids[-1]))] = t
            seen_arrow = False
            for k in ftype.children:
                if k.type == "->":
                    seen_arrow = True
                elif seen_arrow and k.is_named:
                    declared_ret = norm_type(text(k))
                    self.ev(k, scope)
        elif param_types:
            for i, t in enumerate(param_types):
                inner.vars[f"${i}"] = t
        body = first(node, "statements")
        body_t = None
        if body is not None:
            stmts = [c for c in body.named_children if c.type not in ("comment", "multiline_comment")]
            for s in stmts:
                body_t = self.ev(s, inner)
            if len(stmts) != 1:
                body_t = None
        return declared_ret or body_t

    def ev_call_expression(self, node, scope, expected):
        callee = node.named_children[0]
        suffix = first(node, "call_suffix")
        args_node = first(suffix, "value_arguments") if suffix is not None else None
        closures = [c for c in suffix.named_children if c.type == "lambda_literal"] if suffix is not None else []
        # trailing closures after the first are labeled: `label: { … }`
        args = named(args_node, "value_argument") if args_node is not None else []
        labels = []
        for a in args:
            lab = a.child_by_field_name("name")
            labels.append(ident(text(lab.named_children[0] if lab.named_children else lab)) if lab is not None else "_")
        subscript = args_node is not None and args_node.children and args_node.children[0].type == "["

        # What is being called?
        target_t, name, name_node = None, None, None
        if callee.type == "simple_identifier":
            name = ident(text(callee))
            name_node = callee
        elif callee.type == "navigation_expression":
            tgt = callee.child_by_field_name("target")
            suf = callee.child_by_field_name("suffix")
            mn = suf.child_by_field_name("suffix") if suf is not None else None
            if mn is not None and mn.type == "simple_identifier":
                name, name_node = ident(text(mn)), mn
                target_t = self.ev(tgt, scope) if tgt is not None else None
            else:
                self.ev(callee, scope)
        elif callee.type == "prefix_expression" and callee.children and callee.children[0].type == ".":
            # `.case(...)` or `.staticMember(...)`, the type known from context
            mn = callee.children[1]
            t = base(expected)
            m = None
            if t is not None and self.is_core_type(t):
                m = self.member(mn, "meta:" + t, ident(text(mn)), labels, len(closures))
            want = (m.assoc_types if m is not None and m.kind == "case" else m.params if m is not None else None) or []
            for i, a in enumerate(args):
                self.arg_value_type(a, scope, want[i] if i < len(want) else None)
            for c in closures:
                self.ev_lambda_literal(c, scope, None)
            return t if m is not None else None
        else:
            callee_t = self.ev(callee, scope)
            for a in args:
                self.ev(a, scope)
            for c in closures:
                self.ev_lambda_literal(c, scope, None)
            return element(callee_t) if subscript else None

        if subscript:
            found, var_t = scope.lookup(name) if target_t is None else (False, None)
            base_t = var_t if found else self.member_value(name_node, target_t, name) if target_t else \
                self.ev(callee, scope)
            for a in args:
                self.ev(a, scope)
            return element(base_t)

        # Resolve the callee and the types its arguments and closures expect.
        core_m, app_m, result, param_types = None, None, None, None
        closure_param_types: list[list[str | None] | None] = [None] * len(closures)
        n_trailing = len(closures)
        found_var = False
        if target_t is None and callee.type == "simple_identifier":
            found_var, var_t = scope.lookup(name)
            if found_var:
                result = None
            elif name in self.api.functions:
                core_m = self.pick(callee, self.api.functions[name], labels, n_trailing, f"`{name}`")
                self.used(callee, ("function", name))
            elif name[:1].isupper():
                self.check_type_name(callee, name)
                if self.is_core_type(name):
                    core_m = self.member(callee, "meta:" + name, "init", labels, n_trailing)
                result = name
            elif scope.self_type and (self.app_member(scope.self_type, name) or
                                      (self.is_core_type(scope.self_type) and self.core_members(scope.self_type, name))):
                if self.is_core_type(scope.self_type) and self.core_members(scope.self_type, name):
                    core_m = self.member(callee, scope.self_type, name, labels, n_trailing)
                else:
                    app_m = self.app_member(scope.self_type, name)
            elif name in self.app.functions:
                app_m = self.app.functions[name][0]
            elif name in KEYWORDS or (scope.self_type and scope.self_type not in self.api.types and
                                       self.app.types.get(scope.self_type, TypeDecl("", "extension")).kind == "extension"):
                pass  # `defer { }`, or a method of the platform type an app extension extends
            elif name not in self.platform:
                self.fail(callee, f"function `{name}` is not in PhotoDayCore (target/bindings/swift), not declared "
                                  f"by the app, and not a listed platform name (tests/ios/platform_names.txt)")
        elif target_t is not None:
            if target_t.startswith("meta:") and self.is_core_type(base(target_t[5:])):
                core_m = self.member(name_node, target_t, name, labels, n_trailing)
            elif self.is_core_type(base(target_t)):
                core_m = self.member(name_node, target_t, name, labels, n_trailing)
            else:
                app_m = self.app_member(target_t, name)

        if core_m is not None:
            param_types = core_m.params if core_m.kind != "case" else core_m.assoc_types
        elif app_m is not None and app_m.kind in ("method", "init"):
            param_types = app_m.params
            cp = [closure_params(p) for p in (app_m.params or [])]
            fn_params = [c for c in cp if c is not None]
            for i in range(len(closures)):
                if i < len(fn_params):
                    closure_param_types[i] = fn_params[-len(closures) + i] if len(fn_params) >= len(closures) else fn_params[i]

        # Collections and SwiftUI's ForEach give closures their element type.
        elem_source = None
        if callee.type == "simple_identifier" and name == "ForEach" and args:
            elem_source = self.arg_value_type(args[0], scope)
            self.check_key_paths(args, element(elem_source))
        elif target_t is not None and name in ("map", "compactMap", "flatMap", "forEach", "filter", "first",
                                                "contains", "allSatisfy", "sorted", "min", "max", "last",
                                                "firstIndex", "reduce"):
            elem_source = target_t
        if elem_source is not None:
            e = element(elem_source) or (unwrap(elem_source) if name in ("map", "flatMap") and
                                          elem_source.endswith("?") else None)
            closure_param_types = [[e]] * len(closures)

        # Arguments, each with the type the callee expects (for `.case` arguments).
        arg_types = []
        for i, a in enumerate(args):
            idx = self.param_index(core_m or app_m, labels, i)
            want = param_types[idx] if param_types and idx is not None and idx < len(param_types) else None
            arg_types.append(self.arg_value_type(a, scope, want) if not (callee.type == "simple_identifier" and
                                                                        name == "ForEach" and i == 0) else None)
        lambda_ret = None
        for i, c in enumerate(closures):
            r = self.ev_lambda_literal(c, scope, None, closure_param_types[i] if i < len(closure_param_types) else None)
            lambda_ret = lambda_ret or r

        if core_m is not None:
            if core_m.kind in ("init", "case"):
                return base(target_t[5:]) if target_t and target_t.startswith("meta:") else (result or name)
            return self.member_type(core_m, target_t, lambda_ret)
        if app_m is not None:
            if app_m.type and app_m.type in app_m.generics:
                return lambda_ret
            return app_m.type if app_m.kind == "method" else None
        if result is not None:
            return result
        if target_t is not None:
            return self.builtin_call(target_t, name, lambda_ret)
        return None

    def builtin_call(self, t, name, lambda_ret):
        elem = element(t)
        if elem is not None:
            if name in ("first", "last", "min", "max"):
                return elem + "?"
            if name in ("filter", "sorted"):
                return t
            if name == "joined":
                return "String"
            if name in ("map", "compactMap"):
                return "[" + lambda_ret + "]" if lambda_ret else None
        if unwrap(t) == "String" and name in ("trimmingCharacters", "uppercased", "lowercased", "filter"):
            return "String"
        return None

    def pick(self, node, candidates: list[Member], labels, closures, what) -> Member | None:
        for m in candidates:
            if self.labels_match(m, labels, closures):
                for i in range(len(labels)):
                    self.used(node, ("flabel", m.name, i))
                return m
        self.fail(node, f"{what} is called with labels ({', '.join(labels)}) but the generated Swift has "
                        + " or ".join(f"({', '.join(m.labels or [])})" for m in candidates))
        return None

    @staticmethod
    def param_index(m: Member | None, labels, i) -> int | None:
        if m is None or not m.labels:
            return None
        want = labels[i]
        pos = 0
        for j, lab in enumerate(m.labels):
            if lab == want:
                # the i-th argument with this label
                if labels[:i].count(want) == pos:
                    return j
                pos += 1
        return i if i < len(m.labels) else None

    def arg_value_type(self, arg, scope, expected=None):
        value = arg.child_by_field_name("value")
        if value is None:
            kids = [c for c in arg.named_children if c.type != "value_argument_label"]
            value = kids[-1] if kids else None
        return self.ev(value, scope, expected) if value is not None else None

    def check_key_paths(self, args, elem_t):
        """`ForEach(items, id: \\.field)`: the field must exist on a core element type."""
        for a in args[1:]:
            value = a.child_by_field_name("value")
            if value is None or value.type != "navigation_expression":
                continue
            tgt = value.child_by_field_name("target")
            if tgt is None or tgt.type != "key_path_expression":
                continue
            suf = value.child_by_field_name("suffix")
            mn = suf.child_by_field_name("suffix") if suf is not None else None
            if mn is not None and mn.type == "simple_identifier" and text(mn) != "self":
                self.member(mn, elem_t, text(mn))


def swift_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.swift") if ".build" not in p.parts)


def platform_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(line)
    return names


def check(api_files: list[Path], app_files: list[Path], platform: set[str]) -> Checker:
    checker = Checker(read_api(api_files), platform)
    checker.load_app(app_files)
    checker.run()
    return checker


# ---------------------------------------------------------------------------------------------
# Proof that the checker fails when it should.


def fixture_tests(platform: set[str]) -> list[tuple[str, bool, str]]:
    """Each fixture app must fail exactly on the lines marked `// expect: <words>`, and the good
    one nowhere."""
    results = []
    fixtures = HERE / "fixtures"
    core = [fixtures / "FakeCore.swift"]
    for app in sorted(fixtures.glob("app_*.swift")):
        src = app.read_text().splitlines()
        expected = {}
        for i, line in enumerate(src, 1):
            m = re.search(r"//\s*expect:\s*(.+)$", line)
            if m:
                expected[i] = m.group(1).strip()
        checker = check(core, [app], platform)
        got = {}
        for p in checker.problems:
            got.setdefault(p.line, []).append(p.message)
        ok = set(got) == set(expected) and all(
            all(w in " ".join(got[ln]) for w in expected[ln].split(" | ")) for ln in expected)
        detail = "" if ok else (
            "expected failures on lines " + str(sorted(expected)) + ", got " +
            "; ".join(f"{ln}: {' / '.join(ms)}" for ln, ms in sorted(got.items())))
        results.append((f"fixture {app.name}", ok, detail))
    return results


def mutation_tests(api_files: list[Path], app_files: list[Path], platform: set[str],
                   baseline: Checker) -> list[tuple[str, bool, str]]:
    """Renames, in a copy of the generated Swift, one core item of each kind the app uses, and
    expects the checker to fail at every line of the app that uses it."""
    api = baseline.api
    uses = baseline.uses

    def sites(pred):
        return sorted({(u.path, u.line) for u in uses if pred(u.what)})

    picks = []
    member_uses = [u.what for u in uses if u.what[0] == "member"]

    def pick_member(pred, label):
        for w in member_uses:
            t, name = w[1], w[2]
            ms = api.types.get(t, TypeDecl(t, "")).members.get(name, [])
            if ms and pred(t, ms[0]):
                picks.append((label, t, name, ms[0], ("member", t, name)))
                return

    pick_member(lambda t, m: t == "Screens" and m.kind == "method", "a Screens method")
    pick_member(lambda t, m: t == "StudentApp" and m.kind == "method", "a StudentApp method")
    pick_member(lambda t, m: t == "ScannerApp" and m.kind == "method", "a ScannerApp method")
    for owner in ("Screens", "StudentApp"):
        for w in (u.what for u in uses if u.what[0] == "call" and u.what[1] == owner and u.what[2] == "init"):
            init = next(m for m in api.types[owner].members["init"] if tuple(m.labels or []) == w[3])
            picks.append((f"the {owner} initializer", owner, "init", init, ("member", owner, "init")))
            break
        break
    pick_member(lambda t, m: api.types[t].kind == "struct" and m.kind == "property", "a record field")
    pick_member(lambda t, m: api.types[t].kind == "enum" and m.kind == "case" and m.assoc > 0,
                "an enum case with values")
    pick_member(lambda t, m: api.types[t].kind == "enum" and m.kind == "case" and m.assoc == 0, "a plain enum case")
    for w in (u.what for u in uses if u.what[0] == "label"):
        ms = api.types[w[1]].members.get(w[2], [])
        if ms and ms[0].kind == "method" and ms[0].label_ranges and ms[0].label_ranges[w[3]]:
            picks.append(("an argument label", w[1], w[2], ms[0], ("label", w[1], w[2], w[3])))
            break
    for w in (u.what for u in uses if u.what[0] == "type"):
        if api.types[w[1]].kind == "struct":
            picks.append(("a record type", w[1], None, None, ("type", w[1])))
            break
    for w in (u.what for u in uses if u.what[0] == "function"):
        picks.append(("a global function", None, w[1], api.functions[w[1]][0], ("function", w[1])))
        break

    results = []
    sources = {p: p.read_bytes() for p in api_files}
    for label, t, name, m, what in picks:
        # Find the byte range to rename, in whichever generated file declares it.
        rng = None
        if what[0] == "label":
            rng = m.label_ranges[what[3]]
        elif what[0] == "type":
            rng = api.types[t].name_range
        else:
            rng = m.name_range
        if m is not None and m.kind == "init" and what[0] == "member":
            rng = m.label_ranges[0] if m.label_ranges else None  # an initializer is renamed by its label
        desc = f"{label} ({'.'.join(x for x in (t, name) if x)}" + \
            (f", label {m.labels[what[3]]}:" if what[0] == "label" else "") + ")"
        if rng is None:
            results.append((f"mutation: {desc}", False, "could not locate it in the generated Swift"))
            continue
        source = api.types[t].source if what[0] == "type" else m.source
        with tempfile.TemporaryDirectory(prefix="photoday-check-api-") as tmp:
            paths = []
            for p, src in sources.items():
                if p == source:
                    src = src[:rng[0]] + src[rng[0]:rng[1]].rstrip(b"`") + b"Renamed" + src[rng[1]:]
                q = Path(tmp) / p.name
                q.write_bytes(src)
                paths.append(q)
            checker = check(paths, app_files, platform)
        want = sites(lambda w: w == what)
        failed = {(p.path, p.line) for p in checker.problems}
        missing = [f"{p}:{ln}" for p, ln in want if (p, ln) not in failed]
        ok = bool(want) and not missing
        detail = "" if ok else (f"no failure at {', '.join(missing)}" if missing else "the app does not use it")
        results.append((f"mutation: {desc} → {len(want)} use(s) fail", ok, detail))
    return results


# ---------------------------------------------------------------------------------------------


def main(argv) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bindings", type=Path, default=ROOT / "target" / "bindings" / "swift")
    ap.add_argument("--app", type=Path, action="append",
                    help="a folder of the app's Swift (repeatable; default: the app and PhotoDayKit)")
    ap.add_argument("--list", action="store_true", help="list every checked use")
    ap.add_argument("--gaps", action="store_true",
                    help="list members used on values of unknown type whose name a core type also has")
    args = ap.parse_args(argv[1:])

    platform = platform_names(HERE / "platform_names.txt")
    api_files = sorted(args.bindings.glob("*.swift"))
    apps = args.app or [ROOT / "ios" / "PhotoDay", ROOT / "ios" / "PhotoDayKit" / "Sources"]
    app_files = sorted(f for a in apps for f in swift_files(a))
    passed = failed = 0

    def report(name, ok, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))

    if not api_files:
        print(f"{args.bindings}: no generated Swift (run bindings/generate.sh)")
        print("0 passed, 1 failed")
        return 1

    # 1. The checker can fail.
    for name, ok, detail in fixture_tests(platform):
        report(name, ok, detail)
        if ok:
            print(f"ok   {name}")

    # 2. The real app against the current core.
    checker = check(api_files, app_files, platform)
    api = checker.api
    for required in ("Screens", "StudentApp", "ScannerApp"):
        report(f"generated Swift declares {required}", required in api.types and
               len(api.types[required].members) >= 5, "not found: is the generated file uniffi's?")
    for p in checker.problems:
        print(p)
    distinct = sorted({(u.path, u.line, u.what) for u in checker.uses})
    failed_lines = {(p.path, p.line) for p in checker.problems}
    for path, line, what in distinct:
        if args.list:
            print(f"{path}:{line}: {what[0]} {' '.join(str(x) for x in what[1:])}")
        if (path, line) not in failed_lines:
            passed += 1
    failed += len(checker.problems)
    if args.gaps:
        core_names = {n for t in api.types.values() for n in t.members}
        for path, line, name in checker.unresolved:
            if name in core_names:
                print(f"{path}:{line}: `.{name}` on a value of unknown type")
    # Every core call that touches the disk runs off the main actor because only PageModel (in
    # PhotoDayKit) opens Screens and hands its calls to detached tasks; the app opens no role
    # object of its own.
    opened = sorted({(u.path, u.line, u.what[1]) for u in checker.uses
                     if u.what[0] == "call" and u.what[1] in ("Screens", "StudentApp", "ScannerApp")
                     and u.what[2] == "init"})
    elsewhere = [f"{p}:{ln} opens {t}" for p, ln, t in opened if p.name != "PageModel.swift" or t != "Screens"]
    report("Screens is opened only in PageModel, and no StudentApp or ScannerApp by the app",
           bool(opened) and not elsewhere, "; ".join(elsewhere) or "PageModel does not open Screens")
    core_types = sorted({u.what[1] for u in checker.uses if u.what[0] in ("member", "type")})
    print(f"iOS API: {len(app_files)} app files, {len(distinct)} uses of PhotoDayCore checked against "
          f"{', '.join(p.name for p in api_files)} ({len(core_types)} core types used); "
          f"{len(checker.problems)} missing")

    # 3. A renamed core item fails the real app.
    if not checker.problems:
        for name, ok, detail in mutation_tests(api_files, app_files, platform, checker):
            report(name, ok, detail)
            if ok:
                print(f"ok   {name}")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
