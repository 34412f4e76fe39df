//! The printable pass: an A4 HTML sheet of pass cards for students without a smartphone.
//!
//! Some students have no phone that can show a QR code, or their battery dies on the stairs. The
//! liaison prints this sheet in a browser (the browser's "print to PDF" works too), cuts along the
//! dashed lines and hands each student their card: the QR code (inline SVG, so the file needs
//! nothing else), name, student number and the slot — room, date, the class's time and when to be
//! at the door. Six cards a page; a card never breaks across pages.

use photoday_core::event::Event;
use photoday_core::slot::Slot;
use photoday_core::time::format_hhmm;

/// One card.
#[derive(Debug, Clone)]
pub struct Card {
    /// 姓名.
    pub name: String,
    /// 学号.
    pub student_no: u64,
    /// 班级.
    pub class: String,
    /// Where and when.
    pub slot: Slot,
    /// The pass's QR code as an SVG document.
    pub qr_svg: String,
}

/// Cards per A4 page: two columns, three rows.
pub const CARDS_PER_PAGE: usize = 6;

/// The whole HTML document.
pub fn a4_sheet(event: &Event, heading: &str, cards: &[Card]) -> String {
    let mut html = String::with_capacity(cards.len() * 6_000 + 4_000);
    html.push_str(&format!(
        r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 10mm; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #000; }}
.page {{ width: 190mm; break-after: page; page-break-after: always; }}
.page:last-child {{ break-after: auto; page-break-after: auto; }}
.row {{ display: flex; gap: 4mm; margin-bottom: 4mm; break-inside: avoid; page-break-inside: avoid; }}
.card {{ width: 93mm; height: 87mm; border: 0.3mm dashed #777; padding: 4mm; display: flex; flex-direction: column; overflow: hidden; }}
.top {{ display: flex; gap: 3mm; }}
.qr svg {{ width: 42mm; height: 42mm; display: block; }}
.who {{ flex: 1; min-width: 0; }}
.name {{ font-size: 16pt; font-weight: bold; margin-top: 1mm; }}
.no {{ font-size: 12pt; font-family: "DejaVu Sans Mono", Consolas, monospace; letter-spacing: 0.3mm; }}
.small {{ font-size: 8pt; color: #333; }}
.slot {{ font-size: 9.5pt; margin-top: 2mm; line-height: 1.45; }}
.slot b {{ font-size: 11pt; }}
.note {{ font-size: 7.5pt; color: #333; margin-top: auto; border-top: 0.2mm solid #bbb; padding-top: 1mm; }}
@media screen {{ body {{ background: #eee; }} .page {{ background: #fff; margin: 5mm auto; padding: 4mm 0 0 0; }} }}
</style>
</head>
<body>
"#,
        title = escape(heading)
    ));
    // Fixed-size cards in rows of two, three rows to a page: no grid, so no browser can split a
    // page's last row away when printing.
    for page in cards.chunks(CARDS_PER_PAGE) {
        html.push_str("<section class=\"page\">\n");
        for row in page.chunks(2) {
            html.push_str("<div class=\"row\">\n");
            for card in row {
                html.push_str(&card_html(event, card));
            }
            html.push_str("</div>\n");
        }
        html.push_str("</section>\n");
    }
    html.push_str("</body>\n</html>\n");
    html
}

fn card_html(event: &Event, c: &Card) -> String {
    let s = &c.slot;
    let windows: Vec<String> = s.windows.iter().map(|w| w.label()).collect();
    let time_line = if s.planned {
        format!(
            "本班时间 <b>{}</b>，请于 <b>{}</b> 前到达<br><span class=\"small\">Your class: {}, be at the door by {}</span>",
            format_hhmm(s.time.time()),
            format_hhmm(s.arrive_by.time()),
            format_hhmm(s.time.time()),
            format_hhmm(s.arrive_by.time()),
        )
    } else {
        format!(
            "请于 <b>{}</b> 前到达<br><span class=\"small\">Be at the door by {}</span>",
            format_hhmm(s.arrive_by.time()),
            format_hhmm(s.arrive_by.time()),
        )
    };
    format!(
        r#"<div class="card">
<div class="top">
<div class="qr">{qr}</div>
<div class="who">
<div class="small">{school} · 签到码 check-in pass</div>
<div class="name">{name}</div>
<div class="no">{no}</div>
<div class="small">{college}<br>{class}</div>
</div>
</div>
<div class="slot">
地点 <b>{room}</b> <span class="small">{room_en}</span><br>
{date} {windows}<br>
{time_line}
</div>
<div class="note">进门时出示此码；采集码另备，给摄影师扫。按“摄影编号”顺序拍摄，不要站错位置。<br>Show this at the door; the CHSI 采集码 is for the photographer.</div>
</div>
"#,
        qr = c.qr_svg.trim(),
        school = escape(&event.school.name.zh),
        name = escape(&c.name),
        no = c.student_no,
        college = escape(&s.college.zh),
        class = escape(&c.class),
        room = escape(&s.room.zh),
        room_en = escape(&s.room.en),
        date = s.date,
        windows = escape(&windows.join("、")),
    )
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
    use photoday_core::qr::QrMatrix;

    #[test]
    fn seven_cards_make_two_a4_pages_with_names_escaped() {
        let event = Event::template("gzcc-2023").unwrap();
        let slot = Slot::new(&event, 1, None).unwrap();
        let card = Card {
            name: "李<明>".into(),
            student_no: 2020010001,
            class: "软件1班".into(),
            slot,
            qr_svg: QrMatrix::encode("HELLO").unwrap().to_svg(),
        };
        let html = a4_sheet(&event, "签到码", &vec![card; 7]);
        assert_eq!(html.matches("<section class=\"page\">").count(), 2);
        assert_eq!(html.matches("<svg").count(), 7);
        assert!(html.contains("size: A4"));
        assert!(html.contains("李&lt;明&gt;") && !html.contains("李<明>"));
        assert!(html.contains("09:10"));
    }
}
