//! The FFI records mirror the core's structs by hand (uniffi needs its own derives, and the
//! core's `Text` becomes `BilingualText` here). This test keeps the mirrors from drifting: every
//! field of a core struct that has a record of the same name here must be a field of that record
//! too, under the same name — except `class`, a keyword in Kotlin and Swift, which is
//! `class_name`, and a moment, which crosses as `…_local` text and `…_unix_ms`. A core field added
//! without its mirror fails here, not in an app.

use std::collections::BTreeMap;
use std::path::Path;

/// `pub struct Name { pub field: …, … }` → name → field names, from Rust source text.
fn structs(dir: &Path) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let mut lines = src.lines();
        while let Some(line) = lines.next() {
            let Some(rest) = line.strip_prefix("pub struct ") else {
                continue;
            };
            if !rest.trim_end().ends_with('{') {
                continue;
            }
            let name = rest
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap();
            let mut fields = Vec::new();
            for l in lines.by_ref() {
                if l.starts_with('}') {
                    break;
                }
                if let Some(f) = l.trim().strip_prefix("pub ") {
                    if let Some((field, _)) = f.split_once(':') {
                        fields.push(field.trim().to_string());
                    }
                }
            }
            out.insert(name.to_string(), fields);
        }
    }
    out
}

/// Core fields left out of the surface on purpose, and why.
const NOT_MIRRORED: &[(&str, &str)] = &[
    (
        "EnrolmentCode.key",
        "inside EnrolmentCode.text, which is what the admin reads",
    ),
    (
        "Admission.photo_seq",
        "photo_no carries it, with the lane letter",
    ),
    (
        "Shot.number",
        "flattened into Shot.photo_no, batch and session",
    ),
    (
        "Event.checklist",
        "StudentApp.checklist() serves it with the student's ticks",
    ),
    (
        "Event.class_order",
        "an input to the 教务处's arrival plan; phones get the plan",
    ),
    (
        "Event.throughput_per_hour",
        "an input to the arrival plan; phones get the plan",
    ),
    (
        "Session.throughput_per_hour",
        "an input to the arrival plan; phones get the plan",
    ),
    (
        "Session.cameras",
        "an input to the arrival plan; phones get the plan",
    ),
    (
        "Event.collection_code_steps",
        "served as Event.collection_code_routes (to be renamed)",
    ),
];

#[test]
fn every_core_field_has_its_mirror_under_the_same_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let core = structs(&root.join("../core/src"));
    let ffi = structs(&root.join("src"));
    let mut checked = 0;
    let mut missing = Vec::new();
    for (name, ffi_fields) in &ffi {
        let Some(core_fields) = core.get(name) else {
            continue;
        };
        checked += 1;
        for f in core_fields {
            let mirrored = if f == "class" {
                "class_name"
            } else {
                f.as_str()
            };
            // A moment (chrono, event-local) crosses as `…_local` text and `…_unix_ms`.
            let as_moment = format!("{f}_unix_ms");
            let known = NOT_MIRRORED
                .iter()
                .any(|(field, _)| *field == format!("{name}.{f}"));
            if !known && !ffi_fields.iter().any(|g| g == mirrored || *g == as_moment) {
                missing.push(format!("{name}.{f}"));
            }
        }
    }
    assert!(
        checked >= 20,
        "only {checked} mirrored records found: is the parser still right?"
    );
    assert!(
        missing.is_empty(),
        "core fields without a mirror: {missing:?}"
    );
}
