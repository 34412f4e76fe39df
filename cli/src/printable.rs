//! The printable pass: an A4 HTML sheet of pass cards for students without a smartphone.
//!
//! Some students have no phone that can show a QR code, or their battery dies on the stairs. The
//! liaison prints this sheet in a browser (the browser's "print to PDF" works too), cuts along the
//! dashed lines and hands each student their card. The cards are the very images students get on
//! their phones (`passes export --format cards`, drawn by [`crate::cards`]), in grey, two or four
//! to a page, with the 摄影编号 box for the studio to write in. Each card is an inline SVG holding
//! its PNG and a title naming the student, so the file needs nothing else and a browser's search
//! finds a student by name or number.

/// One printed card.
#[derive(Debug, Clone)]
pub struct PrintCard {
    /// Who and where, for the card's title (search, screen readers).
    pub title: String,
    /// The card as PNG, 9:16.
    pub png: Vec<u8>,
    /// Its size in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
}

/// The whole HTML document: `per_page` cards (2 or 4) to an A4 page, dashed cut lines between.
pub fn a4_sheet(heading: &str, cards: &[PrintCard], per_page: usize) -> String {
    let (cols, rows) = crate::cards::grid(per_page);
    let per_page = cols * rows;
    // A4 less 10 mm margins: 190 × 277 mm, split into cells.
    let (cell_w, cell_h) = (190.0 / cols as f32, 277.0 / rows as f32);
    let card_h = (cell_h - 6.0).min((cell_w - 6.0) * 16.0 / 9.0);
    let card_w = card_h * 9.0 / 16.0;
    let mut html = String::with_capacity(
        cards
            .iter()
            .map(|c| c.png.len() * 4 / 3 + 600)
            .sum::<usize>()
            + 4_000,
    );
    html.push_str(&format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 10mm; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; }}
.page {{ width: 190mm; height: 277mm; display: grid; grid-template-columns: repeat({cols}, {cell_w:.1}mm); grid-template-rows: repeat({rows}, {cell_h:.1}mm); break-after: page; page-break-after: always; overflow: hidden; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.cell {{ display: flex; align-items: center; justify-content: center; outline: 0.2mm dashed #777; outline-offset: -0.1mm; }}
.cell svg {{ width: {card_w:.1}mm; height: {card_h:.1}mm; display: block; border: 0.2mm solid #bbb; }}
@media screen {{ body {{ background: #eee; }} .page {{ background: #fff; margin: 5mm auto; }} }}
</style>
</head>
<body>
"#,
        title = escape(heading),
    ));
    for page in cards.chunks(per_page) {
        html.push_str("<section class=\"page\">\n");
        for card in page {
            html.push_str(&format!(
                "<div class=\"cell\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\"><title>{t}</title><image width=\"{w}\" height=\"{h}\" href=\"data:image/png;base64,{b}\"/></svg></div>\n",
                w = card.width,
                h = card.height,
                t = escape(&card.title),
                b = base64(&card.png),
            ));
        }
        for _ in page.len()..per_page {
            html.push_str("<div class=\"cell\"></div>\n");
        }
        html.push_str("</section>\n");
    }
    html.push_str("</body>\n</html>\n");
    html
}

/// Standard base64 with padding (RFC 4648), for `data:` URLs.
pub fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str) -> PrintCard {
        PrintCard {
            title: title.into(),
            png: vec![0x89, b'P', b'N', b'G'],
            width: 9,
            height: 16,
        }
    }

    #[test]
    fn five_cards_make_two_a4_pages_of_four_with_names_escaped() {
        let html = a4_sheet("签到码", &vec![card("李<明> 2020010001"); 5], 4);
        assert_eq!(html.matches("<section class=\"page\">").count(), 2);
        assert_eq!(html.matches("<svg").count(), 5);
        assert_eq!(
            html.matches("class=\"cell\"").count(),
            8,
            "the last page is padded"
        );
        assert!(html.contains("size: A4"));
        assert!(html.contains("李&lt;明&gt;") && !html.contains("李<明>"));
        assert!(html.contains("data:image/png;base64,iVBORw=="));
        let two = a4_sheet("签到码", &vec![card("x"); 5], 2);
        assert_eq!(two.matches("<section class=\"page\">").count(), 3);
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(raw.as_bytes()), enc);
        }
    }
}
