//! QR reading on camera-like frames and screenshots: the core's decoder against the references.
//!
//! Run everything (frames, the core, zxing-cpp, ZBar, the Android app's ZXing code, the table)
//! with `tests/qr_bench/run.sh [--quick]`. This bench is the Rust half: it generates the frames
//! deterministically (`core/tests/frames`), times the core's decoders on them in memory, and
//! writes each frame as a PGM file plus `manifest.tsv` for the reference decoders' drivers.
//!
//!   cargo bench -p photoday-core --bench qr_frames -- [--quick | --target] [--out DIR]
//!
//! Output in DIR (default `target/qr_bench`): `frames/*.pgm`, `shots/*.{png,jpg}` (the files the
//! 采集码 check reads) with `shots/*.pgm` (their decoded pixels, for the references),
//! `manifest.tsv`, `results-core.tsv` (decoder, id, ok, µs, and the check's verdict for shots).

#[path = "../tests/frames/mod.rs"]
mod frames;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use frames::{CameraScene, Payload, Saved, ShotScene};
use photoday_core::qr_decode;

const WIDTHS: [f64; 8] = [60.0, 80.0, 100.0, 120.0, 160.0, 200.0, 240.0, 320.0];
const BLURS: [f64; 4] = [0.0, 1.0, 1.5, 2.0];
const MAX_TILT: f64 = 20.0;

/// A decoder under test: luma in, texts out.
type Decoder = (&'static str, fn(usize, usize, &[u8]) -> Vec<String>);

fn decoders() -> Vec<Decoder> {
    vec![
        ("core", qr_decode::decode_luma),
        ("rqrr", rqrr_decode),
        ("rxing-stock", rxing_stock),
    ]
}

/// rxing's own QR reader and binariser (ZXing Java's), as `rxing::helpers` would call it
/// without `TryHarder`: the row that shows what the core's own binariser buys.
fn rxing_stock(w: usize, h: usize, px: &[u8]) -> Vec<String> {
    use rxing::common::HybridBinarizer;
    use rxing::{BarcodeFormat, BinaryBitmap, DecodeHints, Luma8Source, Reader};
    let Ok(src) = Luma8Source::new_with_slice(px, w as u32, h as u32) else {
        return vec![];
    };
    let mut bitmap = BinaryBitmap::new(HybridBinarizer::new(src));
    let hints = DecodeHints {
        PossibleFormats: Some([BarcodeFormat::QR_CODE].into_iter().collect()),
        ..Default::default()
    };
    rxing::qrcode::cpp_port::QrReader
        .decode_with_hints(&mut bitmap, &hints)
        .map(|r| vec![r.getText().to_string()])
        .unwrap_or_default()
}

/// The decoder the core used before (rqrr 0.11 as it was called), for the before/after rows.
fn rqrr_decode(w: usize, h: usize, px: &[u8]) -> Vec<String> {
    std::panic::catch_unwind(|| {
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| px[y * w + x]);
        img.detect_grids()
            .iter()
            .filter_map(|g| g.decode().ok().map(|(_, t)| t))
            .collect()
    })
    .unwrap_or_default()
}

/// `--serve`: reads `<pgm path>\t<expected text>` lines on stdin and answers each with
/// `<ok>\t<µs>` for the core's decoder (best of three), so the references' driver can time the
/// core and zxing-cpp on the same frame within milliseconds of each other: on a shared machine
/// only such paired timings give a fair ratio.
fn serve() {
    use std::io::{BufRead, Write};
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let Some((path, text)) = line.split_once('\t') else {
            continue;
        };
        let frame = read_pgm(&std::fs::read(path).unwrap());
        let mut best = u128::MAX;
        let mut ok = false;
        for _ in 0..3 {
            let t = Instant::now();
            let found = qr_decode::decode_luma(frame.width, frame.height, &frame.pixels);
            best = best.min(t.elapsed().as_micros());
            ok = found.iter().any(|f| f == text);
        }
        writeln!(out, "{}\t{best}", u8::from(ok)).unwrap();
        out.flush().unwrap();
    }
}

fn read_pgm(bytes: &[u8]) -> frames::Luma {
    let mut fields = bytes.splitn(4, |&b| b == b'\n');
    let _magic = fields.next();
    let dims = std::str::from_utf8(fields.next().unwrap()).unwrap();
    let (w, h) = dims.split_once(' ').unwrap();
    let (width, height) = (w.parse::<usize>().unwrap(), h.parse::<usize>().unwrap());
    let _max = fields.next();
    frames::Luma {
        width,
        height,
        pixels: fields.next().unwrap()[..width * height].to_vec(),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--serve") {
        return serve();
    }
    let quick = args.iter().any(|a| a == "--quick");
    // `--target`: only DESIGN §7's cell (the pass at 120 px, σ 1), 64 more frames with seeds the
    // full run does not use, to pin the read rate down more closely than 16 frames can.
    let target = args.iter().any(|a| a == "--target");
    let out: PathBuf = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/qr_bench"));
    let _ = std::fs::remove_dir_all(out.join("frames"));
    let _ = std::fs::remove_dir_all(out.join("shots"));
    std::fs::create_dir_all(out.join("frames")).unwrap();
    std::fs::create_dir_all(out.join("shots")).unwrap();

    let mut manifest = String::from(
        "id\tset\tpayload\tsymbol_px\tblur\ttilt\trotation\tglare\tscale\tsaved\tcropped\tpx_per_module\tpgm\tfile\ttext\n",
    );
    let mut results = String::from("decoder\tid\tok\tus\tcheck\n");
    let decs = decoders();
    let started = Instant::now();

    // Camera frames.
    let mut id = 0usize;
    let payloads: &[Payload] = if target {
        &[Payload::Pass]
    } else {
        &Payload::ALL
    };
    let (blurs, widths): (&[f64], &[f64]) = if target {
        (&[1.0], &[120.0])
    } else {
        (&BLURS, &WIDTHS)
    };
    for &payload in payloads {
        let seeds = match (payload, quick) {
            _ if target => 64,
            (Payload::Pass, false) => 16,
            (_, false) => 8,
            (Payload::Pass, true) => 3,
            (_, true) => 2,
        };
        let text = payload.text();
        let modules = payload.matrix().width as f64;
        for &blur in blurs {
            for &symbol_px in widths {
                for s in 0..seeds {
                    let scene = CameraScene {
                        payload,
                        symbol_px,
                        blur,
                        max_tilt: MAX_TILT,
                        seed: (id as u64 + if target { 1 << 20 } else { 0 }) << 8 | s,
                    };
                    let (frame, drawn) = frames::camera_frame(&scene);
                    let pgm = format!("frames/{id:05}.pgm");
                    std::fs::write(out.join(&pgm), frames::pgm_bytes(&frame)).unwrap();
                    writeln!(
                        manifest,
                        "{id}\tcamera\t{}\t{symbol_px}\t{blur}\t{:.1}\t{:.1}\t{:.2}\t1\t-\t0\t{:.2}\t{pgm}\t{pgm}\t{text}",
                        payload.name(),
                        drawn.tilt_deg,
                        drawn.rotation_deg,
                        drawn.glare,
                        symbol_px / modules,
                    )
                    .unwrap();
                    for (name, decode) in &decs {
                        let t = Instant::now();
                        let found = decode(frame.width, frame.height, &frame.pixels);
                        let us = t.elapsed().as_micros();
                        let ok = found.contains(&text);
                        writeln!(results, "{name}\t{id}\t{}\t{us}\t-", u8::from(ok)).unwrap();
                    }
                    id += 1;
                }
            }
        }
        eprintln!(
            "qr_frames: {} frames so far ({:.0} s)",
            id,
            started.elapsed().as_secs_f64()
        );
    }

    // Screenshots: versions 3–6, three symbol sizes, resized, saved as PNG or JPEG; plus a few
    // cut off at the edge.
    let scales: &[f64] = if quick {
        &[1.0, 0.25, 1.0 / 6.0]
    } else {
        &[1.0, 0.5, 1.0 / 3.0, 0.25, 0.2, 1.0 / 6.0, 1.0 / 8.0]
    };
    let saves: &[Saved] = if quick {
        &[Saved::Png, Saved::Jpeg(60)]
    } else {
        &[Saved::Png, Saved::Jpeg(90), Saved::Jpeg(60)]
    };
    let mut shots = Vec::new();
    for version in (3..=6u8).filter(|_| !target) {
        for &symbol_px in &[240usize, 360, 540] {
            for &scale in scales {
                for &saved in saves {
                    shots.push((version, symbol_px, scale, saved, 0.0));
                }
            }
        }
        for &scale in &[1.0, 0.5] {
            shots.push((version, 360, scale, Saved::Png, 0.3));
        }
    }
    for (version, symbol_px, scale, saved, cropped) in shots {
        let scene = ShotScene {
            version,
            symbol_px,
            scale,
            saved,
            cropped,
            seed: id as u64,
        };
        let (bytes, _, _) = frames::screenshot(&scene);
        let ext = if matches!(saved, Saved::Png) {
            "png"
        } else {
            "jpg"
        };
        let file = format!("shots/{id:05}.{ext}");
        std::fs::write(out.join(&file), &bytes).unwrap();
        // The references get the pixels the file decodes to, the same as the core reads.
        let luma = match saved {
            Saved::Png => frames::screenshot_luma(&scene),
            Saved::Jpeg(_) => {
                let mut d = jpeg_decoder::Decoder::new(&bytes[..]);
                let px = d.decode().unwrap();
                let info = d.info().unwrap();
                frames::Luma {
                    width: usize::from(info.width),
                    height: usize::from(info.height),
                    pixels: px,
                }
            }
        };
        let pgm = format!("shots/{id:05}.pgm");
        std::fs::write(out.join(&pgm), frames::pgm_bytes(&luma)).unwrap();
        let text = frames::text_for_version(version);
        let modules = f64::from(17 + 4 * u32::from(version));
        let saved_name = match saved {
            Saved::Png => "png".to_string(),
            Saved::Jpeg(q) => format!("jpeg{q}"),
        };
        writeln!(
            manifest,
            "{id}\tshot\tv{version}\t{symbol_px}\t0\t0\t0\t0\t{scale:.3}\t{saved_name}\t{cropped}\t{:.2}\t{pgm}\t{file}\t{text}",
            symbol_px as f64 * scale / modules,
        )
        .unwrap();
        for (name, decode) in &decs {
            let t = Instant::now();
            let found = decode(luma.width, luma.height, &luma.pixels);
            let us = t.elapsed().as_micros();
            let ok = found.contains(&text);
            // The 采集码 check runs on the file, as the app calls it.
            let check = if *name == "core" {
                match qr_decode::check_readability(&bytes) {
                    Ok(r) if r.readable => "readable".to_string(),
                    Ok(r) => format!("unreadable:{r:?}").replace('\t', " "),
                    Err(e) => format!("error:{e}"),
                }
            } else {
                "-".into()
            };
            writeln!(results, "{name}\t{id}\t{}\t{us}\t{check}", u8::from(ok)).unwrap();
        }
        id += 1;
    }
    std::fs::write(out.join("manifest.tsv"), manifest).unwrap();
    std::fs::write(out.join("results-core.tsv"), results).unwrap();
    eprintln!(
        "qr_frames: {id} images in {} ({:.0} s)",
        out.display(),
        started.elapsed().as_secs_f64()
    );
}
