//! A pass survives the whole trip to the door: issued, drawn as a QR code, saved as a PNG,
//! read back by the core's own decoder *and* by an independent one (quircs, a port of quirc),
//! and verified with the same fields.

use photoday_core::keys::{EventKey, KeyRing};
use photoday_core::pass::{self, PassBody, PassCheck, Revocations};
use photoday_core::qr::{Ecc, QrMatrix};
use photoday_core::qr_decode;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const EVENT: &str = "gzcc-2023-graduation-photos";

/// Reads every QR code in an 8-bit greyscale PNG with quircs, which shares no code with rqrr.
fn decode_with_quircs(png_bytes: &[u8]) -> Vec<String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Grayscale);
    let mut quirc = quircs::Quirc::default();
    quirc
        .identify(info.width as usize, info.height as usize, &buf)
        .filter_map(|code| code.ok()?.decode().ok())
        .map(|data| String::from_utf8(data.payload).unwrap())
        .collect()
}

fn random_body(rng: &mut StdRng) -> PassBody {
    // Student numbers of every plausible width, up to the 14-digit maximum.
    let digits = rng.random_range(1..=14u32);
    PassBody {
        session_index: rng.random_range(1..=255),
        student_no: rng.random_range(0..10u64.pow(digits)),
        serial: rng.random(),
    }
}

#[test]
fn a_thousand_random_passes_round_trip_through_png_and_two_decoders() {
    let mut rng = StdRng::seed_from_u64(20230505);
    let keys: Vec<EventKey> = (0..4).map(|_| EventKey::generate()).collect();
    let ring = KeyRing::new(keys.iter().map(EventKey::public).collect());
    let revocations = Revocations::new();

    for i in 0..1000 {
        let key = &keys[i % keys.len()];
        let body = random_body(&mut rng);
        let text = pass::issue(key, EVENT, &body).unwrap();
        assert_eq!(text.len(), 118);

        // Most passes are shown at ECC M; every tenth is drawn at Q as a printed pass would be.
        let ecc = if i % 10 == 0 { Ecc::Q } else { Ecc::M };
        let qr = QrMatrix::encode_with(&text, ecc).unwrap();
        assert_eq!(qr.version, if ecc == Ecc::M { 5 } else { 7 });
        let png = qr.to_png(rng.random_range(2..=3)).unwrap();

        let ours = qr_decode::decode_image_file_bytes(&png).unwrap();
        assert_eq!(ours, vec![text.clone()], "core decoder, pass {i}");
        let theirs = decode_with_quircs(&png);
        assert_eq!(theirs, vec![text.clone()], "quircs, pass {i}");

        let expected = PassCheck::Valid {
            student_no: body.student_no,
            session_index: body.session_index,
            serial: body.serial,
            key_id: key.public().key_id(),
        };
        assert_eq!(pass::verify(&ours[0], EVENT, &ring, &revocations), expected);
        assert_eq!(
            pass::verify(&theirs[0], EVENT, &ring, &revocations),
            expected
        );
    }
}

#[test]
fn the_same_inputs_always_give_the_same_pass() {
    let key = EventKey::generate();
    let body = PassBody {
        session_index: 7,
        student_no: 202010250101,
        serial: 2,
    };
    assert_eq!(
        pass::issue(&key, EVENT, &body).unwrap(),
        pass::issue(&key, EVENT, &body).unwrap()
    );
}
