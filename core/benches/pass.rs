//! Pass benchmarks: how long issuing and checking a pass takes, and how big its QR code is next
//! to the alternatives a university might otherwise use.
//!
//! Run with `cargo bench -p photoday-core --bench pass`. Plain `Instant` loops (no harness): each
//! figure is the median of several batches, so one noisy batch does not move it. The pretix row
//! is computed here, not quoted: a `pretix_sig1` secret (version byte, two big-endian lengths,
//! protobuf payload, Ed25519 signature, base64, reversed) carrying the same fields as a pass,
//! encoded at ECC M in byte mode as pretix's scanners read it.

use std::hint::black_box;
use std::time::{Duration, Instant};

use photoday_core::base45;
use photoday_core::keys::{EventKey, KeyRing};
use photoday_core::pass::{self, PassBody, PassCheck, Revocations};
use photoday_core::qr::{Ecc, QrMatrix};
use photoday_core::qr_decode;
use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};

const EVENT: &str = "gzcc-2023";

/// Runs `f` `per_batch` times per batch, several batches, and returns the median time per call.
fn per_call<F: FnMut(usize)>(per_batch: usize, mut f: F) -> Duration {
    const BATCHES: usize = 7;
    let mut times: Vec<Duration> = (0..BATCHES)
        .map(|_| {
            let start = Instant::now();
            for i in 0..per_batch {
                f(i);
            }
            start.elapsed() / per_batch as u32
        })
        .collect();
    times.sort();
    times[BATCHES / 2]
}

fn fmt(d: Duration) -> String {
    let ns = d.as_nanos();
    if ns < 1_000 {
        format!("{ns} ns")
    } else if ns < 1_000_000 {
        format!("{:.1} µs", ns as f64 / 1_000.0)
    } else {
        format!("{:.2} ms", ns as f64 / 1_000_000.0)
    }
}

/// Protobuf varint field (wire type 0); proto3 leaves out fields equal to 0.
fn pb_varint(out: &mut Vec<u8>, field: u8, mut v: u64) {
    if v == 0 {
        return;
    }
    out.push(field << 3);
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Protobuf length-delimited string field (wire type 2).
fn pb_string(out: &mut Vec<u8>, field: u8, s: &str) {
    out.push((field << 3) | 2);
    out.push(s.len() as u8);
    out.extend_from_slice(s.as_bytes());
}

/// A pretix_sig1 secret around `payload`, exactly as pretix's `Sig1TicketSecretGenerator`
/// builds it.
fn pretix_sig1(key: &EventKey, payload: &[u8]) -> String {
    let signature = key.sign(payload);
    let mut raw = vec![0x01];
    raw.extend_from_slice(&(payload.len() as u16).to_be_bytes());
    raw.extend_from_slice(&(signature.len() as u16).to_be_bytes());
    raw.extend_from_slice(payload);
    raw.extend_from_slice(&signature);
    base64(&raw).chars().rev().collect()
}

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                s.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

/// The smallest QR version holding `text` in byte mode only, at ECC M.
fn byte_mode_version(text: &str) -> i16 {
    (1..=40)
        .find(|&v| {
            let mut bits = Bits::new(Version::Normal(v));
            bits.push_byte_data(text.as_bytes()).is_ok()
                && bits.push_terminator(EcLevel::M).is_ok()
                && QrCode::with_bits(bits, EcLevel::M).is_ok()
        })
        .expect("fits version 40")
}

fn auto_version(text: &str) -> i16 {
    match QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .unwrap()
        .version()
    {
        Version::Normal(v) | Version::Micro(v) => v,
    }
}

fn main() {
    let key = EventKey::generate();
    let ring = KeyRing::new(vec![key.public()]);
    let rotated = KeyRing::new(vec![EventKey::generate().public(), key.public()]);
    let mut revocations = Revocations::new();
    for s in 0..10_000u64 {
        revocations.insert(202000000000 + s * 7, 1);
    }
    let none = Revocations::new();

    let bodies: Vec<PassBody> = (0..10_000u64)
        .map(|i| PassBody {
            session_index: (i % 40 + 1) as u8,
            student_no: 202010250000 + i,
            serial: (i % 3) as u16,
        })
        .collect();

    // Issue 10,000 passes (DESIGN §7: ≤ 1 s).
    let start = Instant::now();
    let passes: Vec<String> = bodies
        .iter()
        .map(|b| pass::issue(&key, EVENT, b).unwrap())
        .collect();
    let issue_10k = start.elapsed();
    let issue_one = per_call(2_000, |i| {
        black_box(pass::issue(&key, EVENT, &bodies[i % bodies.len()]).unwrap());
    });

    let verify_valid = per_call(5_000, |i| {
        let v = pass::verify(black_box(&passes[i % passes.len()]), EVENT, &ring, &none);
        debug_assert!(v.is_valid());
        black_box(v);
    });
    let verify_rotated_revocations = per_call(5_000, |i| {
        black_box(pass::verify(
            &passes[i % passes.len()],
            EVENT,
            &rotated,
            &revocations,
        ));
    });
    let verify_other_event = per_call(5_000, |i| {
        let v = pass::verify(&passes[i % passes.len()], "gzcc-2024", &ring, &none);
        debug_assert!(matches!(v, PassCheck::BadSignature { .. }));
        black_box(v);
    });
    let not_a_pass = "https://www.chsi.com.cn/xlcx/index.jsp";
    let verify_not_a_pass = per_call(100_000, |_| {
        black_box(pass::verify(black_box(not_a_pass), EVENT, &ring, &none));
    });
    let base45_decode = per_call(100_000, |i| {
        black_box(base45::decode(&passes[i % passes.len()][4..]));
    });

    let text = &passes[0];
    let qr_m = QrMatrix::encode(text).unwrap();
    let qr_q = QrMatrix::encode_with(text, Ecc::Q).unwrap();
    let qr_encode = per_call(500, |_| {
        black_box(QrMatrix::encode(black_box(text)).unwrap());
    });
    let png = qr_m.to_png(8).unwrap();
    let png_encode = per_call(500, |_| {
        black_box(qr_m.to_png(8).unwrap());
    });
    let png_decode = per_call(100, |_| {
        let found = qr_decode::decode_image_file_bytes(black_box(&png)).unwrap();
        assert_eq!(found.len(), 1);
    });

    // pretix_sig1 carrying the same fields, as a hand-made protobuf (field 1 student number,
    // 2 session, 3 serial; pretix has one key per event, so no key id).
    let sample = PassBody {
        session_index: 12,
        student_no: 202010250101,
        serial: 1,
    };
    let widest = PassBody {
        session_index: 255,
        student_no: 99_999_999_999_999,
        serial: u16::MAX,
    };
    let same_fields = |b: &PassBody| {
        let mut p = Vec::new();
        pb_varint(&mut p, 1, b.student_no);
        pb_varint(&mut p, 2, u64::from(b.session_index));
        pb_varint(&mut p, 3, u64::from(b.serial));
        p
    };
    // And pretix's own Ticket message as it ships: seed (9 random characters), item, variation
    // (0, left out), subevent.
    let mut shipped = Vec::new();
    pb_string(&mut shipped, 1, "k3ZqP9wLx");
    pb_varint(&mut shipped, 2, 123_456);
    pb_varint(&mut shipped, 4, 9_876);

    let rows_pretix = [
        (
            "pretix_sig1, same fields (12-digit 学号)",
            pretix_sig1(&key, &same_fields(&sample)),
        ),
        (
            "pretix_sig1, same fields (widest values)",
            pretix_sig1(&key, &same_fields(&widest)),
        ),
        (
            "pretix_sig1, pretix's own Ticket (seed, item, subevent)",
            pretix_sig1(&key, &shipped),
        ),
    ];
    let widest_pass = pass::issue(&key, EVENT, &widest).unwrap();

    println!("## PhotoDay pass benchmark\n");
    println!("| measure | result | target |");
    println!("|---|---|---|");
    println!("| issue one pass | {} | |", fmt(issue_one));
    println!("| issue 10,000 passes | {} | ≤ 1 s |", fmt(issue_10k));
    println!(
        "| verify a valid pass (1 key, no revocations) | {} | ≤ 100 µs |",
        fmt(verify_valid)
    );
    println!(
        "| verify a pass (2-key ring, 10,000 revocations) | {} | ≤ 100 µs |",
        fmt(verify_rotated_revocations)
    );
    println!(
        "| verify a pass for another event (bad signature) | {} | |",
        fmt(verify_other_event)
    );
    println!(
        "| reject a 学信网 link (not a pass) | {} | |",
        fmt(verify_not_a_pass)
    );
    println!(
        "| Base45-decode 114 characters | {} | |",
        fmt(base45_decode)
    );
    println!("| QR-encode a pass (version 5-M) | {} | |", fmt(qr_encode));
    println!(
        "| render it as PNG, 8 px/module ({} bytes) | {} | |",
        png.len(),
        fmt(png_encode)
    );
    println!(
        "| find + decode it in that PNG (360×360 px) | {} | |",
        fmt(png_decode)
    );
    println!();
    println!("## QR size\n");
    println!("| code | characters | QR mode | version at M | modules |");
    println!("|---|---|---|---|---|");
    println!(
        "| PhotoDay pass | {} | alphanumeric | {}-M | {w}×{w} |",
        text.len(),
        qr_m.version,
        w = qr_m.width
    );
    println!(
        "| PhotoDay pass, widest values | {} | alphanumeric | {}-M | {w}×{w} |",
        widest_pass.len(),
        QrMatrix::encode(&widest_pass).unwrap().version,
        w = QrMatrix::encode(&widest_pass).unwrap().width
    );
    println!(
        "| PhotoDay pass at ECC Q | {} | alphanumeric | {}-Q | {w}×{w} |",
        text.len(),
        qr_q.version,
        w = qr_q.width
    );
    for (name, secret) in &rows_pretix {
        let v = byte_mode_version(secret);
        let auto = auto_version(secret);
        println!(
            "| {name} | {} | byte | {v}-M (mixed segments: {auto}-M) | {w}×{w} |",
            secret.len(),
            w = 17 + 4 * v
        );
    }
    println!("| EU Digital COVID Certificate, median (cited, not measured) | — | alphanumeric (`HC1:` + Base45) | 18 | 89×89 |");
    println!();
    println!("sample pass: {text}");
    println!("sample pretix_sig1 (same fields): {}", rows_pretix[0].1);
}
