//! A pass is short enough for a small, robust QR code, and every renderer keeps the rules a
//! camera needs (whole pixels per module, quiet zone, dark on light).

use photoday_core::keys::EventKey;
use photoday_core::pass::{self, PassBody};
use photoday_core::qr::{Ecc, QrMatrix};
use photoday_core::qr_decode;

fn a_pass() -> String {
    pass::issue(
        &EventKey::generate(),
        "gzcc-2023",
        &PassBody {
            session_index: 255,
            student_no: 99_999_999_999_999,
            serial: u16::MAX,
        },
    )
    .unwrap()
}

#[test]
fn a_pass_is_118_characters_and_fits_version_5_m_and_7_q() {
    let text = a_pass();
    assert_eq!(text.len(), 118);
    assert!(text.starts_with("PD1:"));
    let m = QrMatrix::encode(&text).unwrap();
    assert_eq!((m.version, m.ecc, m.width), (5, Ecc::M, 37));
    assert_eq!(m.describe(), "version 5-M, 37×37 modules");
    let q = QrMatrix::encode_with(&text, Ecc::Q).unwrap();
    assert_eq!((q.version, q.width), (7, 45));
    // The same text in byte mode would need version 7 at M: alphanumeric mode is what buys 5-M.
    let lower = text.to_lowercase();
    assert!(QrMatrix::encode(&lower).unwrap().version > 5);
}

#[test]
fn png_has_whole_pixels_per_module_and_a_quiet_zone() {
    let text = a_pass();
    let qr = QrMatrix::encode(&text).unwrap();
    for scale in [1u32, 2, 5] {
        let png = qr.to_png(scale).unwrap();
        let mut decoder = png::Decoder::new(std::io::Cursor::new(&png[..]));
        decoder.set_transformations(png::Transformations::IDENTITY);
        let mut reader = decoder.read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.color_type, png::ColorType::Grayscale);
        assert_eq!(info.bit_depth, png::BitDepth::Eight);
        let side = (37 + 8) * scale as usize;
        assert_eq!((info.width as usize, info.height as usize), (side, side));
        let s = scale as usize;
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / s, y / s);
                let expect_dark = mx >= 4 && my >= 4 && qr.dark(mx - 4, my - 4);
                assert_eq!(buf[y * side + x], if expect_dark { 0 } else { 255 });
            }
        }
    }
}

#[test]
fn svg_and_terminal_draw_the_same_modules() {
    let qr = QrMatrix::encode(&a_pass()).unwrap();
    let svg = qr.to_svg();
    assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 45 45\""));
    assert!(svg.contains("shape-rendering=\"crispEdges\""));
    // Count dark modules drawn in the SVG path (runs "M x y h n ...").
    let drawn: usize = svg
        .split('h')
        .skip(1)
        .filter_map(|s| s.split('v').next()?.parse::<usize>().ok())
        .sum();
    let dark = (0..37)
        .flat_map(|y| (0..37).map(move |x| (x, y)))
        .filter(|&(x, y)| qr.dark(x, y))
        .count();
    assert_eq!(drawn, dark);

    // Dark terminal: light modules are the drawn ones; reconstruct and compare.
    let term = qr.to_terminal();
    let lines: Vec<Vec<char>> = term.lines().map(|l| l.chars().collect()).collect();
    assert_eq!(lines.len(), 23);
    for (row, line) in lines.iter().enumerate() {
        assert_eq!(line.len(), 45);
        for (x, c) in line.iter().enumerate() {
            let light = |y: usize| y >= 45 || !(x >= 4 && y >= 4 && qr.dark(x - 4, y - 4));
            let (top, bottom) = (light(2 * row), light(2 * row + 1));
            let expected = match (top, bottom) {
                (true, true) => '█',
                (true, false) => '▀',
                (false, true) => '▄',
                (false, false) => ' ',
            };
            assert_eq!(*c, expected, "row {row} col {x}");
        }
    }
}

#[test]
fn the_readability_check_counts_codes_and_returns_no_content() {
    let text = a_pass();
    let png = QrMatrix::encode(&text).unwrap().to_png(4).unwrap();
    let r = qr_decode::check_readability(&png).unwrap();
    assert!(r.readable);
    assert_eq!(r.codes_found, 1);
    // The result has nowhere to hold the content; its Debug form shows only the two fields.
    assert_eq!(
        format!("{r:?}"),
        "Readability { readable: true, codes_found: 1 }"
    );

    // A code cut in half is not readable.
    let qr = QrMatrix::encode(&text).unwrap();
    let side = 45 * 4;
    let mut pixels = vec![255u8; side * side];
    for y in 0..side / 2 {
        for x in 0..side {
            let (mx, my) = (x / 4, y / 4);
            if mx >= 4 && my >= 4 && qr.dark(mx - 4, my - 4) {
                pixels[y * side + x] = 0;
            }
        }
    }
    assert!(qr_decode::decode_luma(side, side, &pixels).is_empty());
}

#[test]
fn rgb_and_palette_images_decode_too() {
    let text = a_pass();
    let qr = QrMatrix::encode(&text).unwrap();
    let side = 45 * 3;
    let mut rgb = vec![0u8; side * side * 3];
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / 3, y / 3);
            let dark = mx >= 4 && my >= 4 && qr.dark(mx - 4, my - 4);
            // Dark blue on pale yellow, as a themed screenshot might be.
            let px: [u8; 3] = if dark { [20, 30, 90] } else { [250, 245, 200] };
            rgb[(y * side + x) * 3..][..3].copy_from_slice(&px);
        }
    }
    assert_eq!(qr_decode::decode_rgb(side, side, &rgb), vec![text.clone()]);

    // Same image as an indexed (palette) PNG.
    let mut indexed = Vec::with_capacity(side * side);
    for p in rgb.chunks_exact(3) {
        indexed.push(u8::from(p[0] == 20));
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, side as u32, side as u32);
        enc.set_color(png::ColorType::Indexed);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_palette(vec![250, 245, 200, 20, 30, 90]);
        let mut w = enc.write_header().unwrap();
        w.write_image_data(&indexed).unwrap();
    }
    assert_eq!(
        qr_decode::decode_image_file_bytes(&out).unwrap(),
        vec![text]
    );
}
