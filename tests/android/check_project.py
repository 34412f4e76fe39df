"""Checks the Android project's text files that Gradle, lint or a phone would otherwise be the first
to read, here where no Android SDK exists (issue 19: the app must build and install on the first
try):

* the manifest: the only permissions are CAMERA and POST_NOTIFICATIONS (never INTERNET); the
  camera is an optional feature (`android.hardware.camera` required="false"), so Play does not
  hide the app from phones without one; predictive back is on; "open with" filters take
  content:// URIs only, PhotoDay's own MIME types and extensions, no text/plain for VIEW, no bare
  `*/*`, and never the `.pdb`/`.pdl` names other apps own;
* the backup rule files obey lint's FullBackupContent rule (fatal in `lintVitalRelease`): once a
  section includes anything, every exclude lies inside an include of the same domain;
* the window theme is a DayNight pair (values/ light, values-night/ dark: no white flash);
* string resources: every `@string/x` (manifest, res/) and `R.string.x` (Kotlin) is defined in
  English and in Chinese, and both define the same names (screen texts come from the core; a
  reference left behind by a deleted screen fails the build, and lint's MissingTranslation is an
  error);
* versions: JNA ≥ 5.18 (16 KB pages, no Structure deadlock) taken as its Android archive;
  Kotlin ≥ 2.1.20 and inside Kotlin's documented Gradle and AGP ranges; the wrapper's Gradle is one
  AGP accepts, with the distribution's published SHA-256; the committed wrapper jar is Gradle's
  own; no JVM toolchain is asked for without a resolver; the NDK is read through the new DSL;
  the phone library takes uniffi without default features;
* android/README.md's tool table names the versions the build really uses, and Rust ≥ 1.86;
* file names, MIME types and UTIs are one set across Android, iOS and the admin CLI (read from
  cli/src, so a rename on one side fails here);
* the renderer draws every kind of block the core can send, and colours every tone, needs,
  style and signal (read from the generated bindings): a `when` that misses a case the core
  added would stop the Android build (run.sh's type-check of the app catches the `when`s that are
  expressions; this check also covers statement `when`s and the names each file must handle).

Every check is first run on broken copies of the real files (self_test), each of which must fail,
so a green run means the checks can see what they guard.

Usage: check_project.py        Prints `N passed, M failed` last; exits 1 on any failure.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ANDROID_DIR = ROOT / "android"
APP = ANDROID_DIR / "app"
MANIFEST = APP / "src/main/AndroidManifest.xml"
RES = APP / "src/main/res"
CATALOG = ANDROID_DIR / "gradle/libs.versions.toml"
WRAPPER = ANDROID_DIR / "gradle/wrapper"
README = ANDROID_DIR / "README.md"
INFO_PLIST = ROOT / "ios/PhotoDay/Info.plist"
FILE_TYPES_SWIFT = ROOT / "ios/PhotoDay/Core/FileTypes.swift"
CLI_SRC = ROOT / "cli/src"

A = "{http://schemas.android.com/apk/res/android}"
TOOLS = "{http://schemas.android.com/tools}"

# PhotoDay's two kinds of file, as both apps declare them (decided in issue 19).
KINDS = {
    "bundle": {"ext": "photoday", "mime": "application/vnd.photoday.bundle", "uti": "cn.photoday.bundle"},
    "log": {"ext": "photodaylog", "mime": "application/vnd.photoday.log", "uti": "cn.photoday.log"},
}
# Extensions other programs own (Palm/eReader databases, the Protein Data Bank, debug symbols):
# PhotoDay's first names, opened through the file picker only.
FOREIGN_EXTENSIONS = {"pdb", "pdl"}
# Files the CLI writes that are not PhotoDay bundles or logs.
NOT_EXCHANGED = {"db", "sqlite", "sqlite3", "csv", "xlsx", "html", "png", "json", "toml", "txt", "key"}
ALLOWED_PERMISSIONS = {"android.permission.CAMERA", "android.permission.POST_NOTIFICATIONS"}

# Kotlin Gradle plugin: fully supported Gradle and AGP ranges (kotlinlang.org, "Configure a Gradle
# project", compatibility table). A maximum "8.14" covers 8.14.x.
KGP_SUPPORT = [
    ((2, 1, 20), (2, 1, 21), ("7.6.3", "8.12.1"), ("7.3.1", "8.7.2")),
    ((2, 2, 0), (2, 2, 10), ("7.6.3", "8.14"), ("7.3.1", "8.10.0")),
    ((2, 2, 20), (2, 2, 21), ("7.6.3", "8.14"), ("7.3.1", "8.11.1")),
]
# AGP: the lowest Gradle each minor version accepts (developer.android.com, AGP release notes);
# an older Gradle stops the build during configuration.
AGP_MIN_GRADLE = {
    (8, 7): "8.9", (8, 8): "8.10.2", (8, 9): "8.11.1", (8, 10): "8.11.1",
    (8, 11): "8.13", (8, 12): "8.13", (8, 13): "8.13",
}
# Published SHA-256 of gradle-X-bin.zip (services.gradle.org/distributions/gradle-X-bin.zip.sha256,
# as quoted in several public projects' wrapper properties).
GRADLE_BIN_SHA256 = {
    "8.13": "20f1b1176237254a6fc204d8434196fa11a4cfb387567519c61556e8710aed78",
}
# Published SHA-256 of Gradle's own wrapper jar (gradle-8.13-wrapper.jar.sha256).
WRAPPER_JAR_SHA256 = {
    "81a82aaea5abcc8ff68b3dfcb58b3c3c429378efd98e7433460610fecd7ae45f": "Gradle 8.13",
}
MIN_JNA = (5, 18, 0)
MIN_KOTLIN = (2, 1, 20)
MIN_RUST = (1, 86)


def version(s: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", s))


def at_most(v: tuple[int, ...], maximum: str) -> bool:
    """v ≤ maximum, where a shorter maximum ("8.14") covers its patch releases."""
    m = version(maximum)
    return v[: len(m)] <= m


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name: str, problems: list[str]):
        if problems:
            self.failed += 1
            print(f"FAIL {name}:")
            for p in problems:
                print(f"     {p}")
        else:
            self.passed += 1


# ---------------------------------------------------------------------------------------------
# The manifest


def manifest_problems(text: str) -> list[str]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"AndroidManifest.xml does not parse: {e}"]
    out = []
    asked = {p.get(A + "name") for p in root.iter("uses-permission") if p.get(TOOLS + "node") != "remove"}
    asked |= {p.get(A + "name") for p in root.iter("uses-permission-sdk-23")}
    if "android.permission.INTERNET" in asked:
        out.append("declares android.permission.INTERNET; PhotoDay has no network code (DESIGN §2)")
    extra = sorted(asked - ALLOWED_PERMISSIONS)
    if extra:
        out.append(f"asks for permissions beyond CAMERA and POST_NOTIFICATIONS: {extra}")
    if "android.permission.CAMERA" not in asked:
        out.append("does not declare android.permission.CAMERA (the door scanner needs it)")
    features = {f.get(A + "name"): f.get(A + "required") for f in root.iter("uses-feature")}
    if features.get("android.hardware.camera") != "false":
        out.append('needs <uses-feature android:name="android.hardware.camera" android:required="false"/>: '
                   "the CAMERA permission otherwise makes Google Play hide the app from phones without a camera")
    for name, required in features.items():
        if name and name.startswith("android.hardware.camera") and required != "false":
            out.append(f"{name} must be required=\"false\"")
    app = root.find("application")
    if app is None or app.get(A + "enableOnBackInvokedCallback") != "true":
        out.append('<application> needs android:enableOnBackInvokedCallback="true" (predictive back)')
    out += intent_filter_problems(root)
    return out


def intent_filter_problems(root) -> list[str]:
    out = []
    seen_view_mimes = set()
    seen_view_exts = set()
    mimes_ok = {k["mime"] for k in KINDS.values()} | {"application/octet-stream"}
    for f in root.iter("intent-filter"):
        actions = {a.get(A + "name") for a in f.iter("action")}
        if not actions & {"android.intent.action.VIEW", "android.intent.action.SEND",
                          "android.intent.action.SEND_MULTIPLE"}:
            continue
        view = "android.intent.action.VIEW" in actions
        data = list(f.iter("data"))
        schemes = {d.get(A + "scheme") for d in data if d.get(A + "scheme")}
        mimes = {d.get(A + "mimeType") for d in data if d.get(A + "mimeType")}
        patterns = [d.get(A + k) for d in data for k in ("pathPattern", "pathSuffix", "pathAdvancedPattern", "path")
                    if d.get(A + k)]
        where = f"<intent-filter> for {sorted(a.split('.')[-1] for a in actions)}"
        if "file" in schemes:
            out.append(f"{where} accepts file:// URIs (other apps cannot share them since Android 7; content:// only)")
        if view and "content" not in schemes:
            out.append(f"{where} must name the content scheme")
        if view and "text/plain" in mimes:
            out.append(f"{where} offers PhotoDay for every text/plain file")
        allowed = mimes_ok | ({"text/plain"} if not view else set())
        bare_any = "*/*" in mimes
        if bare_any:
            if not patterns:
                out.append(f"{where} takes */* with no path pattern: PhotoDay would be offered for every file")
        for m in sorted(mimes - allowed - {"*/*"}):
            out.append(f"{where} lists MIME type {m!r}; PhotoDay's are {sorted(mimes_ok)}"
                       + (" (text/plain only for SEND)" if m == "text/plain" else ""))
        for p in patterns:
            ext = re.search(r"\\?\.([A-Za-z0-9]+)$", p)
            if ext is None or ext.group(1) not in {k["ext"] for k in KINDS.values()}:
                out.append(f"{where} matches path {p!r}, not a PhotoDay extension")
            elif view:
                seen_view_exts.add(ext.group(1))
            if ext and ext.group(1).lower() in FOREIGN_EXTENSIONS:
                out.append(f"{where} claims .{ext.group(1)}, another program's extension")
        if view:
            seen_view_mimes |= mimes
    for kind, k in KINDS.items():
        if k["mime"] not in seen_view_mimes:
            out.append(f"no VIEW filter opens {k['mime']} ({kind})")
        if k["ext"] not in seen_view_exts:
            out.append(f"no VIEW filter matches .{k['ext']} files ({kind}) sent under another type")
    return out


def manifest_files() -> list[Path]:
    return sorted(p for p in ANDROID_DIR.rglob("AndroidManifest.xml") if "build" not in p.parts)


# ---------------------------------------------------------------------------------------------
# Backup rules (lint FullBackupContent)


def backup_rule_problems(text: str, name: str) -> list[str]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [f"{name} does not parse: {e}"]
    sections = [root] if root.tag == "full-backup-content" else list(root)
    if root.tag not in ("full-backup-content", "data-extraction-rules"):
        return [f"{name}: unexpected root <{root.tag}>"]
    out = []

    def norm(path: str | None) -> str:
        p = (path or ".").strip().strip("/")
        return "" if p in ("", ".") else p

    for sec in sections:
        includes = [(i.get("domain"), norm(i.get("path"))) for i in sec.iter("include")]
        if not includes:
            continue
        for e in sec.iter("exclude"):
            dom, path = e.get("domain"), norm(e.get("path"))
            inside = any(d == dom and (p == "" or path == p or path.startswith(p + "/")) for d, p in includes)
            if not inside:
                out.append(f"{name} <{sec.tag}>: <exclude domain=\"{dom}\" path=\"{path or '.'}\"> is not in an "
                           f"included path (lint FullBackupContent, fatal in lintVitalRelease); "
                           f"what is not included is already left out")
    return out


def backup_files(manifest_text: str) -> list[Path]:
    root = ET.fromstring(manifest_text)
    app = root.find("application")
    out = []
    for attr in ("fullBackupContent", "dataExtractionRules"):
        ref = app.get(A + attr) if app is not None else None
        if ref and ref.startswith("@xml/"):
            out.append(RES / "xml" / (ref[5:] + ".xml"))
    return out


# ---------------------------------------------------------------------------------------------
# Theme


def theme_problems(day: str, night: str | None) -> list[str]:
    def parent(text):
        m = re.search(r'<style\s+name="Theme\.PhotoDay"\s+parent="([^"]+)"', text)
        return m.group(1) if m else None

    p_day = parent(day)
    if p_day and "DayNight" in p_day:
        return []
    if night is None:
        return ["values/themes.xml has a light-only window theme and there is no values-night/themes.xml: "
                "a phone in dark mode flashes white on start"]
    p_night = parent(night)
    if p_night is None or "Light" in p_night:
        return [f"values-night/themes.xml must define Theme.PhotoDay on a dark parent, not {p_night!r}"]
    return []


# ---------------------------------------------------------------------------------------------
# String resources


def string_names(xml: str) -> set[str]:
    return {e.get("name") for e in ET.fromstring(xml).iter("string")}


def string_problems(values: str, values_zh: str, referencing: dict[str, str]) -> list[str]:
    out = []
    en, zh = string_names(values), string_names(values_zh)
    if en != zh:
        out.append(f"values/ and values-zh-rCN/ define different strings: only English {sorted(en - zh)}, "
                   f"only Chinese {sorted(zh - en)}")
    for name, text in sorted(referencing.items()):
        for ref in sorted(set(re.findall(r"@string/(\w+)|\bR\.string\.(\w+)", text))):
            key = ref[0] or ref[1]
            if key not in en:
                out.append(f"{name} uses string {key!r}, which values/strings.xml does not define")
    return out


# ---------------------------------------------------------------------------------------------
# Versions, wrapper, build scripts


def catalog_versions(text: str) -> dict[str, str]:
    block = re.search(r"^\[versions\](.*?)^\[", text, re.S | re.M)
    return dict(re.findall(r'^([A-Za-z][\w-]*)\s*=\s*"([^"]+)"', block.group(1) if block else "", re.M))


def wrapper_gradle(properties: str) -> str | None:
    m = re.search(r"^distributionUrl=.*gradle-([\d.]+)-(bin|all)\.zip\s*$", properties, re.M)
    return m.group(1) if m else None


def version_problems(catalog: str, properties: str, app_build: str) -> list[str]:
    out = []
    v = catalog_versions(catalog)
    jna, kotlin, agp = v.get("jna"), v.get("kotlin"), v.get("agp")
    if not jna or version(jna) < MIN_JNA:
        out.append(f"JNA {jna}: 5.18 or newer is needed (libjnidispatch.so 16 KB-aligned for Android 15; "
                   "no Structure deadlock, uniffi's RustBuffer is one)")
    if 'variantOf(libs.jna) { artifactType("aar") }' not in app_build:
        out.append("the app must take JNA as its Android archive (@aar, with libjnidispatch.so per ABI)")
    gradle = wrapper_gradle(properties)
    if not kotlin or version(kotlin) < MIN_KOTLIN:
        out.append(f"Kotlin {kotlin}: 2.1.20 or newer is needed")
    support = next((s for s in KGP_SUPPORT if kotlin and s[0] <= version(kotlin) <= s[1]), None)
    if kotlin and support is None and version(kotlin) >= MIN_KOTLIN:
        out.append(f"Kotlin {kotlin} has no documented Gradle/AGP range in this checker: add it from "
                   "kotlinlang.org's compatibility table")
    if support and agp:
        lo, hi = support[3]
        if not (version(lo) <= version(agp) and at_most(version(agp), hi)):
            out.append(f"AGP {agp} is outside Kotlin {kotlin}'s documented AGP range {lo}–{hi}")
    if support and gradle:
        lo, hi = support[2]
        if not (version(lo) <= version(gradle) and at_most(version(gradle), hi)):
            out.append(f"Gradle {gradle} is outside Kotlin {kotlin}'s documented Gradle range {lo}–{hi}")
    if agp:
        need = AGP_MIN_GRADLE.get(version(agp)[:2])
        if need is None:
            out.append(f"AGP {agp}: its minimum Gradle is not in this checker; add it from AGP's release notes")
        elif gradle is None:
            out.append("gradle-wrapper.properties names no gradle-X-bin.zip distribution")
        elif version(gradle) < version(need):
            out.append(f"the wrapper's Gradle {gradle} is older than AGP {agp} accepts ({need}): "
                       "the build stops during configuration")
    return out


def wrapper_problems(properties: str, jar: bytes | None, gradlew: str | None) -> list[str]:
    out = []
    gradle = wrapper_gradle(properties)
    m = re.search(r"^distributionSha256Sum=([0-9a-f]{64})\s*$", properties, re.M)
    if gradle is None:
        out.append("distributionUrl names no gradle-X-bin.zip")
    if m is None:
        out.append("gradle-wrapper.properties has no distributionSha256Sum (64 hex digits)")
    elif gradle is not None:
        known = GRADLE_BIN_SHA256.get(gradle)
        if known is None:
            out.append(f"no published checksum of gradle-{gradle}-bin.zip is recorded here; add it to "
                       "GRADLE_BIN_SHA256 from two public sources")
        elif m.group(1) != known:
            out.append(f"distributionSha256Sum {m.group(1)} is not gradle-{gradle}-bin.zip's published {known}")
    if gradlew is None:
        out.append("android/gradlew is missing")
    if jar is None:
        if gradlew is not None and "gradle wrapper --gradle-version" not in gradlew:
            out.append("no gradle-wrapper.jar, and gradlew does not say how to make it")
    else:
        digest = hashlib.sha256(jar).hexdigest()
        if digest not in WRAPPER_JAR_SHA256:
            out.append(f"gradle-wrapper.jar (sha256 {digest}) is not a wrapper jar Gradle published")
    return out


def build_script_problems(builds: dict[str, str], settings: str, ffi_cargo: str) -> list[str]:
    out = []
    foojay = "foojay-resolver" in settings
    for name, text in builds.items():
        code = "\n".join(line for line in text.splitlines() if not line.strip().startswith("//"))
        if "jvmToolchain(" in code and not foojay:
            out.append(f"{name} asks for jvmToolchain with no toolchain resolver in settings.gradle.kts: "
                       "the first sync fails on machines without that JDK")
        if re.search(r"\bandroid\.ndkDirectory\b", code):
            out.append(f"{name} reads android.ndkDirectory (old DSL, breaks the configuration cache); "
                       "use androidComponents.sdkComponents.ndkDirectory")
    app = builds.get("app/build.gradle.kts", "")
    if "cargo" in app and "sdkComponents.ndkDirectory" not in app:
        out.append("app/build.gradle.kts must hand cargo-ndk the NDK from androidComponents.sdkComponents.ndkDirectory")
    dep = re.search(r"^uniffi\s*=\s*(.+)$", ffi_cargo, re.M)
    if dep is None or "default-features = false" not in dep.group(1):
        out.append("bindings/Cargo.toml: the phone library takes uniffi's default features (cargo_metadata); "
                   'use `uniffi = { version = "…", default-features = false }`')
    return out


def readme_problems(readme: str, catalog: str, properties: str) -> list[str]:
    out = []
    v = catalog_versions(catalog)
    section = re.search(r"^## Tool versions\b(.*?)(?=^## )", readme, re.S | re.M)
    if section is None:
        return ["android/README.md has no `## Tool versions` section (a table of the versions and why)"]
    table = section.group(1)
    wanted = {"AGP": v.get("agp"), "Gradle": wrapper_gradle(properties), "Kotlin": v.get("kotlin"),
              "JNA": v.get("jna"), "NDK": v.get("ndk")}
    for tool, ver in wanted.items():
        row = re.search(rf"^\|\s*[^|\n]*{tool}[^|\n]*\|\s*([^|\n]+)\|", table, re.M)
        if ver is None or row is None or ver not in row.group(1):
            out.append(f"the tool table's {tool} row does not name {ver} (the version the build uses)")
    rust = [version(m) for m in re.findall(r"Rust[^\n|]*?\b(1\.\d+)", readme)]
    if not rust or min(rust) < MIN_RUST:
        out.append(f"android/README.md must ask for Rust 1.86 or newer (cargo-ndk 4 needs it), found {rust}")
    return out


# ---------------------------------------------------------------------------------------------
# One set of file names across Android, iOS and the CLI


def android_names(manifest: str, sources: str) -> dict[str, set[str]]:
    root = ET.fromstring(manifest)
    mimes = {d.get(A + "mimeType") for d in root.iter("data")} - {None}
    exts = {m.group(1) for d in root.iter("data") for k in ("pathPattern", "pathSuffix")
            if d.get(A + k) and (m := re.search(r"\.([A-Za-z0-9]+)$", d.get(A + k)))}
    exts |= set(re.findall(r'"[\w-]+\.(photoday\w*|pd[bl])"', sources))
    return {"mime": {m for m in mimes if "photoday" in m}, "ext": exts}


def ios_names(info: dict) -> dict[str, dict[str, set[str]]]:
    out = {}
    for d in info.get("UTExportedTypeDeclarations", []):
        tags = d.get("UTTypeTagSpecification", {})
        out[d.get("UTTypeIdentifier")] = {
            "ext": set(tags.get("public.filename-extension", [])),
            "mime": set(tags.get("public.mime-type", [])),
            "conforms": set(d.get("UTTypeConformsTo", [])),
        }
    return out


def cli_names(files: dict[str, str]) -> dict[str, set[str]]:
    """The extensions the admin CLI writes, read from its source: names it writes itself
    (`scanner.X`, `phone-a.X`), the `--out` examples it prints, and any extension constant."""
    out = {"bundle": set(), "log": set()}
    word = r"[\w\u4e00-\u9fff-]+"
    for text in files.values():
        for m in re.finditer(rf'"(?:scanner|student|door|门口)\.(\w+)"', text):
            out["bundle"].add(m.group(1))
        for m in re.finditer(rf'"phone-{word}\.(\w+)"', text):
            out["log"].add(m.group(1))
        for m in re.finditer(rf"bundle (?:scanner|student)\b[^\"\n]*?--out {word}\.(\w+)", text):
            out["bundle"].add(m.group(1))
        for m in re.finditer(rf"log export\b[^\"\n]*?--out {word}\.(\w+)", text):
            out["log"].add(m.group(1))
        for m in re.finditer(r'const\s+(\w*)\s*:\s*&str\s*=\s*"\.?(\w+)"', text):
            name = m.group(1).upper()
            if "EXT" not in name or "LEGACY" in name or "OLD" in name:
                continue
            if "LOG" in name:
                out["log"].add(m.group(2))
            elif "BUNDLE" in name:
                out["bundle"].add(m.group(2))
    # The device's own SQLite file (scanner.db, phone-a.db) and the reports are not exchanged.
    return {kind: exts - NOT_EXCHANGED for kind, exts in out.items()}


def naming_problems(manifest: str, android_sources: str, info: dict, swift: str, cli: dict[str, str]) -> list[str]:
    out = []
    a = android_names(manifest, android_sources)
    i = ios_names(info)
    c = cli_names(cli)
    for kind, k in KINDS.items():
        decl = i.get(k["uti"])
        if decl is None:
            out.append(f"iOS exports no UTI {k['uti']} ({kind})")
        else:
            if decl["ext"] != {k["ext"]}:
                out.append(f"iOS {k['uti']} has extensions {sorted(decl['ext'])}, Android and the CLI .{k['ext']}")
            if decl["mime"] != {k["mime"]}:
                out.append(f"iOS {k['uti']} has MIME {sorted(decl['mime'])}, Android {k['mime']}")
            if "public.data" not in decl["conforms"]:
                out.append(f"iOS {k['uti']} must conform to public.data")
        if k["mime"] not in a["mime"]:
            out.append(f"the Android manifest does not open {k['mime']} ({kind})")
        if f'UTType(exportedAs: "{k["uti"]}")' not in swift:
            out.append(f"FileTypes.swift does not declare UTType(exportedAs: \"{k['uti']}\")")
        if not c[kind]:
            out.append(f"found no {kind} file name in cli/src (scanner.X, --out X in a `photoday {kind}` hint, "
                       f"or an extension constant): update cli_names() to where the CLI names its files now")
        elif c[kind] != {k["ext"]}:
            out.append(f"the CLI writes {kind}s as {sorted('.' + e for e in c[kind])}; the apps open .{k['ext']}")
    stray_mimes = a["mime"] - {k["mime"] for k in KINDS.values()}
    if stray_mimes:
        out.append(f"the Android manifest names other PhotoDay MIME types: {sorted(stray_mimes)}")
    stray_exts = a["ext"] - {k["ext"] for k in KINDS.values()}
    if stray_exts:
        out.append(f"the Android app uses other extensions: {sorted(stray_exts)}")
    extra_utis = set(i) - {k["uti"] for k in KINDS.values()}
    if extra_utis:
        out.append(f"iOS exports other UTIs: {sorted(extra_utis)}")
    return out


# ---------------------------------------------------------------------------------------------
# The renderer against the generated bindings

BINDINGS_KT = (ROOT / os.environ.get("CARGO_TARGET_DIR", "target")) / "bindings/kotlin/cn/photoday/core/photoday_ffi.kt"
# (type in the bindings, the app file whose `when` must name each of its cases)
RENDERED = [
    ("Block", "ui/PageScreen.kt"), ("Tone", "ui/theme/Theme.kt"), ("Needs", "ui/Actions.kt"),
    ("ActionStyle", "ui/PageScreen.kt"), ("Signal", "staff/VerdictFeedback.kt"),
]


def binding_cases(bindings: str, name: str) -> list[str]:
    """The variants of the sealed class or enum `name` in the generated Kotlin."""
    m = re.search(rf"^(sealed|enum) class {name} \{{(.*?)^\}}", bindings, re.S | re.M)
    if m is None:
        return []
    if m.group(1) == "enum":
        return re.findall(r"^\s{4}([A-Z][A-Z0-9_]*)[,;]?\s*$", m.group(2), re.M)
    return re.findall(rf"^\s{{4}}(?:data class|object) (\w+)\b", m.group(2), re.M)


def renderer_problems(bindings: str | None, app_sources: dict[str, str]) -> list[str]:
    if bindings is None:
        return [f"no {BINDINGS_KT}: run bindings/generate.sh (tests/android/run.sh does)"]
    out = []
    for name, file in RENDERED:
        cases = binding_cases(bindings, name)
        if not cases:
            out.append(f"the bindings have no sealed class or enum {name}")
        text = app_sources.get(file, "")
        missing = [c for c in cases if not re.search(rf"\b{name}\.{c}\b", text)]
        if missing:
            out.append(f"{file} does not handle {name} {missing} (the core sends them; the `when` would not compile)")
    return out


# ---------------------------------------------------------------------------------------------


def read(p: Path) -> str:
    return p.read_text(encoding="utf-8")


def real_inputs() -> dict:
    manifest = read(MANIFEST)
    night = RES / "values-night/themes.xml"
    return {
        "manifest": manifest,
        "backups": {p.name: read(p) for p in backup_files(manifest)},
        "theme_day": read(RES / "values/themes.xml"),
        "strings": read(RES / "values/strings.xml"),
        "strings_zh": read(RES / "values-zh-rCN/strings.xml"),
        "referencing": {str(p.relative_to(APP)): read(p) for p in sorted(APP.glob("src/main/**/*"))
                        if p.suffix in (".kt", ".xml") and "values" not in p.parent.name},
        "theme_night": read(night) if night.is_file() else None,
        "catalog": read(CATALOG),
        "properties": read(WRAPPER / "gradle-wrapper.properties"),
        "jar": (WRAPPER / "gradle-wrapper.jar").read_bytes() if (WRAPPER / "gradle-wrapper.jar").is_file() else None,
        "gradlew": read(ANDROID_DIR / "gradlew") if (ANDROID_DIR / "gradlew").is_file() else None,
        "builds": {str(p.relative_to(ANDROID_DIR)): read(p) for p in sorted(ANDROID_DIR.glob("**/build.gradle.kts"))
                   if "build" not in p.relative_to(ANDROID_DIR).parts[:-1]},
        "settings": read(ANDROID_DIR / "settings.gradle.kts"),
        "ffi_cargo": read(ROOT / "bindings/Cargo.toml"),
        "readme": read(README),
        "android_sources": "\n".join(read(p) for p in sorted((APP / "src/main/kotlin").rglob("*.kt"))),
        "info": plistlib.loads(INFO_PLIST.read_bytes()),
        "bindings": read(BINDINGS_KT) if BINDINGS_KT.is_file() else None,
        "app_sources": {str(p.relative_to(APP / "src/main/kotlin/cn/photoday/app")): read(p)
                        for p in sorted((APP / "src/main/kotlin").rglob("*.kt"))},
        "swift": read(FILE_TYPES_SWIFT),
        "cli": {str(p.relative_to(ROOT)): read(p) for p in sorted(CLI_SRC.rglob("*.rs"))},
    }


def run_checks(r: Results, x: dict, label: str = ""):
    r.check(f"{label}manifest: permissions, camera feature, predictive back, intent filters",
            manifest_problems(x["manifest"]))
    problems = []
    if not x["backups"]:
        problems.append("the manifest names no backup rule files")
    for name, text in x["backups"].items():
        problems += backup_rule_problems(text, name)
    r.check(f"{label}backup rules obey lint's include/exclude rule", problems)
    r.check(f"{label}window theme is a DayNight pair", theme_problems(x["theme_day"], x["theme_night"]))
    r.check(f"{label}string resources: every reference defined, in English and Chinese",
            string_problems(x["strings"], x["strings_zh"], x["referencing"]))
    r.check(f"{label}JNA, Kotlin, AGP and Gradle versions documented to work together",
            version_problems(x["catalog"], x["properties"], x["builds"].get("app/build.gradle.kts", "")))
    r.check(f"{label}Gradle wrapper: checksum of the distribution, Gradle's own jar",
            wrapper_problems(x["properties"], x["jar"], x["gradlew"]))
    r.check(f"{label}build scripts: no unresolved toolchain, NDK via the new DSL, uniffi without defaults",
            build_script_problems(x["builds"], x["settings"], x["ffi_cargo"]))
    r.check(f"{label}android/README.md tool table matches the build", readme_problems(x["readme"], x["catalog"], x["properties"]))
    r.check(f"{label}the renderer handles every block, tone, need, style and signal the bindings have",
            renderer_problems(x["bindings"], x["app_sources"]))
    r.check(f"{label}file names, MIME types and UTIs agree across Android, iOS and the CLI",
            naming_problems(x["manifest"], x["android_sources"], x["info"], x["swift"], x["cli"]))


def self_test(r: Results, real: dict):
    """Each mutation of the real inputs must make its check fail."""
    import copy

    def mutated(**changes) -> dict:
        x = copy.deepcopy(real)
        x.update(changes)
        return x

    m = real["manifest"]
    first_filter = m.index("<intent-filter>", m.index("android.intent.category.LAUNCHER"))
    view_data = m.index("<data ", first_filter)
    cases = {
        "INTERNET": (manifest_problems, m.replace("<application", '<uses-permission android:name="android.permission.INTERNET" />\n<application', 1)),
        "no camera feature": (manifest_problems, re.sub(r'<uses-feature android:name="android.hardware.camera" [^>]*/>', "", m)),
        "no predictive back": (manifest_problems, m.replace('android:enableOnBackInvokedCallback="true"', "")),
        "text/plain VIEW": (manifest_problems, m[:view_data] + '<data android:mimeType="text/plain" />\n' + m[view_data:]),
        "file scheme": (manifest_problems, m[:view_data] + '<data android:scheme="file" />\n' + m[view_data:]),
        ".pdb claimed": (manifest_problems, m.replace(r'.*\\.photodaylog"', r'.*\\.pdb"', 1)),
        "old MIME": (manifest_problems, m.replace("application/vnd.photoday.log", "application/x-photoday-log")),
        "bare */*": (manifest_problems, m[:view_data] + '<data android:mimeType="*/*" />\n' + m[view_data:]),
    }
    for what, (fn, text) in cases.items():
        r.check(f"self-test: the manifest check fails on {what}", [] if fn(text) else ["it passed"])

    bad_backup = ('<full-backup-content><include domain="sharedpref" path="." />'
                  '<exclude domain="database" path="." /></full-backup-content>')
    r.check("self-test: the backup check fails on an exclude outside every include",
            [] if backup_rule_problems(bad_backup, "x.xml") else ["it passed"])
    bad_rules = ('<data-extraction-rules><cloud-backup><include domain="file" path="a" />'
                 '<exclude domain="file" path="b/c" /></cloud-backup></data-extraction-rules>')
    r.check("self-test: the backup check fails on an exclude beside, not under, an include",
            [] if backup_rule_problems(bad_rules, "x.xml") else ["it passed"])
    ok_rules = ('<full-backup-content><include domain="file" path="a" />'
                '<exclude domain="file" path="a/secret" /></full-backup-content>')
    r.check("self-test: the backup check accepts an exclude under an include",
            backup_rule_problems(ok_rules, "x.xml"))
    r.check("self-test: the string check fails on a string a screen uses and nobody defines",
            [] if string_problems(real["strings"], real["strings_zh"], {"x.kt": "Text(stringResource(R.string.gone))"})
            else ["it passed"])
    r.check("self-test: the string check fails on an English string with no Chinese one",
            [] if string_problems(real["strings"].replace("</resources>", '<string name="extra">x</string></resources>'),
                                  real["strings_zh"], {}) else ["it passed"])
    r.check("self-test: the theme check fails on a light-only theme",
            [] if theme_problems(real["theme_day"], None) else ["it passed"])

    cat = real["catalog"]
    app_build = real["builds"].get("app/build.gradle.kts", "")
    for what, (c, p) in {
        "JNA 5.15.0": (re.sub(r'^jna = "[^"]+"', 'jna = "5.15.0"', cat, flags=re.M), real["properties"]),
        "Kotlin 2.1.0": (re.sub(r'^kotlin = "[^"]+"', 'kotlin = "2.1.0"', cat, flags=re.M), real["properties"]),
        "AGP beyond Kotlin's range": (re.sub(r'^agp = "[^"]+"', 'agp = "8.13.0"', cat, flags=re.M), real["properties"]),
        "Gradle below AGP's minimum": (cat, re.sub(r"gradle-[\d.]+-bin", "gradle-8.7-bin", real["properties"])),
    }.items():
        r.check(f"self-test: the version check fails on {what}", [] if version_problems(c, p, app_build) else ["it passed"])
    for what, (p, jar, gw) in {
        "no checksum": (re.sub(r"^distributionSha256Sum=.*\n", "", real["properties"], flags=re.M), real["jar"], real["gradlew"]),
        "another version's checksum": (re.sub(r"gradle-[\d.]+-bin", "gradle-8.14-bin", real["properties"]), real["jar"], real["gradlew"]),
        "a foreign jar": (real["properties"], b"PK not gradle's", real["gradlew"]),
        "no jar and a silent gradlew": (real["properties"], None, "#!/bin/sh\nexec java -jar x\n"),
    }.items():
        r.check(f"self-test: the wrapper check fails on {what}", [] if wrapper_problems(p, jar, gw) else ["it passed"])
    builds = dict(real["builds"])
    builds["x/build.gradle.kts"] = "kotlin {\n    jvmToolchain(17)\n}\n"
    r.check("self-test: the build check fails on jvmToolchain without a resolver",
            [] if build_script_problems(builds, real["settings"], real["ffi_cargo"]) else ["it passed"])
    builds = dict(real["builds"])
    builds["y/build.gradle.kts"] = 'environment("ANDROID_NDK_HOME", android.ndkDirectory.absolutePath)\n'
    r.check("self-test: the build check fails on the old android.ndkDirectory",
            [] if build_script_problems(builds, real["settings"], real["ffi_cargo"]) else ["it passed"])
    r.check("self-test: the build check fails on uniffi with default features",
            [] if build_script_problems(real["builds"], real["settings"], 'uniffi = "0.32.2"\n') else ["it passed"])
    r.check("self-test: the README check fails on a stale JNA row",
            [] if readme_problems(real["readme"].replace(catalog_versions(cat).get("jna", "?"), "5.15.0"), cat, real["properties"])
            else ["it passed"])

    if real["bindings"] is not None:
        fewer = dict(real["app_sources"])
        fewer["ui/PageScreen.kt"] = fewer["ui/PageScreen.kt"].replace("is Block.Call", "is Block.Elsewhere")
        r.check("self-test: the renderer check fails on a block the page screen does not draw",
                [] if renderer_problems(real["bindings"], fewer) else ["it passed"])
        more = real["bindings"].replace("enum class Tone {", "enum class Tone {\n    LOUD,", 1)
        r.check("self-test: the renderer check fails on a tone the core added",
                [] if renderer_problems(more, real["app_sources"]) else ["it passed"])

    cli_pdb = {"cli/src/x.rs": 'let p = dir.join("scanner.pdb");\nlet q = dir.join("phone-a.pdl");\n'}
    r.check("self-test: the naming check fails when the CLI writes .pdb/.pdl",
            [] if naming_problems(real["manifest"], real["android_sources"], real["info"], real["swift"], cli_pdb) else ["it passed"])
    cli_new = {"cli/src/x.rs": 'const BUNDLE_EXTENSION: &str = "photoday";\nconst LOG_EXTENSION: &str = "photodaylog";\n'
                               'const LEGACY_BUNDLE_EXTENSION: &str = "pdb";\n'}
    r.check("self-test: the CLI names are read from extension constants",
            [] if cli_names(cli_new) == {"bundle": {"photoday"}, "log": {"photodaylog"}} else [str(cli_names(cli_new))])
    info = copy.deepcopy(real["info"])
    for d in info.get("UTExportedTypeDeclarations", []):
        d.get("UTTypeTagSpecification", {})["public.filename-extension"] = ["pdb"]
    r.check("self-test: the naming check fails when iOS names another extension",
            [] if naming_problems(real["manifest"], real["android_sources"], info, real["swift"], real["cli"]) else ["it passed"])


def main() -> int:
    r = Results()
    real = real_inputs()
    self_test(r, real)
    for path in manifest_files():
        if path != MANIFEST:
            text = read(path)
            root = ET.fromstring(text)
            asked = {p.get(A + "name") for p in root.iter("uses-permission") if p.get(TOOLS + "node") != "remove"}
            r.check(f"{path.relative_to(ROOT)}: no INTERNET", ["declares INTERNET"] if "android.permission.INTERNET" in asked else [])
    run_checks(r, real)
    print(f"{r.passed} passed, {r.failed} failed")
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main())
