//! Pass cards: one phone-screen image per student that works at the door without the app.
//!
//! A liaison gets 400 passes to 400 students through a class WeChat/QQ group, a private message or
//! a printout, and many students never install the app. So the card carries everything a student
//! needs on the day, drawn as one portrait image (1080×1920, a phone screen): the pass's QR code
//! large (whole pixels per module, a 4-module quiet zone, so a dimmed screen or a chat app's
//! thumbnail still reads), 学号 and name, college and class, room, date, the class's own time and
//! when to be at the door, "带好学信网采集码", three lines of dress code and where to go if they
//! miss it (补拍) — every word from the event, nothing about the school hard-coded here — and a box
//! for the studio's 摄影编号. The same drawing, smaller, is the printed card.
//!
//! Chinese needs a font with CJK glyphs. None is embedded (a CJK font is 5–20 MB, more than the
//! whole binary); it is read at run time from the Debian packages `fonts-wqy-microhei` (preferred),
//! `fonts-noto-cjk` or `fonts-droid-fallback`, or from `--font FILE` / `PHOTODAY_FONT`, and
//! rasterised with `ab_glyph` (pure Rust).

use ab_glyph::{Font, FontVec, PxScale, ScaleFont};
use photoday_core::event::Event;
use photoday_core::qr::{QrMatrix, QUIET_ZONE};
use photoday_core::slot::Slot;
use photoday_core::time::{format_hhmm, format_local_minute};
use std::path::{Path, PathBuf};

use crate::failure::Failure;

/// A phone screen, portrait: the card's size in pixels.
pub const CARD_WIDTH: u32 = 1080;
/// Height of a card at [`CARD_WIDTH`]; every card is 9:16.
pub const CARD_HEIGHT: u32 = 1920;

/// Fonts looked for when none is named: (file, index in the collection, Debian package).
pub const FONT_CANDIDATES: &[(&str, u32, &str)] = &[
    (
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        0,
        "fonts-wqy-microhei",
    ),
    // Index 2 of the collection is Simplified Chinese (SC).
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        2,
        "fonts-noto-cjk",
    ),
    (
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        0,
        "fonts-droid-fallback",
    ),
    (
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        0,
        "fonts-wqy-zenhei",
    ),
];

/// The font the cards are drawn with.
pub struct CardFont {
    font: FontVec,
    /// Where it was read from.
    pub path: PathBuf,
}

impl CardFont {
    /// The font named by `explicit`, else `PHOTODAY_FONT`, else the first of
    /// [`FONT_CANDIDATES`] installed. The error says which package to install.
    pub fn find(explicit: Option<&Path>) -> Result<CardFont, Failure> {
        if let Some(p) = explicit {
            return CardFont::load(p, 0);
        }
        if let Some(p) = std::env::var_os("PHOTODAY_FONT").filter(|p| !p.is_empty()) {
            return CardFont::load(Path::new(&p), 0);
        }
        for (path, index, _) in FONT_CANDIDATES {
            let p = Path::new(path);
            if p.exists() {
                return CardFont::load(p, *index);
            }
        }
        Err(Failure::input(
            "pass cards need a font with Chinese characters and none was found: install one with \
             `apt-get install fonts-wqy-microhei` (or fonts-noto-cjk), or name a .ttf/.ttc/.otf file \
             with --font FILE",
        ))
    }

    /// Reads a font file; refuses one without Chinese glyphs (it would draw empty boxes).
    pub fn load(path: &Path, index: u32) -> Result<CardFont, Failure> {
        let bytes = std::fs::read(path).map_err(|e| Failure::read(path, e))?;
        let font = FontVec::try_from_vec_and_index(bytes, index).map_err(|_| {
            Failure::input(format!(
                "{} is not a font PhotoDay can read (use a .ttf, .otf or .ttc file)",
                path.display()
            ))
        })?;
        if ['签', '到', '码', '摄', '0', 'A']
            .iter()
            .any(|c| font.glyph_id(*c).0 == 0)
        {
            return Err(Failure::input(format!(
                "{} has no Chinese characters; install fonts-wqy-microhei or name another font with --font",
                path.display()
            )));
        }
        Ok(CardFont {
            font,
            path: path.to_path_buf(),
        })
    }

    /// Width of `text` at `px` pixels.
    pub fn width(&self, text: &str, px: f32) -> f32 {
        let f = self.font.as_scaled(PxScale::from(px));
        let mut w = 0.0;
        let mut prev = None;
        for c in text.chars() {
            let id = f.glyph_id(c);
            if let Some(p) = prev {
                w += f.kern(p, id);
            }
            w += f.h_advance(id);
            prev = Some(id);
        }
        w
    }

    /// The largest size up to `px` at which `text` fits in `max_w`.
    pub fn fit(&self, text: &str, px: f32, max_w: f32) -> f32 {
        let w = self.width(text, px);
        if w <= max_w {
            px
        } else {
            (px * max_w / w).floor()
        }
    }

    /// `text` broken into lines no wider than `max_w`: between any two Chinese characters, and
    /// between words of Latin text and numbers (never inside one).
    pub fn wrap(&self, text: &str, px: f32, max_w: f32) -> Vec<String> {
        let mut tokens: Vec<String> = Vec::new();
        for c in text.chars() {
            let wordy = c.is_ascii_alphanumeric() || "-.:/@()".contains(c);
            match tokens.last_mut() {
                Some(t)
                    if wordy
                        && t.chars()
                            .all(|d| d.is_ascii_alphanumeric() || "-.:/@()".contains(d)) =>
                {
                    t.push(c)
                }
                _ => tokens.push(c.to_string()),
            }
        }
        let mut lines = Vec::new();
        let mut line = String::new();
        for t in tokens {
            let candidate = format!("{line}{t}");
            // Closing punctuation never starts a line (Chinese typesetting): it hangs instead.
            let closing = t.chars().all(|c| "，。、；：）」”！？,.;:)".contains(c));
            if !line.is_empty() && !closing && self.width(&candidate, px) > max_w {
                lines.push(std::mem::take(&mut line));
                line = t.trim_start().to_string();
            } else {
                line = candidate;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

/// An RGB image being drawn.
#[derive(Debug, Clone)]
pub struct Canvas {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    rgb: Vec<u8>,
}

/// A colour.
pub type Rgb = [u8; 3];
const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 17, 17];
const MUTED: Rgb = [85, 85, 85];
const ACCENT: Rgb = [22, 72, 132];
const RULE: Rgb = [190, 190, 190];

impl Canvas {
    /// A white canvas.
    pub fn new(width: u32, height: u32) -> Canvas {
        Canvas {
            width,
            height,
            rgb: vec![255; width as usize * height as usize * 3],
        }
    }

    /// The pixels, RGB, row by row.
    pub fn rgb(&self) -> &[u8] {
        &self.rgb
    }

    /// The pixels as 8-bit grey (for print).
    pub fn luma(&self) -> Vec<u8> {
        self.rgb
            .chunks_exact(3)
            .map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8)
            .collect()
    }

    fn blend(&mut self, x: i64, y: i64, c: Rgb, a: f32) {
        if x < 0 || y < 0 || x >= self.width as i64 || y >= self.height as i64 || a <= 0.0 {
            return;
        }
        let i = (y as usize * self.width as usize + x as usize) * 3;
        let a = a.min(1.0);
        for (px, target) in self.rgb[i..i + 3].iter_mut().zip(c) {
            let old = *px as f32;
            *px = (old + (target as f32 - old) * a).round() as u8;
        }
    }

    /// Fills a rectangle (clipped to the canvas).
    pub fn fill(&mut self, x: i64, y: i64, w: i64, h: i64, c: Rgb) {
        let (x0, y0) = (x.max(0), y.max(0));
        let (x1, y1) = (
            (x + w).min(self.width as i64),
            (y + h).min(self.height as i64),
        );
        for yy in y0..y1 {
            for xx in x0..x1 {
                let i = (yy as usize * self.width as usize + xx as usize) * 3;
                self.rgb[i..i + 3].copy_from_slice(&c);
            }
        }
    }

    /// A rectangle's outline, `t` pixels thick.
    pub fn frame(&mut self, x: i64, y: i64, w: i64, h: i64, t: i64, c: Rgb) {
        self.fill(x, y, w, t, c);
        self.fill(x, y + h - t, w, t, c);
        self.fill(x, y, t, h, c);
        self.fill(x + w - t, y, t, h, c);
    }

    /// A dashed horizontal or vertical line (cut marks).
    pub fn dashed(&mut self, x: i64, y: i64, len: i64, horizontal: bool, dash: i64, c: Rgb) {
        let mut d = 0;
        while d < len {
            let n = dash.min(len - d);
            if horizontal {
                self.fill(x + d, y, n, 1, c);
            } else {
                self.fill(x, y + d, 1, n, c);
            }
            d += dash * 2;
        }
    }

    /// Draws `text` with its baseline at `y`, starting at `x`; returns the width drawn.
    pub fn text(&mut self, font: &CardFont, px: f32, x: f32, y: f32, c: Rgb, text: &str) -> f32 {
        let f = font.font.as_scaled(PxScale::from(px));
        let mut pen = x;
        let mut prev = None;
        for ch in text.chars() {
            let id = f.glyph_id(ch);
            if let Some(p) = prev {
                pen += f.kern(p, id);
            }
            let glyph = id.with_scale_and_position(PxScale::from(px), ab_glyph::point(pen, y));
            if let Some(o) = font.font.outline_glyph(glyph) {
                let b = o.px_bounds();
                o.draw(|gx, gy, a| {
                    self.blend(b.min.x as i64 + gx as i64, b.min.y as i64 + gy as i64, c, a)
                });
            }
            pen += f.h_advance(id);
            prev = Some(id);
        }
        pen - x
    }

    /// Like [`Canvas::text`], heavier (drawn twice, a hair apart): headings, names.
    pub fn bold(&mut self, font: &CardFont, px: f32, x: f32, y: f32, c: Rgb, text: &str) -> f32 {
        self.text(font, px, x, y, c, text);
        self.text(font, px, x + (px / 28.0).max(1.0), y, c, text)
    }

    /// `text` centred on `cx`.
    fn centred(&mut self, font: &CardFont, px: f32, cx: f32, y: f32, c: Rgb, text: &str) {
        let w = font.width(text, px);
        self.text(font, px, cx - w / 2.0, y, c, text);
    }

    /// Copies `other` onto this canvas with its top-left corner at (x, y).
    pub fn paste(&mut self, other: &Canvas, x: i64, y: i64) {
        for yy in 0..other.height as i64 {
            let ty = y + yy;
            if ty < 0 || ty >= self.height as i64 {
                continue;
            }
            for xx in 0..other.width as i64 {
                let tx = x + xx;
                if tx < 0 || tx >= self.width as i64 {
                    continue;
                }
                let s = ((yy * other.width as i64 + xx) * 3) as usize;
                let t = ((ty * self.width as i64 + tx) * 3) as usize;
                self.rgb[t..t + 3].copy_from_slice(&other.rgb[s..s + 3]);
            }
        }
    }

    /// A PNG file: RGB, or 8-bit grey when `grey` (a third of the size, for print).
    pub fn to_png(&self, grey: bool) -> Result<Vec<u8>, Failure> {
        let mut out = Vec::new();
        {
            let mut enc = png::Encoder::new(&mut out, self.width, self.height);
            enc.set_color(if grey {
                png::ColorType::Grayscale
            } else {
                png::ColorType::Rgb
            });
            enc.set_depth(png::BitDepth::Eight);
            // Balanced: High is several times slower for a few per cent (cards are flat colour).
            enc.set_compression(png::Compression::Balanced);
            let mut w = enc
                .write_header()
                .map_err(|e| Failure::other(format!("PNG: {e}")))?;
            let data = if grey { self.luma() } else { self.rgb.clone() };
            w.write_image_data(&data)
                .map_err(|e| Failure::other(format!("PNG: {e}")))?;
        }
        Ok(out)
    }

    /// A JPEG file (quality 92, no chroma subsampling: sharp module edges survive a chat app's
    /// recompression better).
    pub fn to_jpeg(&self) -> Result<Vec<u8>, Failure> {
        let mut out = Vec::new();
        let mut enc = jpeg_encoder::Encoder::new(&mut out, 92);
        enc.set_sampling_factor(jpeg_encoder::SamplingFactor::R_4_4_4);
        let (w, h) = (
            u16::try_from(self.width).map_err(|_| Failure::other("card too wide for JPEG"))?,
            u16::try_from(self.height).map_err(|_| Failure::other("card too tall for JPEG"))?,
        );
        enc.encode(&self.rgb, w, h, jpeg_encoder::ColorType::Rgb)
            .map_err(|e| Failure::other(format!("JPEG: {e}")))?;
        Ok(out)
    }
}

/// What one card says.
#[derive(Debug, Clone)]
pub struct CardData {
    /// The pass text (`PD1:…`): the QR code.
    pub pass_text: String,
    /// 学号, as printed.
    pub student_no: String,
    /// 姓名.
    pub name: String,
    /// 班级.
    pub class: String,
    /// Where and when (college, room, date, the class's time, arrive-by).
    pub slot: Slot,
}

/// The three dress-code lines: the items of the event's 着装 (what to wear) section.
pub fn dress_lines(event: &Event) -> Vec<String> {
    event
        .instructions
        .iter()
        .find(|s| s.title.zh.contains("着装") || s.title.en.to_lowercase().contains("wear"))
        .map(|s| s.items.iter().take(3).map(|t| t.zh.clone()).collect())
        .unwrap_or_default()
}

/// The 补拍 paragraph of a card, from the event's make-up section.
pub fn makeup_line(event: &Event) -> String {
    let m = &event.makeup;
    let bring: Vec<&str> = m.bring.iter().map(|b| b.zh.as_str()).collect();
    format!(
        "错过集中拍摄：请于{}前到{}补拍（电话{}）。自备{}；学校代码填涂“{}”。",
        format_local_minute(m.deadline),
        m.place.zh,
        m.phone,
        bring.join("、"),
        m.school_code
    )
}

/// `2023年6月3日`.
fn date_zh(slot: &Slot) -> String {
    slot.date.format("%Y年%-m月%-d日").to_string()
}

/// Draws one card `width` pixels wide (9:16).
pub fn render_card(
    font: &CardFont,
    event: &Event,
    card: &CardData,
    width: u32,
) -> Result<Canvas, Failure> {
    let height = width * 16 / 9;
    let mut c = Canvas::new(width, height);
    let s = width as f32 / CARD_WIDTH as f32;
    let u = |v: f32| v * s;
    let (left, right) = (u(56.0), width as f32 - u(56.0));
    let text_w = right - left;
    let slot = &card.slot;

    // The band: whose pass this is.
    let band = u(112.0).round() as i64;
    c.fill(0, 0, width as i64, band, ACCENT);
    let head = format!("{} · 签到码", event.school.name.zh);
    let px = font.fit(&head, u(48.0), text_w * 0.66);
    c.bold(font, px, left, u(74.0), WHITE, &head);
    let en = "check-in pass";
    let w = font.width(en, u(30.0));
    c.text(font, u(30.0), right - w, u(72.0), WHITE, en);

    // The QR code: whole pixels per module, quiet zone included, centred.
    let m = QrMatrix::encode(&card.pass_text)?;
    let padded = m.width + 2 * QUIET_ZONE;
    let module = ((u(820.0) / padded as f32).floor() as usize).max(2);
    let side = (module * padded) as i64;
    let qx = (width as i64 - side) / 2;
    let qy = band + u(10.0).round() as i64;
    for y in 0..m.width {
        for x in 0..m.width {
            if m.dark(x, y) {
                c.fill(
                    qx + ((x + QUIET_ZONE) * module) as i64,
                    qy + ((y + QUIET_ZONE) * module) as i64,
                    module as i64,
                    module as i64,
                    [0, 0, 0],
                );
            }
        }
    }
    let mut y = (qy + side) as f32 + u(6.0);
    c.centred(
        font,
        u(28.0),
        width as f32 / 2.0,
        y,
        MUTED,
        "门口出示此码签到（截图即可，调亮屏幕） · show this at the door",
    );

    // Who.
    y += u(84.0);
    let who = format!("{}  {}", card.student_no, card.name);
    let px = font.fit(&who, u(68.0), text_w);
    c.bold(font, px, left, y, INK, &who);
    y += u(54.0);
    let cc = format!("{} · {}", slot.college.zh, card.class);
    let px = font.fit(&cc, u(38.0), text_w);
    c.text(font, px, left, y, MUTED, &cc);
    y += u(24.0);
    c.fill(
        left as i64,
        y as i64,
        text_w as i64,
        u(2.0).max(1.0) as i64,
        RULE,
    );

    // Where and when.
    y += u(70.0);
    let place = format!("{}  {}", slot.room.zh, date_zh(slot));
    let px = font.fit(&place, u(58.0), text_w);
    c.bold(font, px, left, y, INK, &place);
    y += u(62.0);
    let arrive = format_hhmm(slot.arrive_by.time());
    let when = if slot.planned {
        format!(
            "本班 {} 开拍，请于 {} 前到达",
            format_hhmm(slot.time.time()),
            arrive
        )
    } else {
        let windows: Vec<String> = slot.windows.iter().map(|w| w.label()).collect();
        format!("拍摄 {}，请于 {} 前到达", windows.join("、"), arrive)
    };
    let px = font.fit(&when, u(46.0), text_w);
    c.bold(font, px, left, y, ACCENT, &when);
    y += u(42.0);
    let when_en = format!(
        "{}, {} · be at the door by {}",
        slot.room.en,
        slot.date.format("%-d %b %Y"),
        arrive
    );
    let px = font.fit(&when_en, u(28.0), text_w);
    c.text(font, px, left, y, MUTED, &when_en);

    // The 采集码.
    y += u(64.0);
    let code = "带好学信网采集码：进摄影室后给摄影师扫";
    let px = font.fit(code, u(42.0), text_w);
    c.bold(font, px, left, y, INK, code);
    y += u(38.0);
    let code_en = "Bring your CHSI 采集码 ready to open: the photographer scans it";
    let px = font.fit(code_en, u(28.0), text_w);
    c.text(font, px, left, y, MUTED, code_en);

    // Dress code.
    let dress = dress_lines(event);
    if !dress.is_empty() {
        y += u(56.0);
        c.bold(font, u(34.0), left, y, INK, "着装");
        let indent = left + u(86.0);
        for (i, line) in dress.iter().enumerate() {
            if i > 0 {
                y += u(44.0);
            }
            let px = font.fit(line, u(32.0), right - indent);
            c.text(font, px, indent, y, INK, line);
        }
    }

    // The 摄影编号 box, at the foot; the 补拍 paragraph fills the space above it.
    let footer_px = u(24.0);
    let box_h = u(150.0);
    let box_y = height as f32 - u(40.0) - box_h;
    let makeup = makeup_line(event);
    let top = y + u(30.0);
    let room_for = box_y - u(24.0) - top;
    let mut px = u(30.0);
    let mut lines = font.wrap(&makeup, px, text_w);
    while (lines.len() as f32) * px * 1.35 > room_for && px > u(18.0) {
        px -= 1.0;
        lines = font.wrap(&makeup, px, text_w);
    }
    let mut ly = top + px;
    for line in &lines {
        c.text(font, px, left, ly, MUTED, line);
        ly += px * 1.35;
    }
    let (bx, bw) = (left as i64, text_w as i64);
    c.frame(
        bx,
        box_y as i64,
        bw,
        box_h as i64,
        u(4.0).max(1.0) as i64,
        INK,
    );
    c.bold(
        font,
        u(44.0),
        left + u(28.0),
        box_y + u(70.0),
        INK,
        "摄影编号",
    );
    let line_x = left + u(28.0) + font.width("摄影编号", u(44.0)) + u(24.0);
    c.fill(
        line_x as i64,
        (box_y + u(78.0)) as i64,
        (right - u(28.0) - line_x) as i64,
        u(3.0).max(1.0) as i64,
        INK,
    );
    c.text(
        font,
        u(24.0),
        left + u(28.0),
        box_y + u(122.0),
        MUTED,
        "摄影室工作人员填写 · photo number, written by the studio staff",
    );
    let foot = format!("{} · {}", event.title.zh, event.notice_ref);
    c.centred(
        font,
        footer_px,
        width as f32 / 2.0,
        height as f32 - u(12.0),
        MUTED,
        &foot,
    );
    Ok(c)
}

/// `work` applied to every item on all cores, results in the items' order (a college of 1,000
/// cards takes a fraction of the time on a laptop's cores); the first failure is returned.
pub fn on_all_cores<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, Failure> + Sync,
) -> Result<Vec<R>, Failure> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let chunk = items.len().div_ceil(threads).max(1);
    let work = &work;
    let parts: Vec<Result<Vec<R>, Failure>> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(work).collect()))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::other("drawing a card failed")))
            })
            .collect()
    });
    let mut all = Vec::with_capacity(items.len());
    for part in parts {
        all.extend(part?);
    }
    Ok(all)
}

/// A4 at `dpi`, in pixels.
pub fn a4_pixels(dpi: u32) -> (u32, u32) {
    (
        (210.0 * dpi as f32 / 25.4) as u32,
        (297.0 * dpi as f32 / 25.4) as u32,
    )
}

/// The grid of a printed page: (columns, rows). Two cards sit side by side; four make 2×2.
pub fn grid(per_page: usize) -> (usize, usize) {
    if per_page <= 2 {
        (2, 1)
    } else {
        (2, 2)
    }
}

/// One printed A4 page at `dpi`: up to `per_page` cards (2 or 4), each in its cell with dashed
/// cut lines between the cells and crop marks at the paper's edges.
pub fn a4_page(
    font: &CardFont,
    event: &Event,
    cards: &[CardData],
    per_page: usize,
    dpi: u32,
) -> Result<Canvas, Failure> {
    let (pw, ph) = a4_pixels(dpi);
    let mut page = Canvas::new(pw, ph);
    let mm = dpi as f32 / 25.4;
    let margin = (10.0 * mm) as i64;
    let (cols, rows) = grid(per_page);
    let cell_w = (pw as i64 - 2 * margin) / cols as i64;
    let cell_h = (ph as i64 - 2 * margin) / rows as i64;
    let gap = (3.0 * mm) as i64;
    let card_w = ((cell_w - 2 * gap) as f32)
        .min((cell_h - 2 * gap) as f32 * 9.0 / 16.0)
        .floor() as u32;
    for (i, card) in cards.iter().take(cols * rows).enumerate() {
        let (col, row) = ((i % cols) as i64, (i / cols) as i64);
        let img = render_card(font, event, card, card_w)?;
        let x = margin + col * cell_w + (cell_w - img.width as i64) / 2;
        let y = margin + row * cell_h + (cell_h - img.height as i64) / 2;
        page.paste(&img, x, y);
        page.frame(x, y, img.width as i64, img.height as i64, 1, RULE);
    }
    // Cut lines: the cell edges, dashed; crop marks outside the margin.
    let dash = (2.0 * mm) as i64;
    let grey = [120, 120, 120];
    for k in 0..=cols as i64 {
        let x = margin + k * cell_w;
        page.dashed(x, margin, rows as i64 * cell_h, false, dash, grey);
        page.fill(x, 0, 1, margin / 2, INK);
        page.fill(x, ph as i64 - margin / 2, 1, margin / 2, INK);
    }
    for k in 0..=rows as i64 {
        let y = margin + k * cell_h;
        page.dashed(margin, y, cols as i64 * cell_w, true, dash, grey);
        page.fill(0, y, margin / 2, 1, INK);
        page.fill(pw as i64 - margin / 2, y, margin / 2, 1, INK);
    }
    let note = "沿虚线剪开 · cut along the dashed lines";
    page.text(
        font,
        3.0 * mm,
        margin as f32,
        ph as f32 - margin as f32 / 2.0 + 1.0 * mm,
        MUTED,
        note,
    );
    Ok(page)
}
