//! A liaison exports pass cards and posts them in the class group: every card, at its own size and
//! as a chat app's thumbnail (a quarter of the width), reads at the door as that student's valid
//! pass — checked by two decoders that share no code (the core's and quircs) — and the class zip
//! holds the class's cards. The printed A4 page reads too, four passes on one scan.
//!
//! `PHOTODAY_WRITE_DOCS=1 cargo test -p photoday --test pass_cards` also writes the card and the
//! A4 page the README shows (docs/pass-card.png, docs/a4-page.png).

mod common;

use common::{event_with_roster, photoday};
use photoday::cards::{self, CardFont};
use photoday::commands::passes::card_data;
use photoday_core::admin::EventFolder;
use photoday_core::pass::{self, PassCheck};
use photoday_core::qr_decode;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A small roster like the demo's: three colleges, classes of different sizes, a four-character
/// name and a name with a middle dot, so the card's longest lines are drawn.
const ROSTER: &str = "学号,姓名,学院,年级,班级,已缴费
2020010001,李明,信息技术与工程学院,2020级本科,软件1班,是
2020010002,王芳,信息技术与工程学院,2020级本科,软件1班,否
2020010003,欧阳娜娜,信息技术与工程学院,2020级本科,软件1班,是
2020010004,张伟,信息技术与工程学院,2020级本科,软件2班,是
2020020001,赵强,会计学院,2020级本科,会计1班,是
2020020002,阿卜杜拉·买买提,会计学院,2020级本科,会计1班,是
2021100001,陈静,国际学院,2021级专科,国际商务1班,是
2021100002,刘洋,国际学院,2021级专科,国际商务2班,否
";

fn event_with_passes(tmp: &Path) -> PathBuf {
    event_with_roster(tmp, ROSTER)
}

/// 8-bit grey pixels of a PNG or JPEG card.
fn luma_of(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    if bytes.starts_with(b"\x89PNG") {
        let mut d = png::Decoder::new(std::io::Cursor::new(bytes));
        d.set_transformations(png::Transformations::EXPAND);
        let mut r = d.read_info().unwrap();
        let mut buf = vec![0; r.output_buffer_size().unwrap()];
        let info = r.next_frame(&mut buf).unwrap();
        let channels = match info.color_type {
            png::ColorType::Grayscale => 1,
            png::ColorType::Rgb => 3,
            other => panic!("a card is grey or RGB, not {other:?}"),
        };
        let luma = buf[..info.buffer_size()]
            .chunks_exact(channels)
            .map(|p| (p.iter().map(|&v| v as u32).sum::<u32>() / channels as u32) as u8)
            .collect();
        (info.width as usize, info.height as usize, luma)
    } else {
        let mut d = jpeg_decoder::Decoder::new(std::io::Cursor::new(bytes));
        let px = d.decode().unwrap();
        let info = d.info().unwrap();
        let channels = px.len() / (info.width as usize * info.height as usize);
        let luma = px
            .chunks_exact(channels)
            .map(|p| (p.iter().map(|&v| v as u32).sum::<u32>() / channels as u32) as u8)
            .collect();
        (info.width as usize, info.height as usize, luma)
    }
}

/// The image shrunk to a quarter of its width and height by averaging each 4×4 block, as a chat
/// app's thumbnail does.
fn quarter(w: usize, h: usize, luma: &[u8]) -> (usize, usize, Vec<u8>) {
    let (qw, qh) = (w / 4, h / 4);
    let mut out = Vec::with_capacity(qw * qh);
    for y in 0..qh {
        for x in 0..qw {
            let mut sum = 0u32;
            for dy in 0..4 {
                for dx in 0..4 {
                    sum += luma[(4 * y + dy) * w + 4 * x + dx] as u32;
                }
            }
            out.push((sum / 16) as u8);
        }
    }
    (qw, qh, out)
}

fn quircs_decode(w: usize, h: usize, luma: &[u8]) -> Vec<String> {
    let mut q = quircs::Quirc::default();
    q.identify(w, h, luma)
        .filter_map(|code| code.ok()?.decode().ok())
        .map(|d| String::from_utf8(d.payload).unwrap())
        .collect()
}

/// Both decoders' reads of one image: (core, quircs).
fn both(w: usize, h: usize, luma: &[u8]) -> (Vec<String>, Vec<String>) {
    (
        qr_decode::decode_luma(w, h, luma),
        quircs_decode(w, h, luma),
    )
}

/// Every card file under `dir` by student number (from its `学号-姓名` name).
fn cards_under(dir: &Path, ext: &str) -> BTreeMap<u64, PathBuf> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                let stem = p.file_stem().unwrap().to_string_lossy().to_string();
                let no = stem.split('-').next().unwrap().parse().unwrap();
                found.insert(no, p);
            }
        }
    }
    found
}

fn assert_valid_pass_of(folder: &mut EventFolder, text: &str, student_no: u64, what: &str) {
    let check = pass::verify(
        text,
        &folder.event().id.clone(),
        &folder.key_ring().unwrap(),
        &folder.revocations().unwrap(),
    );
    match check {
        PassCheck::Valid { student_no: n, .. } => {
            assert_eq!(n, student_no, "{what} is another student's pass")
        }
        other => panic!("{what} does not read as a valid pass: {other:?}"),
    }
}

#[test]
fn every_card_reads_as_its_students_pass_at_full_size_and_as_a_chat_thumbnail() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_passes(tmp.path());
    let out = tmp.path().join("cards");
    photoday()
        .args(["passes", "export", "--format", "cards", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicates::str::contains("Exported 8 passes"));
    let mut folder = EventFolder::open(&dir).unwrap();
    let cards = cards_under(&out, "png");
    assert_eq!(cards.len(), 8, "one card per student: {cards:?}");
    assert!(out
        .join("会计学院/会计1班/2020020002-阿卜杜拉·买买提.png")
        .exists());
    for (no, path) in &cards {
        let (w, h, luma) = luma_of(&std::fs::read(path).unwrap());
        assert_eq!((w, h), (1080, 1920), "{}", path.display());
        let (core, quirc) = both(w, h, &luma);
        assert_eq!(core.len(), 1, "core decoder, full size, {}", path.display());
        assert_eq!(quirc, core, "quircs, full size, {}", path.display());
        assert_valid_pass_of(&mut folder, &core[0], *no, &format!("{no}'s card"));

        let (qw, qh, small) = quarter(w, h, &luma);
        assert_eq!((qw, qh), (270, 480));
        let (core_q, quirc_q) = both(qw, qh, &small);
        assert_eq!(
            core_q,
            core,
            "core decoder, quarter size, {}",
            path.display()
        );
        assert_eq!(quirc_q, core, "quircs, quarter size, {}", path.display());
    }
}

#[test]
fn jpeg_cards_for_chat_apps_read_too_at_both_sizes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_passes(tmp.path());
    let out = tmp.path().join("jpeg");
    photoday()
        .args([
            "passes",
            "export",
            "--format",
            "cards",
            "--jpeg",
            "--college",
            "国际学院",
            "--out",
        ])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let mut folder = EventFolder::open(&dir).unwrap();
    let cards = cards_under(&out, "jpg");
    assert_eq!(
        cards.keys().copied().collect::<Vec<_>>(),
        vec![2021100001, 2021100002]
    );
    for (no, path) in &cards {
        let bytes = std::fs::read(path).unwrap();
        let by_file = qr_decode::decode_image_file_bytes(&bytes).unwrap();
        let (w, h, luma) = luma_of(&bytes);
        let (core, quirc) = both(w, h, &luma);
        assert_eq!(by_file, core);
        assert_eq!(quirc, core, "quircs, {}", path.display());
        assert_valid_pass_of(&mut folder, &core[0], *no, &format!("{no}'s JPEG card"));
        let (qw, qh, small) = quarter(w, h, &luma);
        let (core_q, quirc_q) = both(qw, qh, &small);
        assert_eq!(
            (core_q, quirc_q),
            (core.clone(), core),
            "quarter size, {}",
            path.display()
        );
    }
}

/// Names and sizes of a zip's entries, read from its central directory.
fn zip_listing(bytes: &[u8]) -> Vec<(String, usize)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let (n, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut names = Vec::new();
    for _ in 0..n {
        assert_eq!(u32_at(at), 0x0201_4b50);
        let size = u32_at(at + 24);
        let name_len = u16_at(at + 28);
        let offset = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        // The local header agrees and the data is the stored file.
        assert_eq!(u32_at(offset), 0x0403_4b50);
        let data = offset + 30 + u16_at(offset + 26) + u16_at(offset + 28);
        let mut crc = flate2::Crc::new();
        crc.update(&bytes[data..data + size]);
        assert_eq!(crc.sum() as usize, u32_at(at + 16), "CRC of {name}");
        names.push((name, size));
        at += 46 + name_len + u16_at(at + 30) + u16_at(at + 32);
    }
    names
}

#[test]
fn each_class_gets_one_zip_of_its_cards() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_passes(tmp.path());
    let out = tmp.path().join("cards");
    photoday()
        .args(["passes", "export", "--format", "cards", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success();
    let zip = std::fs::read(out.join("信息技术与工程学院/软件1班.zip")).unwrap();
    let listing = zip_listing(&zip);
    let names: Vec<&str> = listing.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "2020010001-李明.png",
            "2020010002-王芳.png",
            "2020010003-欧阳娜娜.png"
        ]
    );
    let on_disk =
        std::fs::read(out.join("信息技术与工程学院/软件1班/2020010003-欧阳娜娜.png")).unwrap();
    assert_eq!(listing[2].1, on_disk.len());
    // Python's zipfile, an independent reader, agrees (when python3 is installed).
    if let Ok(o) = std::process::Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print('|'.join(z.namelist()))",
        ])
        .arg(out.join("信息技术与工程学院/软件1班.zip"))
        .output()
    {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(
            String::from_utf8(o.stdout).unwrap().trim(),
            names.join("|")
        );
    }
    for class in [
        "信息技术与工程学院/软件2班.zip",
        "会计学院/会计1班.zip",
        "国际学院/国际商务1班.zip",
        "国际学院/国际商务2班.zip",
    ] {
        assert!(out.join(class).exists(), "{class}");
    }
}

#[test]
fn a_printed_a4_page_of_four_cards_reads_all_four_passes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_passes(tmp.path());
    let mut folder = EventFolder::open(&dir).unwrap();
    let event = folder.event().clone();
    let plan = folder.plan(None).unwrap();
    let passes = folder.passes().unwrap();
    let four: Vec<_> = passes
        .iter()
        .take(4)
        .map(|p| card_data(&event, &plan, p).unwrap())
        .collect();
    let font = CardFont::find(None).unwrap();
    // 150 dpi, a plain office scan.
    let page = cards::a4_page(&font, &event, &four, 4, 150).unwrap();
    assert_eq!((page.width, page.height), cards::a4_pixels(150));
    let luma = page.luma();
    let (w, h) = (page.width as usize, page.height as usize);
    let mut core = qr_decode::decode_luma(w, h, &luma);
    let mut quirc = quircs_decode(w, h, &luma);
    core.sort();
    quirc.sort();
    let mut want: Vec<String> = passes.iter().take(4).map(|p| p.text.clone()).collect();
    want.sort();
    assert_eq!(core, want, "core decoder");
    assert_eq!(quirc, want, "quircs");

    // The HTML route: the same cards, four to a page.
    let out = tmp.path().join("print");
    photoday()
        .args(["passes", "export", "--format", "html", "--out"])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicates::str::contains("2 page(s), 4 a page"));
    let html = std::fs::read_to_string(out.join("passes.html")).unwrap();
    assert_eq!(html.matches("<section class=\"page\">").count(), 2);
    assert!(html.contains("2020020002 阿卜杜拉·买买提 会计学院"));
    photoday()
        .args([
            "passes",
            "export",
            "--format",
            "html",
            "--per-page",
            "2",
            "--out",
        ])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicates::str::contains("4 page(s), 2 a page"));
    photoday()
        .args([
            "passes",
            "export",
            "--format",
            "html",
            "--per-page",
            "3",
            "--out",
        ])
        .arg(&out)
        .arg("--dir")
        .arg(&dir)
        .assert()
        .code(2);

    if std::env::var_os("PHOTODAY_WRITE_DOCS").is_some() {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs");
        std::fs::create_dir_all(&docs).unwrap();
        std::fs::write(docs.join("a4-page.png"), page.to_png(true).unwrap()).unwrap();
        let card = cards::render_card(&font, &event, &four[0], cards::CARD_WIDTH).unwrap();
        std::fs::write(docs.join("pass-card.png"), card.to_png(false).unwrap()).unwrap();
    }
}

#[test]
fn a_missing_font_names_the_package_to_install() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = event_with_passes(tmp.path());
    let not_a_font = tmp.path().join("roster.csv");
    let a = photoday()
        .args(["passes", "export", "--format", "cards", "--font"])
        .arg(&not_a_font)
        .arg("--out")
        .arg(tmp.path().join("x"))
        .arg("--dir")
        .arg(&dir)
        .assert()
        .code(2);
    let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
    assert!(err.contains("not a font"), "{err}");
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if dejavu.exists() {
        let a = photoday()
            .args(["passes", "export", "--format", "cards", "--font"])
            .arg(dejavu)
            .arg("--out")
            .arg(tmp.path().join("x"))
            .arg("--dir")
            .arg(&dir)
            .assert()
            .code(2);
        let err = String::from_utf8(a.get_output().stderr.clone()).unwrap();
        assert!(err.contains("fonts-wqy-microhei"), "{err}");
    }
}
