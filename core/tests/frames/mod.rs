//! Camera-like frames and screenshots of QR codes, generated deterministically from seeds.
//!
//! Shared by the QR benchmark (`core/benches/qr_frames.rs`, which also hands the frames to
//! zxing-cpp, ZBar and the Android app's ZXing code) and the tests in `core/tests/qr_frames.rs`.
//! The same seed gives the same pixels on every machine: a private PRNG, no platform RNG.
//!
//! A camera frame is a 1280×720 greyscale picture of a phone screen held up to the scanner: the
//! code on a white, emissive screen in a dark bezel, in front of a dim corridor. The screen is a
//! plane in 3-D, tilted and turned, seen through a pinhole camera (true perspective, not an
//! affine shear); uneven light and a reflected glare spot lie over it; the optics blur it
//! (Gaussian σ in pixels, in linear light) and the sensor adds shot and read noise before the
//! gamma curve. A screenshot is a 1170×2532 phone screenshot of a page showing a code, resized
//! by area averaging (as gallery apps and chat apps do) and saved as PNG or JPEG.

#![allow(dead_code)]

use photoday_core::base45;
use photoday_core::qr::QrMatrix;

/// Frame size of a phone camera's analysis stream (CameraX's default 720p).
pub const FRAME_W: usize = 1280;
pub const FRAME_H: usize = 720;
/// An iPhone 12–15 screenshot.
pub const SHOT_W: usize = 1170;
pub const SHOT_H: usize = 2532;

/// What the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payload {
    /// A PhotoDay pass: `PD1:` + Base45, 118 characters, version 5-M.
    Pass,
    /// A pretix-style signed ticket: ~120 base64 characters in byte mode, version 7-M.
    Pretix,
    /// A short code in version 3-M, like a 采集码.
    V3,
}

impl Payload {
    pub const ALL: [Payload; 3] = [Payload::Pass, Payload::Pretix, Payload::V3];

    pub fn name(self) -> &'static str {
        match self {
            Payload::Pass => "pass",
            Payload::Pretix => "pretix",
            Payload::V3 => "v3",
        }
    }

    /// The text encoded; fixed, so every run draws the same modules.
    pub fn text(self) -> String {
        match self {
            // A pass's 76 bytes (version, key id, session, student number, serial, signature)
            // with a fixed pseudo-random signature: the same length and alphabet as a real pass.
            Payload::Pass => {
                let mut rng = Rng::new(0x7061_7373);
                let mut bytes = vec![1u8, 0x3a, 0x9c, 7, 0, 0, 0x17, 0x4b, 0x87, 0x6e, 0, 1];
                bytes.extend((0..64).map(|_| rng.below(256) as u8));
                format!("PD1:{}", base45::encode(&bytes))
            }
            Payload::Pretix => {
                const B64: &[u8] =
                    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                let mut rng = Rng::new(0x7072_6574);
                (0..120)
                    .map(|_| B64[rng.below(64) as usize] as char)
                    .collect()
            }
            Payload::V3 => "https://my.chsi.com.cn/cjm/7f3a9c2e51b84d".into(),
        }
    }

    pub fn matrix(self) -> QrMatrix {
        QrMatrix::encode(&self.text()).expect("benchmark payloads fit a QR code")
    }
}

/// One camera frame's conditions. Everything not named here (tilt, turn, position, light,
/// glare, noise) is drawn from `seed`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameraScene {
    pub payload: Payload,
    /// Symbol width (without quiet zone) in pixels, as if the screen faced the camera.
    pub symbol_px: f64,
    /// Optical blur, Gaussian σ in pixels.
    pub blur: f64,
    /// Largest tilt of the screen out of the image plane, degrees (drawn from 0 to this).
    pub max_tilt: f64,
    pub seed: u64,
}

/// The conditions drawn from a scene's seed, for the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Drawn {
    pub tilt_deg: f64,
    pub rotation_deg: f64,
    pub glare: f64,
    pub light: f64,
    pub noise: f64,
}

/// A greyscale image, row-major, no padding.
#[derive(Debug, Clone)]
pub struct Luma {
    pub width: usize,
    pub height: usize,
    pub pixels: Vec<u8>,
}

/// Renders one camera frame.
pub fn camera_frame(scene: &CameraScene) -> (Luma, Drawn) {
    let qr = scene.payload.matrix();
    let mut rng = Rng::new(scene.seed ^ 0x9e37_79b9_7f4a_7c15);
    let n = qr.width as f64;
    let (w, h) = (FRAME_W, FRAME_H);
    let f = 1000.0; // focal length in pixels: about 65° across, a phone's main camera

    let tilt = rng.range(0.0, scene.max_tilt).to_radians();
    let tilt_axis = rng.range(0.0, std::f64::consts::TAU);
    let rotation = rng.range(-180.0, 180.0_f64).to_radians();
    // One module is `symbol_px / n` pixels at distance z.
    let z = f * n / scene.symbol_px;
    // The code's centre lands somewhere in the middle 60 % of the frame (less if it is large).
    let reach_x = (w as f64 / 2.0 - scene.symbol_px * 0.8).max(0.0) * 0.6;
    let reach_y = (h as f64 / 2.0 - scene.symbol_px * 0.8).max(0.0) * 0.6;
    let cx = rng.range(-reach_x, reach_x);
    let cy = rng.range(-reach_y, reach_y);

    // Rotation: turn in the screen's plane, then tilt about an axis in that plane.
    let (sr, cr) = rotation.sin_cos();
    let turn = [[cr, -sr, 0.0], [sr, cr, 0.0], [0.0, 0.0, 1.0]];
    let (ax, ay) = (tilt_axis.cos(), tilt_axis.sin());
    let (st, ct) = tilt.sin_cos();
    // Rodrigues' rotation about (ax, ay, 0).
    let tilt_m = [
        [ct + ax * ax * (1.0 - ct), ax * ay * (1.0 - ct), ay * st],
        [ay * ax * (1.0 - ct), ct + ay * ay * (1.0 - ct), -ax * st],
        [-ay * st, ax * st, ct],
    ];
    let r = mat_mul(&tilt_m, &turn);
    // Plane point (u, v) in modules, origin at the code's centre ↦ camera (X, Y, Z).
    let t = [cx * z / f, cy * z / f, z];
    // Homography plane → image: K [r1 r2 t].
    let k = [
        [f, 0.0, w as f64 / 2.0],
        [0.0, f, h as f64 / 2.0],
        [0.0, 0.0, 1.0],
    ];
    let rt = [
        [r[0][0], r[0][1], t[0]],
        [r[1][0], r[1][1], t[1]],
        [r[2][0], r[2][1], t[2]],
    ];
    let hom = mat_mul(&k, &rt);
    let inv = mat_inv(&hom);

    // The app shows the code with a 4-module quiet zone on a white screen; the screen is a
    // little wider than that and twice as tall, in a dark bezel.
    let half = n / 2.0;
    let screen_half_w = (half + 4.0) * 1.3;
    let (screen_top, screen_bottom) = (-screen_half_w * 1.1, screen_half_w * 2.6);
    let bezel = screen_half_w * 0.08;
    let black = rng.range(0.03, 0.08); // an LCD's or OLED's black under room light

    // Light: a smooth gradient across the frame; glare: a reflected lamp near the code.
    let light = rng.range(0.55, 1.0);
    let grad = (rng.range(-0.35, 0.35), rng.range(-0.35, 0.35));
    let glare = if rng.below(3) == 0 {
        0.0
    } else {
        rng.range(0.1, 0.7)
    };
    let glare_at = (
        w as f64 / 2.0 + cx + rng.range(-0.5, 0.5) * scene.symbol_px,
        h as f64 / 2.0 + cy + rng.range(-0.5, 0.5) * scene.symbol_px,
    );
    let glare_r = scene.symbol_px * rng.range(0.25, 0.8);
    // Corridor behind the phone: dim, with a few posters and door frames.
    let wall = rng.range(0.15, 0.45);
    let posters: Vec<[f64; 5]> = (0..6)
        .map(|_| {
            [
                rng.range(0.0, w as f64),
                rng.range(0.0, h as f64),
                rng.range(30.0, 300.0),
                rng.range(30.0, 300.0),
                rng.range(0.05, 0.9),
            ]
        })
        .collect();

    let mut lin = vec![0f32; w * h];
    // What the camera sees at one point of the image, before light and optics.
    let sample = |px: f64, py: f64| -> f64 {
        let d = inv[2][0] * px + inv[2][1] * py + inv[2][2];
        let u = (inv[0][0] * px + inv[0][1] * py + inv[0][2]) / d;
        let v = (inv[1][0] * px + inv[1][1] * py + inv[1][2]) / d;
        if u.abs() <= screen_half_w && v >= screen_top && v <= screen_bottom {
            let (mx, my) = ((u + half).floor(), (v + half).floor());
            if mx >= 0.0 && my >= 0.0 && qr.dark(mx as usize, my as usize) {
                black
            } else {
                1.0
            }
        } else if u.abs() <= screen_half_w + bezel
            && v >= screen_top - bezel
            && v <= screen_bottom + bezel
        {
            0.02
        } else {
            let mut l = wall * (0.8 + 0.4 * py / h as f64);
            for p in &posters {
                if (px - p[0]).abs() < p[2] / 2.0 && (py - p[1]).abs() < p[3] / 2.0 {
                    l = p[4] * wall * 1.5;
                }
            }
            l
        }
    };
    // Supersampled where edges are (the code, the screen's and bezel's borders): module edges
    // land anywhere in a pixel. Flat areas take one sample, which keeps a frame cheap enough
    // for the tests' unoptimised build.
    const SS: usize = 3;
    let margin = 3.0 * n / scene.symbol_px; // modules per pixel, with room for foreshortening
    let flat = |px: f64, py: f64| -> bool {
        let d = inv[2][0] * px + inv[2][1] * py + inv[2][2];
        let u = (inv[0][0] * px + inv[0][1] * py + inv[0][2]) / d;
        let v = (inv[1][0] * px + inv[1][1] * py + inv[1][2]) / d;
        let outside = u.abs() > screen_half_w + bezel + margin
            || v < screen_top - bezel - margin
            || v > screen_bottom + bezel + margin;
        let blank_screen = u.abs() < screen_half_w - margin
            && v > screen_top + margin
            && v < screen_bottom - margin
            && (u.abs() > half + margin || v.abs() > half + margin);
        d > 0.0 && (outside || blank_screen)
    };
    for y in 0..h {
        for x in 0..w {
            let (cx, cy) = (x as f64 + 0.5, y as f64 + 0.5);
            let sum = if flat(cx, cy) {
                sample(cx, cy) * (SS * SS) as f64
            } else {
                let mut sum = 0.0;
                for sy in 0..SS {
                    for sx in 0..SS {
                        sum += sample(
                            x as f64 + (sx as f64 + 0.5) / SS as f64,
                            y as f64 + (sy as f64 + 0.5) / SS as f64,
                        );
                    }
                }
                sum
            };
            let mut l = sum / (SS * SS) as f64;
            let (nx, ny) = (x as f64 / w as f64 - 0.5, y as f64 / h as f64 - 0.5);
            l *= light * (1.0 + grad.0 * nx + grad.1 * ny);
            if glare > 0.0 {
                let (dx, dy) = (x as f64 - glare_at.0, y as f64 - glare_at.1);
                l += glare * (-(dx * dx + dy * dy) / (2.0 * glare_r * glare_r)).exp();
            }
            lin[y * w + x] = l as f32;
        }
    }
    gaussian_blur(&mut lin, w, h, scene.blur);

    // Sensor: shot noise grows with the signal, read noise does not; then gamma, 8 bits.
    let noise = rng.range(0.004, 0.02);
    let mut pixels = vec![0u8; w * h];
    for (out, &l) in pixels.iter_mut().zip(&lin) {
        let l = f64::from(l).max(0.0);
        let sigma = noise + 0.02 * l.sqrt();
        let l = (l + sigma * rng.gauss()).clamp(0.0, 1.0);
        *out = (255.0 * l.powf(1.0 / 2.2)).round() as u8;
    }
    (
        Luma {
            width: w,
            height: h,
            pixels,
        },
        Drawn {
            tilt_deg: tilt.to_degrees(),
            rotation_deg: rotation.to_degrees(),
            glare,
            light,
            noise,
        },
    )
}

/// How a screenshot is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Png,
    Jpeg(u8),
}

/// One screenshot of a page showing a code.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShotScene {
    /// QR version 3–6.
    pub version: u8,
    /// Symbol width on the full-size screenshot, pixels.
    pub symbol_px: usize,
    /// The screenshot resized by this factor (1 = as taken).
    pub scale: f64,
    pub saved: Saved,
    /// Fraction of the code's width cut off at the right edge (0 = whole).
    pub cropped: f64,
    pub seed: u64,
}

/// The text of a code of the given version (3–6) at ECC M, in byte mode.
pub fn text_for_version(version: u8) -> String {
    let len = match version {
        3 => 36,
        4 => 56,
        5 => 78,
        _ => 100,
    };
    let mut rng = Rng::new(0x6373_6869 + u64::from(version));
    let mut s = String::from("https://my.chsi.com.cn/cjm/?c=");
    while s.len() < len {
        s.push(b"abcdefghijklmnopqrstuvwxyz0123456789"[rng.below(36) as usize] as char);
    }
    s
}

/// Renders a screenshot and encodes it; returns the file's bytes and its pixel size.
pub fn screenshot(scene: &ShotScene) -> (Vec<u8>, usize, usize) {
    let luma = screenshot_luma(scene);
    let bytes = match scene.saved {
        Saved::Png => png_bytes(&luma),
        Saved::Jpeg(q) => jpeg_bytes(&luma, q),
    };
    (bytes, luma.width, luma.height)
}

/// The screenshot's pixels, after resizing, before saving.
pub fn screenshot_luma(scene: &ShotScene) -> Luma {
    let qr = QrMatrix::encode(&text_for_version(scene.version)).expect("fits");
    assert_eq!(
        qr.version, scene.version,
        "text_for_version picks the version"
    );
    let mut rng = Rng::new(scene.seed ^ 0x5eed_5407);
    let (w, h) = (SHOT_W, SHOT_H);
    let mut img = vec![245u8; w * h];
    // Status bar and a coloured header, then lines of text above and below the code.
    fill(&mut img, w, 0, 0, w, 140, 250);
    fill(&mut img, w, 0, 140, w, 300, 96);
    let module = scene.symbol_px as f64 / qr.width as f64;
    let side = scene.symbol_px + (8.0 * module) as usize;
    let left = (w.saturating_sub(side)) / 2;
    let top = 520 + rng.below(200) as usize;
    let mut y = 340;
    while y + 40 < h {
        if y + 50 > top && y < top + side + 30 {
            y = top + side + 60;
            continue;
        }
        let mut x = 60;
        while x < w - 120 {
            let word = 40 + rng.below(160) as usize;
            if x + word > w - 60 {
                break;
            }
            fill(&mut img, w, x, y, x + word, y + 36, 60);
            x += word + 24;
        }
        y += 70;
    }
    // White card with the code and its quiet zone, modules on a sub-pixel grid when the
    // symbol size is not a multiple of the module count (as a browser draws it).
    fill(&mut img, w, left, top, left + side, top + side, 255);
    let origin = (left as f64 + 4.0 * module, top as f64 + 4.0 * module);
    for py in top..top + side {
        for px in left..left + side {
            let mut dark = 0.0;
            for s in 0..4 {
                let fx = (px as f64 + 0.25 + 0.5 * (s % 2) as f64 - origin.0) / module;
                let fy = (py as f64 + 0.25 + 0.5 * (s / 2) as f64 - origin.1) / module;
                if fx >= 0.0 && fy >= 0.0 && qr.dark(fx as usize, fy as usize) {
                    dark += 0.25;
                }
            }
            img[py * w + px] = (255.0 * (1.0 - dark)) as u8;
        }
    }
    if scene.cropped > 0.0 {
        // Cut off at the right: everything from there on is the next screen's background.
        let cut = origin.0 + scene.symbol_px as f64 * (1.0 - scene.cropped);
        let cut = cut as usize;
        for row in img.chunks_exact_mut(w) {
            row[cut.min(w)..].fill(245);
        }
        let keep = cut.min(w);
        let mut out = Vec::with_capacity(keep * h);
        for row in img.chunks_exact(w) {
            out.extend_from_slice(&row[..keep]);
        }
        return resize(
            &Luma {
                width: keep,
                height: h,
                pixels: out,
            },
            scene.scale,
        );
    }
    resize(
        &Luma {
            width: w,
            height: h,
            pixels: img,
        },
        scene.scale,
    )
}

fn fill(img: &mut [u8], w: usize, x0: usize, y0: usize, x1: usize, y1: usize, v: u8) {
    for y in y0..y1 {
        img[y * w + x0..y * w + x1].fill(v);
    }
}

/// Area-averaging resize (a box filter over the source pixels each target pixel covers).
pub fn resize(src: &Luma, scale: f64) -> Luma {
    if (scale - 1.0).abs() < 1e-9 {
        return src.clone();
    }
    let w = ((src.width as f64 * scale).round() as usize).max(1);
    let h = ((src.height as f64 * scale).round() as usize).max(1);
    let (sx, sy) = (src.width as f64 / w as f64, src.height as f64 / h as f64);
    // Horizontal pass then vertical, with fractional coverage at the box edges.
    let weights = |n: usize, step: f64, limit: usize| -> Vec<Vec<(usize, f64)>> {
        (0..n)
            .map(|i| {
                let (a, b) = (i as f64 * step, (i as f64 + 1.0) * step);
                let mut ws = Vec::new();
                let mut j = a.floor() as usize;
                while (j as f64) < b && j < limit {
                    let cover = (b.min(j as f64 + 1.0) - a.max(j as f64)) / step;
                    if cover > 0.0 {
                        ws.push((j, cover));
                    }
                    j += 1;
                }
                ws
            })
            .collect()
    };
    let wx = weights(w, sx, src.width);
    let wy = weights(h, sy, src.height);
    let mut mid = vec![0f32; w * src.height];
    for y in 0..src.height {
        let row = &src.pixels[y * src.width..][..src.width];
        for (x, ws) in wx.iter().enumerate() {
            mid[y * w + x] = ws.iter().map(|&(j, c)| f64::from(row[j]) * c).sum::<f64>() as f32;
        }
    }
    let mut pixels = vec![0u8; w * h];
    for (y, ws) in wy.iter().enumerate() {
        for x in 0..w {
            let v: f64 = ws.iter().map(|&(j, c)| f64::from(mid[j * w + x]) * c).sum();
            pixels[y * w + x] = v.round().clamp(0.0, 255.0) as u8;
        }
    }
    Luma {
        width: w,
        height: h,
        pixels,
    }
}

pub fn png_bytes(img: &Luma) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, img.width as u32, img.height as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut wr = enc.write_header().expect("png header");
        wr.write_image_data(&img.pixels).expect("png data");
    }
    out
}

pub fn jpeg_bytes(img: &Luma, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, quality)
        .encode(
            &img.pixels,
            img.width as u16,
            img.height as u16,
            jpeg_encoder::ColorType::Luma,
        )
        .expect("jpeg");
    out
}

/// Portable graymap, the simplest file every reference decoder's driver can read.
pub fn pgm_bytes(img: &Luma) -> Vec<u8> {
    let mut out = format!("P5\n{} {}\n255\n", img.width, img.height).into_bytes();
    out.extend_from_slice(&img.pixels);
    out
}

/// Separable Gaussian blur in place; σ ≤ 0.05 leaves the image as it is.
pub fn gaussian_blur(img: &mut [f32], w: usize, h: usize, sigma: f64) {
    if sigma <= 0.05 {
        return;
    }
    let r = (3.0 * sigma).ceil() as isize;
    let mut k: Vec<f32> = (-r..=r)
        .map(|i| (-(i * i) as f64 / (2.0 * sigma * sigma)).exp() as f32)
        .collect();
    let total: f32 = k.iter().sum();
    k.iter_mut().for_each(|v| *v /= total);
    let mut tmp = vec![0f32; w * h];
    for y in 0..h {
        for x in 0..w {
            let mut s = 0.0;
            for (i, kv) in k.iter().enumerate() {
                let xx = (x as isize + i as isize - r).clamp(0, w as isize - 1) as usize;
                s += kv * img[y * w + xx];
            }
            tmp[y * w + x] = s;
        }
    }
    for y in 0..h {
        for x in 0..w {
            let mut s = 0.0;
            for (i, kv) in k.iter().enumerate() {
                let yy = (y as isize + i as isize - r).clamp(0, h as isize - 1) as usize;
                s += kv * tmp[yy * w + x];
            }
            img[y * w + x] = s;
        }
    }
}

fn mat_mul(a: &[[f64; 3]; 3], b: &[[f64; 3]; 3]) -> [[f64; 3]; 3] {
    let mut m = [[0.0; 3]; 3];
    for i in 0..3 {
        for j in 0..3 {
            m[i][j] = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    m
}

fn mat_inv(m: &[[f64; 3]; 3]) -> [[f64; 3]; 3] {
    let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    let c = |a: usize, b: usize, c: usize, d: usize| m[a][b] * m[c][d];
    [
        [
            (c(1, 1, 2, 2) - c(1, 2, 2, 1)) / det,
            (c(0, 2, 2, 1) - c(0, 1, 2, 2)) / det,
            (c(0, 1, 1, 2) - c(0, 2, 1, 1)) / det,
        ],
        [
            (c(1, 2, 2, 0) - c(1, 0, 2, 2)) / det,
            (c(0, 0, 2, 2) - c(0, 2, 2, 0)) / det,
            (c(0, 2, 1, 0) - c(0, 0, 1, 2)) / det,
        ],
        [
            (c(1, 0, 2, 1) - c(1, 1, 2, 0)) / det,
            (c(0, 1, 2, 0) - c(0, 0, 2, 1)) / det,
            (c(0, 0, 1, 1) - c(0, 1, 1, 0)) / det,
        ],
    ]
}

/// SplitMix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    /// Standard normal (Box–Muller).
    pub fn gauss(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// The image blurred with a Gaussian of σ pixels (a shaky or out-of-focus capture).
pub fn blurred(img: &Luma, sigma: f64) -> Luma {
    let mut lin: Vec<f32> = img.pixels.iter().map(|&p| f32::from(p)).collect();
    gaussian_blur(&mut lin, img.width, img.height, sigma);
    Luma {
        width: img.width,
        height: img.height,
        pixels: lin
            .iter()
            .map(|&v| v.round().clamp(0.0, 255.0) as u8)
            .collect(),
    }
}
