"""Checks the iOS project's text files that Xcode would otherwise be the first to read, here where
no Xcode exists:

* Words: every text on screen is the core's (its pages and `Words`), so the app's Swift has no UI
  string literal of its own (Text, Button, Label, Section, navigationTitle, String(localized:),
  parameters the app declares as LocalizedStringKey…) and there is no Localizable.xcstrings;
  InfoPlist.xcstrings (the camera usage text, the app's name) is a valid catalog translated into
  zh-Hans and en.
* Info.plist: the camera usage string (localized), the two document types with exported UTIs
  matching the identifiers the Swift uses (.photoday and .photodaylog, one vnd. MIME type each,
  conforming to public.data; never .pdb/.pdl), ITSAppUsesNonExemptEncryption false, and nothing
  that opens the network.
* PrivacyInfo.xcprivacy: present, copied into the app, no tracking, and the required reasons for
  file timestamps (UserDefaults only while the Swift uses it); project.yml asks for XcodeGen ≥ 2.39 (String Catalogs) and
  the README for Xcode 16, with a tool table.
* build-xcframework.sh: passes `bash -n`; expands no array that can be empty (macOS's bash 3.2
  aborts on that under `set -u`); its argument handling, sourced and run under `set -u` (also in
  `bash --posix`) with a stub cargo, reads no/debug/release/a wrong argument correctly.
  Each of these checks is first shown to fail on a broken copy.
* project.yml / Package.swift / build-xcframework.sh: one iOS deployment target everywhere, the
  app depends on the local package, the package's binary target and module names match what
  bindings/uniffi.toml makes uniffi generate, and the script builds the three Rust targets.
* The app's Swift: no network API or web URL; no core object opened or kept in ios/PhotoDay (the
  core's `Screens` lives only in PhotoDayKit's PageModel, which calls it off the main actor, and
  PageModel is @MainActor @Observable); every file opens with a comment saying why it exists.

Usage: check_app.py [--keys]   (--keys lists the localized literals found)
Prints `N passed, M failed` last; exits 1 on any failure.
"""

from __future__ import annotations

import json
import os
import plistlib
import re
import subprocess
import sys
from pathlib import Path

import tree_sitter
import tree_sitter_swift

ROOT = Path(__file__).resolve().parents[2]
IOS = ROOT / "ios"
APP = IOS / "PhotoDay"
RESOURCES = APP / "Resources"
PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
LANGUAGES = ("en", "zh-Hans")

# SwiftUI initializers and modifiers whose first unlabeled string literal is a LocalizedStringKey.
LOCALIZING_CALLS = {
    "Text", "Button", "Label", "Section", "Toggle", "TextField", "SecureField", "NavigationLink",
    "Menu", "DisclosureGroup", "ProgressView", "Link", "Picker", "Stepper", "LocalizedStringKey",
    "navigationTitle", "confirmationDialog", "alert", "help", "accessibilityHint",
}
FORMAT_SPEC = re.compile(r"%(?:\d+\$)?(?:lld|llu|ld|lu|d|u|@|lf|f|%)")
NETWORK = re.compile(
    r"\b(URLSession|URLRequest|NWConnection|NWListener|NWPathMonitor|NWBrowser|CFStream\w*|"
    r"WKWebView|SFSafariViewController|MultipeerConnectivity|MCSession|CBCentralManager)\b"
    r"|^\s*import\s+(Network|WebKit|SafariServices|MultipeerConnectivity|CFNetwork)\b"
    r"|https?://", re.MULTILINE)


def text(node) -> str:
    return node.text.decode("utf-8")


def parse(path: Path):
    src = re.sub(rb"^[ \t]*#(if|elseif|else|endif)\b.*$", lambda m: b" " * len(m.group(0)),
                 path.read_bytes(), flags=re.MULTILINE)
    return PARSER.parse(src)


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n.children))


def app_files() -> list[Path]:
    return sorted(APP.rglob("*.swift"))


# ---------------------------------------------------------------------------------------------
# Localized literals


def literal_key(node) -> str | None:
    """A string literal as its catalog key: interpolations become `%@` (normalized below)."""
    if node.type != "line_string_literal":
        return None
    out = ""
    for c in node.children:
        if c.type == "line_str_text":
            out += text(c)
        elif c.type == "str_escaped_char":
            out += {"\\n": "\n", "\\t": "\t", '\\"': '"', "\\\\": "\\"}.get(text(c), text(c))
        elif c.type == "interpolated_expression":
            out += "%@"
        elif c.type == "\\(":
            pass
    return out


def normalize(key: str) -> str:
    """Keys compare with every format argument as `%@`, positions dropped: the Swift side cannot
    tell `%lld` from `%@` without types, the catalog must carry the right one for Xcode."""
    return FORMAT_SPEC.sub(lambda m: "%%" if m.group(0) == "%%" else "%@", key)


def localized_parameter_names(trees) -> dict[str, set[str]]:
    """App views' stored properties of type LocalizedStringKey: `LabeledValue(label:)`."""
    out: dict[str, set[str]] = {}
    for _, tree in trees:
        for n in walk(tree.root_node):
            if n.type != "class_declaration":
                continue
            name = n.child_by_field_name("name")
            body = n.child_by_field_name("body")
            if name is None or body is None:
                continue
            for m in body.named_children:
                if m.type != "property_declaration":
                    continue
                ann = next((c for c in m.named_children if c.type == "type_annotation"), None)
                if ann is None or "LocalizedStringKey" not in text(ann):
                    continue
                for pat in (c for c in m.named_children if c.type == "pattern"):
                    out.setdefault(text(name), set()).add(text(pat))
    return out


def string_literals_in(node):
    for n in walk(node):
        if n.type == "line_string_literal":
            yield n


def localized_literals(trees) -> list[tuple[Path, int, str]]:
    params = localized_parameter_names(trees)
    found = []
    for path, tree in trees:
        for n in walk(tree.root_node):
            if n.type != "call_expression":
                continue
            callee = n.named_children[0]
            name = text(callee).split(".")[-1] if callee.type in ("simple_identifier", "navigation_expression") else ""
            suffix = next((c for c in n.named_children if c.type == "call_suffix"), None)
            args_node = next((c for c in suffix.named_children if c.type == "value_arguments"), None) if suffix else None
            if args_node is None:
                continue
            args = [a for a in args_node.named_children if a.type == "value_argument"]
            chosen = []
            if name in LOCALIZING_CALLS and args and args[0].child_by_field_name("name") is None:
                chosen.append(args[0])
            if name == "String" and args:
                lab = args[0].child_by_field_name("name")
                if lab is not None and text(lab).strip() == "localized":
                    chosen.append(args[0])
            for a in args:
                lab = a.child_by_field_name("name")
                if lab is not None and text(lab).strip() in params.get(name, ()):
                    chosen.append(a)
            for a in chosen:
                value = a.child_by_field_name("value")
                if value is None:
                    continue
                # a literal, or literals in a ternary's branches
                for lit in string_literals_in(value):
                    if lit.parent is not None and lit.parent.type == "interpolated_expression":
                        continue
                    key = literal_key(lit)
                    if key:
                        found.append((path, lit.start_point[0] + 1, key))
    return found


# ---------------------------------------------------------------------------------------------


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name: str, ok: bool, detail: str = ""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def check_catalog(r: Results, path: Path, required: set[str] | None, used: dict[str, list] | None):
    try:
        catalog = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        r.check(f"{path.name} is a JSON String Catalog", False, str(e))
        return
    r.check(f"{path.name} is a String Catalog (sourceLanguage en, version 1.0)",
            catalog.get("sourceLanguage") == "en" and catalog.get("version") == "1.0"
            and isinstance(catalog.get("strings"), dict))
    strings = catalog.get("strings", {})
    for key, entry in sorted(strings.items()):
        locs = entry.get("localizations", {})
        missing = []
        for lang in LANGUAGES:
            unit = locs.get(lang, {}).get("stringUnit", {})
            value = unit.get("value", "")
            if unit.get("state") != "translated" or not value.strip():
                missing.append(f"{lang} missing")
            elif sorted(normalize(m) for m in FORMAT_SPEC.findall(value)) != \
                    sorted(normalize(m) for m in FORMAT_SPEC.findall(key)):
                missing.append(f"{lang} has other format arguments than the key")
            elif FORMAT_SPEC.findall(value) and FORMAT_SPEC.findall(key) and \
                    {re.sub(r"\d+\$", "", m) for m in FORMAT_SPEC.findall(value)} != \
                    {re.sub(r"\d+\$", "", m) for m in FORMAT_SPEC.findall(key)}:
                missing.append(f"{lang} changes a format argument's type")
        r.check(f"{path.name}: {key!r} in zh-Hans and en", not missing, "; ".join(missing))
    if required is not None:
        for key in sorted(required):
            r.check(f"{path.name} has {key}", key in strings)
    if used is not None:
        by_norm = {normalize(k): k for k in strings}
        for key, sites in sorted(used.items()):
            where = ", ".join(f"{p.relative_to(ROOT)}:{ln}" for p, ln in sites[:3])
            r.check(f"UI string {key!r} ({where}) is in {path.name}", normalize(key) in by_norm,
                    "add it with zh-Hans and en")
        used_norm = {normalize(k) for k in used}
        for key in sorted(strings):
            r.check(f"{path.name}: {key!r} is used by the app", normalize(key) in used_norm,
                    "stale entry: remove it")


def check_info_plist(r: Results, swift_sources: str):
    path = APP / "Info.plist"
    try:
        info = plistlib.loads(path.read_bytes())
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        r.check("Info.plist parses", False, str(e))
        return
    r.check("Info.plist parses", True)
    r.check("Info.plist: NSCameraUsageDescription says why", len(info.get("NSCameraUsageDescription", "")) > 20)
    banned = [k for k in info if k in ("NSAppTransportSecurity", "NSLocalNetworkUsageDescription", "NSBonjourServices",
                                       "UIBackgroundModes", "NSPhotoLibraryUsageDescription")]
    r.check("Info.plist: no network, background or photo-library keys", not banned, ", ".join(banned))
    exported = {d.get("UTTypeIdentifier"): d for d in info.get("UTExportedTypeDeclarations", [])}
    handled = {t for d in info.get("CFBundleDocumentTypes", []) for t in d.get("LSItemContentTypes", [])}
    in_swift = set(re.findall(r'UTType\(exportedAs:\s*"([^"]+)"\)', swift_sources))
    r.check("Info.plist exports every UTType the Swift declares", in_swift and in_swift <= set(exported),
            f"Swift {sorted(in_swift)}, plist {sorted(exported)}")
    r.check("Info.plist: the app opens every type it exports", set(exported) <= handled,
            f"exported {sorted(exported)}, handled {sorted(handled)}")


# PhotoDay's two kinds of file, the same on Android and in the CLI (tests/android/check_project.py
# checks the three agree): own extension, one vnd. MIME type, an exported UTI on public.data.
FILE_KINDS = {
    "cn.photoday.bundle": ("photoday", "application/vnd.photoday.bundle"),
    "cn.photoday.log": ("photodaylog", "application/vnd.photoday.log"),
}
# Extensions other apps own (Palm databases, the Protein Data Bank, debug symbols): never declared.
FOREIGN_EXTENSIONS = {"pdb", "pdl"}


def document_type_problems(info: dict) -> dict[str, list[str]]:
    """Info.plist's document types, exported UTIs and export-compliance key, as named problems."""
    out: dict[str, list[str]] = {}
    exported = {d.get("UTTypeIdentifier"): d for d in info.get("UTExportedTypeDeclarations", [])}
    doc_types = {t: d for d in info.get("CFBundleDocumentTypes", []) for t in d.get("LSItemContentTypes", [])}
    for uti, (ext, mime) in FILE_KINDS.items():
        problems = []
        d = exported.get(uti)
        if d is None:
            problems.append(f"{uti} is not exported")
        else:
            tags = d.get("UTTypeTagSpecification", {})
            if tags.get("public.filename-extension") != [ext]:
                problems.append(f"extension {tags.get('public.filename-extension')}, not [{ext!r}]")
            if tags.get("public.mime-type") != [mime]:
                problems.append(f"MIME {tags.get('public.mime-type')}, not [{mime!r}]")
            if "public.data" not in d.get("UTTypeConformsTo", []):
                problems.append("does not conform to public.data")
        doc = doc_types.get(uti)
        if doc is None:
            problems.append(f"no CFBundleDocumentTypes entry opens {uti}")
        elif doc.get("LSHandlerRank") != "Owner":
            problems.append(f"the document type for {uti} is not LSHandlerRank Owner")
        out[f"Info.plist: {uti} is exported as .{ext}, {mime}, conforming to public.data, and opened"] = problems
    declared = [d for key in ("UTExportedTypeDeclarations", "UTImportedTypeDeclarations") for d in info.get(key, [])]
    claimed = sorted({e for d in declared for e in d.get("UTTypeTagSpecification", {}).get("public.filename-extension", [])}
                     & FOREIGN_EXTENSIONS)
    foreign_docs = sorted(t for t in doc_types if t not in FILE_KINDS)
    problems = []
    if claimed:
        problems.append(f"declares extensions {claimed}")
    if foreign_docs:
        problems.append(f"document types for {foreign_docs}")
    out["Info.plist: claims no .pdb/.pdl (other apps' types) and opens only PhotoDay's UTIs"] = problems
    out["Info.plist: ITSAppUsesNonExemptEncryption is false (signatures and hashes only)"] = (
        [] if info.get("ITSAppUsesNonExemptEncryption") is False else
        [f"ITSAppUsesNonExemptEncryption is {info.get('ITSAppUsesNonExemptEncryption')!r}"])
    return out


# Required-reason APIs the app reaches, with the reason each must declare: SQLite's stat/fstat on
# its own files (file timestamps, inside the app container). Apple: "Describing use of required
# reason API". UserDefaults is declared only while the app's Swift uses it (the side it is on is
# kept by the core in a file now, so no @AppStorage remains).
PRIVACY_REASONS = {
    "NSPrivacyAccessedAPICategoryFileTimestamp": "C617.1",
}
USER_DEFAULTS = "NSPrivacyAccessedAPICategoryUserDefaults"


def uses_user_defaults() -> bool:
    return any(re.search(r"\bUserDefaults\b|@AppStorage", f.read_text())
               for f in Path("ios").rglob("*.swift") if f.name != "PhotoDayCore.swift")


def privacy_manifest_problems(data: bytes | None, project: dict) -> list[str]:
    if data is None:
        return ["ios/PhotoDay/PrivacyInfo.xcprivacy is missing (file-timestamp APIs are used)"]
    try:
        manifest = plistlib.loads(data)
    except Exception as e:  # noqa: BLE001 - any parse error is the finding
        return [f"PrivacyInfo.xcprivacy does not parse: {e}"]
    out = []
    if manifest.get("NSPrivacyTracking") is not False:
        out.append("NSPrivacyTracking must be false")
    if manifest.get("NSPrivacyCollectedDataTypes") != [] or manifest.get("NSPrivacyTrackingDomains", []) != []:
        out.append("PhotoDay collects no data and has no tracking domains")
    reasons = {d.get("NSPrivacyAccessedAPIType"): d.get("NSPrivacyAccessedAPITypeReasons", [])
               for d in manifest.get("NSPrivacyAccessedAPITypes", [])}
    for api, reason in PRIVACY_REASONS.items():
        if reason not in reasons.get(api, []):
            out.append(f"{api} must be declared with reason {reason}")
    if (USER_DEFAULTS in reasons) != uses_user_defaults():
        out.append(f"{USER_DEFAULTS} must be declared exactly when the app's Swift uses UserDefaults")
    target = project.get("targets", {}).get("PhotoDay", {})
    sources = target.get("sources", [])
    explicit = any(isinstance(x, dict) and x.get("path") == "PhotoDay/PrivacyInfo.xcprivacy"
                   and x.get("buildPhase") == "resources" for x in sources)
    via_folder = any(isinstance(x, dict) and x.get("path") == "PhotoDay"
                     and "PrivacyInfo.xcprivacy" not in x.get("excludes", []) for x in sources)
    if not explicit and not via_folder:
        out.append("project.yml does not copy PhotoDay/PrivacyInfo.xcprivacy into the app")
    return out


def xcodegen_problems(project: dict, readme: str) -> list[str]:
    out = []
    minimum = str(project.get("options", {}).get("minimumXcodeGenVersion", "0"))
    if tuple(int(x) for x in re.findall(r"\d+", minimum)) < (2, 39):
        out.append(f"project.yml options.minimumXcodeGenVersion is {minimum}: XcodeGen before 2.39 "
                   "does not build String Catalogs")
    if re.search(r"Xcode 1[0-5]\b", readme):
        out.append("ios/README.md names an Xcode older than 16 (App Store uploads need Xcode 16)")
    table = re.search(r"^## Tool versions\b(.*?)(?=^## )", readme, re.S | re.M)
    if table is None:
        out.append("ios/README.md has no `## Tool versions` section (a table of the versions and why)")
    else:
        for tool, want in (("Xcode", "16"), ("XcodeGen", "2.39"), ("Rust", "1.86")):
            row = re.search(rf"^\|\s*{tool}\b[^|\n]*\|\s*([^|\n]+)\|", table.group(1), re.M)
            if row is None or want not in row.group(1):
                out.append(f"the tool table's {tool} row does not name {want}")
    return out


# An array expansion "${name[@]}" (or [*]) not guarded as ${name[@]+"${name[@]}"}.
ARRAY_USE = re.compile(r'(?<![+])"\$\{(\w+)\[[@*]\]\}"')


def empty_array_problems(script: str) -> list[str]:
    """bash 3.2 (macOS's) aborts on "${a[@]}" of an empty array under `set -u` (bash 4.4+ does
    not, so running the script here would not show it): every array the script can leave empty
    (assigned `()` anywhere, or grown with +=) must only be expanded in the guarded form."""
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("#"))
    maybe_empty = set(re.findall(r"\b(\w+)=\(\s*\)", code)) | set(re.findall(r"\b(\w+)\+=\(", code))
    out = []
    for m in ARRAY_USE.finditer(code):
        if m.group(1) in maybe_empty:
            line = code[: m.start()].count("\n") + 1
            out.append(f"line {line}: \"${{{m.group(1)}[@]}}\" of an array that can be empty aborts under "
                       f"bash 3.2's set -u; use ${{{m.group(1)}[@]+\"${{{m.group(1)}[@]}}\"}} or no array")
    return out


SCRIPT_PROBE = r'''
set -u
cargo() { printf '%s|' "$@" >> "$CALLS"; printf '\n' >> "$CALLS"; }
. "$SCRIPT"
set -u
parse_profile; echo "none=$profile"
parse_profile debug; echo "debug=$profile"; cargo_build_lib aarch64-apple-ios
parse_profile release; echo "release=$profile"; cargo_build_lib aarch64-apple-ios
if parse_profile bogus 2>/dev/null; then echo "bogus=accepted"; else echo "bogus=$?"; fi
'''


def script_run_problems(script_path: Path, shell: list[str]) -> list[str]:
    """Sources the script (which then only defines its functions) under `set -u` with a stub cargo
    and runs its argument handling: no argument, debug, release, and a wrong one."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        calls = Path(tmp) / "calls"
        calls.write_text("")
        env = {"PATH": "/usr/bin:/bin", "SCRIPT": str(script_path), "CALLS": str(calls), "HOME": tmp}
        run = subprocess.run(shell + ["-c", SCRIPT_PROBE], capture_output=True, text=True, env=env, timeout=30)
        lines = run.stdout.split()
        cargo_calls = calls.read_text().splitlines()
    out = []
    if run.returncode != 0:
        out.append(f"{' '.join(shell)}: exit {run.returncode}: {run.stderr.strip()[-300:]}")
    want = ["none=release", "debug=debug", "release=release", "bogus=2"]
    if lines != want:
        out.append(f"{' '.join(shell)}: argument handling printed {lines}, expected {want}")
    expected_calls = ["build|-p|photoday-ffi|--lib|--target|aarch64-apple-ios|",
                      "build|--release|-p|photoday-ffi|--lib|--target|aarch64-apple-ios|"]
    if cargo_calls != expected_calls:
        out.append(f"{' '.join(shell)}: cargo was called as {cargo_calls}, expected {expected_calls} "
                   "(no empty argument for the debug profile)")
    return out


def check_release_files(r: Results):
    """Info.plist keys an upload needs, the privacy manifest, XcodeGen/Xcode versions and the
    xcframework script's bash 3.2 safety; each check is first shown to fail on a broken copy."""
    import copy
    import tempfile

    import yaml  # installed into the venv by tests/ios/run.sh

    info = plistlib.loads((APP / "Info.plist").read_bytes())
    project = yaml.safe_load((IOS / "project.yml").read_text())
    privacy_path = APP / "PrivacyInfo.xcprivacy"
    privacy = privacy_path.read_bytes() if privacy_path.is_file() else None
    readme = (IOS / "README.md").read_text(encoding="utf-8")
    script_path = IOS / "build-xcframework.sh"
    script = script_path.read_text()

    # The checks must see what they guard.
    bad_info = copy.deepcopy(info)
    for d in bad_info.get("UTExportedTypeDeclarations", []):
        d.get("UTTypeTagSpecification", {})["public.filename-extension"] = ["pdb"]
    bad_info.pop("ITSAppUsesNonExemptEncryption", None)
    failing = [k for k, v in document_type_problems(bad_info).items() if v]
    r.check("self-test: the Info.plist check fails on .pdb and on a missing ITSAppUsesNonExemptEncryption",
            len(failing) == 4, str(failing))
    no_defaults = privacy.replace(b"C617.1", b"XXXX.1") if privacy else b""
    r.check("self-test: the privacy manifest check fails on a missing file and on a missing reason",
            bool(privacy_manifest_problems(None, project)) and bool(privacy_manifest_problems(no_defaults, project)))
    old_project = copy.deepcopy(project)
    old_project.setdefault("options", {})["minimumXcodeGenVersion"] = "2.38.0"
    r.check("self-test: the XcodeGen check fails on 2.38 and on a README naming Xcode 15",
            bool(xcodegen_problems(old_project, readme))
            and bool(xcodegen_problems(project, readme + "\nXcode 15 or newer\n")))
    bash32_bug = ('set -euo pipefail\nprofile="${1:-release}"\ncase "$profile" in\n  release) cargo_profile=(--release) ;;\n'
                  '  debug) cargo_profile=() ;;\nesac\ncargo build "${cargo_profile[@]}" -p photoday-ffi\n')
    r.check("self-test: the empty-array check fails on the script's first version",
            bool(empty_array_problems(bash32_bug)) and not empty_array_problems(
                bash32_bug.replace('"${cargo_profile[@]}"', '${cargo_profile[@]+"${cargo_profile[@]}"}')))
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp) / "build-xcframework.sh"
        broken.write_text(script.replace('cargo build -p photoday-ffi --lib --target "$1"',
                                         'cargo build "" -p photoday-ffi --lib --target "$1"'))
        broken2 = Path(tmp) / "build2.sh"
        broken2.write_text(script.replace("release | debug) ;;", "release | debug | *) ;;"))
        r.check("self-test: running the argument handling fails on an empty cargo argument and on a lax profile",
                bool(script_run_problems(broken, ["bash"])) and bool(script_run_problems(broken2, ["bash"])))

    for name, problems in document_type_problems(info).items():
        r.check(name, not problems, "; ".join(problems))
    problems = privacy_manifest_problems(privacy, project)
    r.check("PrivacyInfo.xcprivacy declares file timestamps (UserDefaults only if used), no tracking, and is copied",
            not problems, "; ".join(problems))
    problems = xcodegen_problems(project, readme)
    r.check("XcodeGen ≥ 2.39 (String Catalogs), Xcode 16+, README tool table", not problems, "; ".join(problems))
    problems = empty_array_problems(script)
    r.check("build-xcframework.sh: no possibly-empty array expanded (bash 3.2 under set -u)",
            not problems, "; ".join(problems))
    for shell in (["bash"], ["bash", "--posix"]):
        problems = script_run_problems(script_path, shell)
        r.check(f"build-xcframework.sh: argument handling under set -u ({' '.join(shell)})",
                not problems, "; ".join(problems))


def check_project(r: Results):
    import yaml  # installed into the venv by tests/ios/run.sh

    project = yaml.safe_load((IOS / "project.yml").read_text())
    target = project.get("targets", {}).get("PhotoDay", {})
    settings = target.get("settings", {}).get("base", {})
    deployment = {
        "project.yml options": str(project.get("options", {}).get("deploymentTarget", {}).get("iOS")),
        "project.yml target": str(target.get("deploymentTarget")),
    }
    package_swift = (IOS / "PhotoDayCore" / "Package.swift").read_text()
    m = re.search(r"\.iOS\(\.v(\d+)\)", package_swift)
    deployment["Package.swift"] = f"{m.group(1)}.0" if m else None
    script = (IOS / "build-xcframework.sh").read_text()
    m = re.search(r"IPHONEOS_DEPLOYMENT_TARGET=([\d.]+)", script)
    deployment["build-xcframework.sh"] = m.group(1) if m else None
    r.check("one iOS deployment target (17.0) in project.yml, Package.swift and build-xcframework.sh",
            set(deployment.values()) == {"17.0"}, str(deployment))
    r.check("project.yml: the app target is an iOS application",
            target.get("type") == "application" and target.get("platform") == "iOS")
    deps = target.get("dependencies", [])
    r.check("project.yml: the app depends on the local package PhotoDayCore",
            any(d.get("package") == "PhotoDayCore" for d in deps)
            and project.get("packages", {}).get("PhotoDayCore", {}).get("path") == "PhotoDayCore"
            and (IOS / "PhotoDayCore" / "Package.swift").is_file())
    plist = settings.get("INFOPLIST_FILE")
    r.check("project.yml: INFOPLIST_FILE exists", bool(plist) and (IOS / plist).is_file(), str(plist))
    r.check("project.yml: no entitlements (no capability asked for)", not settings.get("CODE_SIGN_ENTITLEMENTS"))
    r.check("project.yml: sources are the PhotoDay folder",
            any((s.get("path") if isinstance(s, dict) else s) == "PhotoDay" for s in target.get("sources", [])))

    uniffi = (ROOT / "bindings" / "uniffi.toml").read_text()
    module = re.search(r'^module_name\s*=\s*"([^"]+)"', uniffi, re.M)
    ffi_module = re.search(r'^ffi_module_name\s*=\s*"([^"]+)"', uniffi, re.M)
    module, ffi_module = (module.group(1) if module else None), (ffi_module.group(1) if ffi_module else None)
    r.check("Package.swift: binary target named as uniffi's C module (bindings/uniffi.toml ffi_module_name)",
            f'.binaryTarget(name: "{ffi_module}", path: "{ffi_module}.xcframework")' in package_swift, str(ffi_module))
    r.check("Package.swift: Swift target and product named as uniffi's module (module_name)",
            f'.target(\n            name: "{module}"' in package_swift and f'.library(name: "{module}"' in package_swift,
            str(module))
    target_dir = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    generated = sorted((target_dir / "bindings" / "swift").glob("*.modulemap"))
    r.check("the generated modulemap declares the module the package wraps",
            bool(generated) and all(re.search(rf"\bmodule\s+{re.escape(str(ffi_module))}\b", g.read_text()) for g in generated),
            "run bindings/generate.sh" if not generated else "")
    r.check("Sources/PhotoDayCore keeps a placeholder for the generated Swift",
            (IOS / "PhotoDayCore" / "Sources" / "PhotoDayCore" / "README.md").is_file())
    gitignore = (IOS / ".gitignore").read_text()
    r.check("ios/.gitignore keeps the generated xcframework, Swift and Xcode project out of git",
            all(p in gitignore for p in ("PhotoDayCoreFFI.xcframework", "PhotoDayCore.swift", "PhotoDay.xcodeproj")))

    syntax = subprocess.run(["bash", "-n", str(IOS / "build-xcframework.sh")], capture_output=True, text=True)
    r.check("build-xcframework.sh: bash syntax", syntax.returncode == 0, syntax.stderr.strip())
    wanted = ["aarch64-apple-ios", "aarch64-apple-ios-sim", "x86_64-apple-ios", "lipo -create",
              "-create-xcframework", "module.modulemap", "-p photoday-ffi", "uniffi-bindgen", "set -euo pipefail"]
    missing = [w for w in wanted if w not in script]
    r.check("build-xcframework.sh: three Rust targets, lipo, bindgen, xcframework with module map",
            not missing, f"missing {missing}")


def check_swift(r: Results, trees):
    sources = {p: p.read_text(encoding="utf-8") for p, _ in trees}
    for p, src in sources.items():
        rel = p.relative_to(ROOT)
        hits = [m.group(0).strip() for m in NETWORK.finditer(src)]
        r.check(f"{rel}: no network code", not hits, ", ".join(hits))
        r.check(f"{rel}: opens with a comment saying why it exists", src.lstrip().startswith("//"))
    for p, tree in trees:
        rel = p.relative_to(ROOT)
        for n in walk(tree.root_node):
            if n.type == "call_expression" and text(n.named_children[0]) in ("Screens", "StudentApp", "ScannerApp"):
                r.check(f"{rel}:{n.start_point[0] + 1}: {text(n.named_children[0])} is not opened by the app's views "
                        "(only PhotoDayKit's PageModel opens Screens)", False)
            if n.type == "property_declaration":
                ann = next((c for c in n.named_children if c.type == "type_annotation"), None)
                if ann is not None and re.search(r"\b(Screens|StudentApp|ScannerApp)\b", text(ann)):
                    r.check(f"{rel}:{n.start_point[0] + 1}: no core object kept in a view", False)
    model = IOS / "PhotoDayKit" / "Sources" / "PhotoDayKit" / "PageModel.swift"
    src = model.read_text(encoding="utf-8") if model.is_file() else ""
    r.check("PhotoDayKit's PageModel is @MainActor @Observable and calls the core from detached tasks",
            re.search(r"@MainActor\s+@Observable\s+public final class PageModel", src) is not None
            and "Task.detached { screens.page(" in src and "Task.detached { screens.perform(" in src)


def self_test(r: Results):
    """The extractor must see what SwiftUI localizes and nothing it does not, or a green catalog
    check would prove nothing."""
    import tempfile

    snippet = (b'struct Row: View {\n    let label: LocalizedStringKey\n    var body: some View {\n'
               b'        Text("A \\(count)")\n        Text(verbatim: "not a key")\n        Text(name)\n'
               b'        Button("B") {}\n        Row(label: flag ? "C" : "D")\n    }\n}\n'
               b'let e = String(localized: "E")\nlet f = "not a key either"\n')
    with tempfile.NamedTemporaryFile(suffix=".swift") as f:
        f.write(snippet)
        f.flush()
        path = Path(f.name)
        keys = {k for _, _, k in localized_literals([(path, parse(path))])}
    r.check("self-test: the extractor finds exactly the localized literals", keys == {"A %@", "B", "C", "D", "E"},
            str(sorted(keys)))
    r.check("self-test: format arguments compare by position, not type",
            normalize("%1$lld of %2$@ (%u)") == normalize("%@ of %@ (%@)"))
    r.check("self-test: the network pattern sees URLSession and web URLs",
            all(NETWORK.search(x) for x in ("URLSession.shared", "import Network", '"https://a.b"')))


def main(argv) -> int:
    trees = [(p, parse(p)) for p in app_files()]
    literals = localized_literals(trees)
    if "--keys" in argv:
        for key in sorted({k for _, _, k in literals}):
            print(json.dumps(key, ensure_ascii=False))
        return 0
    r = Results()
    self_test(r)
    used: dict[str, list] = {}
    for p, line, key in literals:
        used.setdefault(key, []).append((p, line))
    r.check("the app's Swift has no UI string literal of its own: every word on screen is the core's",
            not used, "; ".join(f"{k!r} ({p.relative_to(ROOT)}:{ln})" for k, sites in sorted(used.items())
                                for p, ln in sites[:1]))
    r.check("no Localizable.xcstrings (the app has no strings of its own to translate)",
            not (RESOURCES / "Localizable.xcstrings").exists())
    check_catalog(r, RESOURCES / "InfoPlist.xcstrings", {"NSCameraUsageDescription", "CFBundleDisplayName"}, None)
    all_swift = "\n".join(p.read_text(encoding="utf-8") for p, _ in trees)
    check_info_plist(r, all_swift)
    check_release_files(r)
    check_project(r)
    check_swift(r, trees)
    print(f"iOS app: {len(trees)} Swift files, {len(used)} UI strings, project, plist and catalogs checked")
    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
