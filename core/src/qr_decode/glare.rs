//! A second look at a symbol whose finder patterns were found but whose modules did not decode:
//! in the benchmark, almost always a reflected lamp over part of the code (issue 17).
//!
//! Two things go wrong under a strong glare, and neither is the binariser's threshold alone.
//! The bottom-right corner of the sampling grid is placed from the alignment pattern, and where
//! the glare washes that out the grid drifts by a module or more across the far half of the
//! symbol; and where the lamp saturates the sensor, dark modules next to white ones are lifted
//! to near-white, so no threshold tells them apart. On the benchmark's misses, sampling the
//! grey image on the found grid gave 80–140 wrong modules; moving the grid's fourth corner to
//! where the modules look sharpest brought that to 5–20, all in the washed-out region.
//!
//! So the second look samples the greyscale image at every module's centre, thresholds each
//! module against the darkest and lightest of its 3×3 neighbours, and moves the grid's fourth
//! corner to where the modules sit furthest from their thresholds (a hill climb in half, quarter
//! and eighth modules). A symbol still unreadable is then error-corrected with its least certain
//! codewords marked as erasures: Reed–Solomon fixes twice as many erasures as errors, and the
//! codewords in the washed-out region are the least certain.
//!
//! It runs only when the first pass read nothing but did find a symbol's corners, so frames
//! that read, and frames with no code, cost nothing more; and it gives up at once on three
//! finder-like squares whose timing patterns do not alternate (not a symbol). Measured on the
//! benchmark (`core/benches/qr_frames.rs`): the pass at 120 px and σ 1 read in 63 of 64
//! `--target` frames instead of 58, at 0.7 ms per second look on average.

use rxing::common::cpp_essentials::DecoderResult;
use rxing::common::{BitMatrix, DetectorRXingResult, PerspectiveTransform, Quadrilateral};
use rxing::qrcode::common::{FormatInformation, Version};
use rxing::qrcode::cpp_port::decoder::{Decode, DecodeBitStream};
use rxing::qrcode::cpp_port::Type;
use rxing::qrcode::detector::QRCodeDetectorResult;
use rxing::Point;

/// An 8-bit greyscale image, as the reader was given it.
#[derive(Clone, Copy)]
pub(super) struct Grey<'a> {
    pub width: usize,
    pub height: usize,
    pub pixels: &'a [u8],
}

impl Grey<'_> {
    /// Bilinear sample at `(x, y)`, pixel `i` covering `[i, i + 1)`; `None` outside the image.
    fn at(&self, x: f32, y: f32) -> Option<f32> {
        let (fx, fy) = (x - 0.5, y - 0.5);
        if !(fx >= 0.0 && fy >= 0.0) {
            return None;
        }
        let (x0, y0) = (fx as usize, fy as usize);
        if x0 + 1 >= self.width || y0 + 1 >= self.height {
            return None;
        }
        let (ax, ay) = (fx - x0 as f32, fy - y0 as f32);
        let p = |x: usize, y: usize| f32::from(self.pixels[y * self.width + x]);
        let top = p(x0, y0) * (1.0 - ax) + p(x0 + 1, y0) * ax;
        let bottom = p(x0, y0 + 1) * (1.0 - ax) + p(x0 + 1, y0 + 1) * ax;
        Some(top * (1.0 - ay) + bottom * ay)
    }
}

/// Steps of the corner search, in modules, and the most moves made at each. Each move tries
/// the four neighbours (the diagonals too cost half as much again and found nothing more).
const STEPS: [f32; 3] = [0.5, 0.25, 0.125];
const MAX_MOVES: usize = 8;

/// Below this share of timing-pattern modules right on the first sampling, the finder patterns
/// were three unrelated squares, not a symbol (every symbol the second look read in the
/// benchmark had 0.88 or more; chance gives 0.5).
const MIN_TIMING_AGREEMENT: f32 = 0.75;

/// Reads the symbol the sampler placed at `detected` from the greyscale image, or `None`.
pub(super) fn read(grey: Grey<'_>, detected: &QRCodeDetectorResult) -> Option<DecoderResult<bool>> {
    let dim = detected.getBits().getWidth() as usize;
    let pts = detected.getPoints();
    if pts.len() != 4 || !(21..=177).contains(&dim) {
        return None;
    }
    // The sampler reports the grid's outer corners, half a pixel out, as [tl, tr, bl, br].
    let half = Point::new(0.5, 0.5);
    let mut quad = [pts[0] - half, pts[1] - half, pts[3] - half, pts[2] - half];
    if timing_agreement(grey, dim, &grid(dim, quad)?)? < MIN_TIMING_AGREEMENT {
        return None;
    }
    let mut scratch = Scratch::default();
    if let Some(decoded) = decode(&scratch.classify(grey, dim, quad)?) {
        return Some(decoded);
    }
    let mut best = scratch.fit(grey, dim, quad)?;
    let module = (quad[1] - quad[0]).length() / dim as f32;
    let start = quad[2];
    for step in STEPS.map(|s| s * module) {
        for _ in 0..MAX_MOVES {
            let mut moved = false;
            for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                let mut q = quad;
                q[2] += Point::new(dx as f32 * step, dy as f32 * step);
                let Some(fit) = scratch.fit(grey, dim, q) else {
                    continue;
                };
                if fit > best {
                    (best, quad, moved) = (fit, q, true);
                }
            }
            if !moved {
                break;
            }
        }
    }
    if quad[2] == start {
        return None;
    }
    decode(&scratch.classify(grey, dim, quad)?)
}

/// The share of the timing patterns' modules (row and column 6, between the finders' separators)
/// that come out dark and light in turn as they must, each thresholded against the 3×3 modules
/// around it as [`Scratch::classify`] does. Sampled on its own, so three unrelated squares cost little.
fn timing_agreement(grey: Grey<'_>, dim: usize, mod2pix: &PerspectiveTransform) -> Option<f32> {
    let at = |x: usize, y: usize| {
        let p = mod2pix.transform_point(Point::new(x as f32 + 0.5, y as f32 + 0.5));
        grey.at(p.x, p.y)
    };
    let mut agree = 0;
    for i in 8..dim - 8 {
        for (x, y) in [(i, 6), (6, i)] {
            let (mut lo, mut hi) = (f32::MAX, f32::MIN);
            for yy in y - 1..=y + 1 {
                for xx in x - 1..=x + 1 {
                    let v = at(xx, yy)?;
                    lo = lo.min(v);
                    hi = hi.max(v);
                }
            }
            agree += usize::from((at(x, y)? <= (lo + hi) / 2.0) == i.is_multiple_of(2));
        }
    }
    Some(agree as f32 / (2 * (dim - 16)) as f32)
}

/// The transform from module coordinates to the image for a `dim`-module symbol whose outer
/// corners are `quad` ([tl, tr, br, bl]).
fn grid(dim: usize, quad: [Point; 4]) -> Option<PerspectiveTransform> {
    let d = dim as f32;
    PerspectiveTransform::quadrilateralToQuadrilateral(
        Quadrilateral::rectangle_from_xy(0.0, d, 0.0, d, Some(0.0)),
        Quadrilateral::from(quad),
    )
    .ok()
}

/// Modules thresholded against their neighbourhood, with how certain each is.
struct Classified {
    bits: BitMatrix,
    /// Per module: distance from the threshold over the neighbourhood's range (0 = a coin toss).
    certainty: Vec<f32>,
}

/// Buffers reused from one placement of the grid to the next.
#[derive(Default)]
struct Scratch {
    grey: Vec<f32>,
    row_lo: Vec<f32>,
    row_hi: Vec<f32>,
}

impl Scratch {
    /// Calls `each(index, value, lo, hi)` for every module of the grid in `self.grey`, with the
    /// darkest and lightest of the 3×3 modules around it (min and max taken row then column).
    fn neighbourhoods(&mut self, dim: usize, mut each: impl FnMut(usize, f32, f32, f32)) {
        let g = &self.grey;
        self.row_lo.clear();
        self.row_hi.clear();
        for row in g.chunks_exact(dim) {
            for x in 0..dim {
                let near = &row[x.saturating_sub(1)..(x + 2).min(dim)];
                self.row_lo
                    .push(near.iter().copied().fold(f32::MAX, f32::min));
                self.row_hi
                    .push(near.iter().copied().fold(f32::MIN, f32::max));
            }
        }
        for y in 0..dim {
            let rows = y.saturating_sub(1)..(y + 2).min(dim);
            for x in 0..dim {
                let (mut lo, mut hi) = (f32::MAX, f32::MIN);
                for r in rows.clone() {
                    lo = lo.min(self.row_lo[r * dim + x]);
                    hi = hi.max(self.row_hi[r * dim + x]);
                }
                each(y * dim + x, g[y * dim + x], lo, hi);
            }
        }
    }

    /// How well the grid at `quad` sits on the modules: their mean certainty, highest when
    /// every sample is at a module's centre. `None` if the grid leaves the image.
    fn fit(&mut self, grey: Grey<'_>, dim: usize, quad: [Point; 4]) -> Option<f32> {
        self.sample(grey, dim, quad)?;
        let mut sum = 0.0;
        self.neighbourhoods(dim, |_, v, lo, hi| {
            sum += (v - (lo + hi) / 2.0).abs() / (hi - lo).max(1.0);
        });
        Some(sum / (dim * dim) as f32)
    }

    /// Each module dark if it is at or below the middle of the darkest and lightest of the 3×3
    /// modules around it.
    fn classify(&mut self, grey: Grey<'_>, dim: usize, quad: [Point; 4]) -> Option<Classified> {
        self.sample(grey, dim, quad)?;
        let mut bits = BitMatrix::new(dim as u32, dim as u32).ok()?;
        let mut certainty = vec![0.0; dim * dim];
        self.neighbourhoods(dim, |i, v, lo, hi| {
            let t = (lo + hi) / 2.0;
            if v <= t {
                bits.set((i % dim) as u32, (i / dim) as u32);
            }
            certainty[i] = (v - t).abs() / (hi - lo).max(1.0);
        });
        Some(Classified { bits, certainty })
    }

    /// The grey level at the centre of every module of a `dim`-module symbol whose outer
    /// corners are `quad` ([tl, tr, br, bl]), row by row, into `self.grey`.
    fn sample(&mut self, grey: Grey<'_>, dim: usize, quad: [Point; 4]) -> Option<()> {
        let mod2pix = grid(dim, quad)?;
        self.grey.clear();
        for y in 0..dim {
            for x in 0..dim {
                let p = mod2pix.transform_point(Point::new(x as f32 + 0.5, y as f32 + 0.5));
                self.grey.push(grey.at(p.x, p.y)?);
            }
        }
        Some(())
    }
}

/// rxing's decoder on the modules, then the decoder with erasures.
fn decode(c: &Classified) -> Option<DecoderResult<bool>> {
    match Decode(&c.bits) {
        Ok(decoded) if decoded.isValid() => Some(decoded),
        _ => decode_with_erasures(&c.bits, &c.certainty),
    }
}

/// Reads a model-2 symbol's codewords as rxing does (format, unmasking, the zigzag, the
/// blocks' interleaving), with each codeword's certainty the least of its modules', corrects
/// each block with its least certain codewords as erasures, and decodes the data.
fn decode_with_erasures(bits: &BitMatrix, certainty: &[f32]) -> Option<DecoderResult<bool>> {
    let dim = bits.getWidth();
    if dim < 21 || !(dim - 17).is_multiple_of(4) || bits.getHeight() != dim {
        return None;
    }
    // The two copies of the format information, read as rxing's ReadFormatInformation does.
    let read = |cells: &mut dyn Iterator<Item = (u32, u32)>| {
        cells.fold(0u32, |w, (x, y)| (w << 1) | u32::from(bits.get(x, y)))
    };
    let first = read(
        &mut (0..6)
            .map(|x| (x, 8))
            .chain([(7, 8), (8, 8), (8, 7)])
            .chain((0..=5).rev().map(|y| (8, y))),
    );
    let second = read(
        &mut ((dim - 8)..dim)
            .rev()
            .map(|y| (8, y))
            .chain(((dim - 8)..dim).map(|x| (x, 8))),
    );
    let format = FormatInformation::DecodeQR(first, second);
    if !format.isValid() || format.qr_type() != Type::Model2 {
        return None;
    }
    let version = Version::getVersionForNumber((dim - 17) / 4).ok()?;
    let function = version.buildFunctionPattern().ok()?;
    let total = version.getTotalCodewords() as usize;
    let (mut words, mut word_certainty) = (Vec::with_capacity(total), Vec::with_capacity(total));
    let (mut byte, mut least, mut n) = (0u8, f32::MAX, 0);
    // Column pairs from the right, upwards then downwards, skipping the vertical timing pattern.
    let mut x = dim - 1;
    let mut up = true;
    while x > 0 {
        if x == 6 {
            x -= 1;
        }
        for row in 0..dim {
            let y = if up { dim - 1 - row } else { row };
            for xx in [x, x - 1] {
                if function.get(xx, y) {
                    continue;
                }
                let (px, py) = if format.isMirrored { (y, xx) } else { (xx, y) };
                let bit = bits.get(px, py) != data_mask(format.data_mask, xx, y);
                byte = (byte << 1) | u8::from(bit);
                least = least.min(certainty[(py * dim + px) as usize]);
                n += 1;
                if n % 8 == 0 {
                    words.push(std::mem::take(&mut byte));
                    word_certainty.push(std::mem::replace(&mut least, f32::MAX));
                }
            }
        }
        up = !up;
        x = x.saturating_sub(2);
    }
    if words.len() != total {
        return None;
    }
    // De-interleave: data codewords round-robin (longer blocks last), then the check codewords.
    let ec_blocks = version.getECBlocksForLevel(format.error_correction_level);
    let ec = ec_blocks.getECCodewordsPerBlock() as usize;
    let data_lens: Vec<usize> = ec_blocks
        .getECBlocks()
        .iter()
        .flat_map(|b| std::iter::repeat_n(b.getDataCodewords() as usize, b.getCount() as usize))
        .collect();
    let longest = *data_lens.iter().max()?;
    let mut blocks: Vec<(Vec<u8>, Vec<f32>)> = data_lens
        .iter()
        .map(|&d| (Vec::with_capacity(d + ec), Vec::with_capacity(d + ec)))
        .collect();
    let mut next = words.iter().zip(&word_certainty);
    for i in 0..longest + ec {
        for (block, &d) in blocks.iter_mut().zip(&data_lens) {
            if i < d || i >= longest {
                let (&w, &c) = next.next()?;
                block.0.push(w);
                block.1.push(c);
            }
        }
    }
    let mut data = Vec::with_capacity(data_lens.iter().sum());
    for ((mut codewords, certainty), &d) in blocks.into_iter().zip(&data_lens) {
        correct_block(&mut codewords, &certainty, ec)?;
        data.extend_from_slice(&codewords[..d]);
    }
    let decoded = DecodeBitStream(&data, version, format.error_correction_level).ok()?;
    decoded.isValid().then_some(decoded)
}

/// The QR data mask `mask` (ISO/IEC 18004 §7.8.2) at column `x`, row `y`.
fn data_mask(mask: u8, x: u32, y: u32) -> bool {
    match mask {
        0 => (y + x).is_multiple_of(2),
        1 => y.is_multiple_of(2),
        2 => x.is_multiple_of(3),
        3 => (y + x).is_multiple_of(3),
        4 => (y / 2 + x / 3).is_multiple_of(2),
        5 => (y * x).is_multiple_of(6),
        6 => (y * x) % 6 < 3,
        _ => (y + x + (y * x) % 3).is_multiple_of(2),
    }
}

/// Corrects one block (data then `ec` check codewords), first as it is and then with more and
/// more of its least certain codewords as erasures, in steps of two. At least six check
/// codewords are kept for errors (three correctable), so a wrong correction stays improbable
/// (well under 1 in 1000 per try for a random word).
fn correct_block(codewords: &mut [u8], certainty: &[f32], ec: usize) -> Option<()> {
    let mut order: Vec<usize> = (0..codewords.len()).collect();
    order.sort_by(|&a, &b| certainty[a].total_cmp(&certainty[b]));
    for erasures in (0..=ec.saturating_sub(6)).step_by(2) {
        let mut trial = codewords.to_vec();
        if rs::correct(&mut trial, ec, &order[..erasures]) {
            codewords.copy_from_slice(&trial);
            return Some(());
        }
    }
    None
}

/// Reed–Solomon decoding over QR's GF(256) (x⁸ + x⁴ + x³ + x² + 1, first root α⁰) with errors
/// and erasures: the Forney syndromes take the erasures out, Berlekamp–Massey finds the errors
/// in what is left, and Forney's formula gives every value.
mod rs {
    const fn tables() -> ([u8; 512], [u8; 256]) {
        let (mut exp, mut log) = ([0u8; 512], [0u8; 256]);
        let mut x: u16 = 1;
        let mut i = 0;
        while i < 255 {
            exp[i] = x as u8;
            exp[i + 255] = x as u8;
            log[x as usize] = i as u8;
            x <<= 1;
            if x & 0x100 != 0 {
                x ^= 0x11d;
            }
            i += 1;
        }
        (exp, log)
    }
    const EXP: [u8; 512] = tables().0;
    const LOG: [u8; 256] = tables().1;

    fn mul(a: u8, b: u8) -> u8 {
        if a == 0 || b == 0 {
            0
        } else {
            EXP[usize::from(LOG[usize::from(a)]) + usize::from(LOG[usize::from(b)])]
        }
    }

    /// `a / b` for `b ≠ 0`.
    fn div(a: u8, b: u8) -> u8 {
        if a == 0 {
            0
        } else {
            EXP[usize::from(LOG[usize::from(a)]) + 255 - usize::from(LOG[usize::from(b)])]
        }
    }

    /// p(x), coefficients lowest power first.
    fn eval(p: &[u8], x: u8) -> u8 {
        p.iter().rev().fold(0, |acc, &c| mul(acc, x) ^ c)
    }

    fn poly_mul(a: &[u8], b: &[u8]) -> Vec<u8> {
        let mut out = vec![0u8; a.len() + b.len() - 1];
        for (i, &x) in a.iter().enumerate() {
            for (j, &y) in b.iter().enumerate() {
                out[i + j] ^= mul(x, y);
            }
        }
        out
    }

    /// The syndromes r(α^j), j < ec, of a block whose first codeword is the highest power.
    fn syndromes(codewords: &[u8], ec: usize) -> Vec<u8> {
        (0..ec)
            .map(|j| {
                let x = EXP[j % 255];
                codewords.iter().fold(0, |acc, &c| mul(acc, x) ^ c)
            })
            .collect()
    }

    /// Corrects `codewords` (data then `ec` check codewords) in place, the codewords at the
    /// indices in `erasures` taken as unknown. False, with `codewords` in an unspecified
    /// state, if no codeword is within reach (2 × errors + erasures ≤ ec).
    pub(super) fn correct(codewords: &mut [u8], ec: usize, erasures: &[usize]) -> bool {
        let n = codewords.len();
        let f = erasures.len();
        if n > 255 || n <= ec || f > ec || erasures.iter().any(|&i| i >= n) {
            return false;
        }
        let synd = syndromes(codewords, ec);
        if synd.iter().all(|&s| s == 0) {
            return true;
        }
        // Codeword i is the coefficient of x^(n-1-i); its locator is α^(n-1-i).
        let locator = |i: usize| EXP[n - 1 - i];
        // Erasure locator Γ(x) = ∏ (1 + X x).
        let gamma = erasures
            .iter()
            .fold(vec![1u8], |g, &i| poly_mul(&g, &[1, locator(i)]));
        // Forney syndromes: coefficients f..ec of Γ(x)S(x) are power sums over the errors alone.
        let forney = &poly_mul(&gamma, &synd)[f..ec];
        // Berlekamp–Massey: the shortest recurrence, the errors' locator σ(x).
        let (mut sigma, mut prev) = (vec![1u8], vec![1u8]);
        let (mut l, mut m, mut prev_d) = (0usize, 1usize, 1u8);
        for k in 0..forney.len() {
            let d = (1..=l.min(sigma.len() - 1))
                .fold(forney[k], |d, i| d ^ mul(sigma[i], forney[k - i]));
            if d == 0 {
                m += 1;
                continue;
            }
            let scale = div(d, prev_d);
            let mut next = sigma.clone();
            next.resize(next.len().max(prev.len() + m), 0);
            for (i, &p) in prev.iter().enumerate() {
                next[i + m] ^= mul(scale, p);
            }
            if 2 * l <= k {
                l = k + 1 - l;
                prev = std::mem::replace(&mut sigma, next);
                prev_d = d;
                m = 1;
            } else {
                sigma = next;
                m += 1;
            }
        }
        if 2 * l + f > ec
            || sigma
                .get(l + 1..)
                .is_some_and(|c| c.iter().any(|&c| c != 0))
        {
            return false;
        }
        sigma.truncate(l + 1);
        // Errors and erasures together: Λ = σΓ, Ω = SΛ mod x^ec, values by Forney's formula
        // e = X Ω(X⁻¹) / Λ'(X⁻¹) (first root α⁰; in characteristic 2, Λ' keeps odd terms).
        let lambda = poly_mul(&sigma, &gamma);
        let mut omega = poly_mul(&synd, &lambda);
        omega.truncate(ec);
        let deriv: Vec<u8> = (1..lambda.len())
            .map(|i| if i % 2 == 1 { lambda[i] } else { 0 })
            .collect();
        let mut roots = 0;
        for (i, c) in codewords.iter_mut().enumerate() {
            let x = locator(i);
            let x_inv = div(1, x);
            if eval(&lambda, x_inv) != 0 {
                continue;
            }
            let den = eval(&deriv, x_inv);
            if den == 0 {
                return false;
            }
            *c ^= mul(x, div(eval(&omega, x_inv), den));
            roots += 1;
        }
        roots == l + f && syndromes(codewords, ec).iter().all(|&s| s == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rxing::common::reedsolomon::{PredefinedGenericGF, ReedSolomonEncoder};

    /// A block of `n` codewords with `ec` check codewords, from a seed.
    fn block(n: usize, ec: usize, seed: u32) -> Vec<u8> {
        let mut s = seed;
        let mut words: Vec<i32> = (0..n)
            .map(|i| {
                s = s.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if i < n - ec {
                    (s >> 16) as i32 & 0xff
                } else {
                    0
                }
            })
            .collect();
        ReedSolomonEncoder::new(PredefinedGenericGF::QrCodeField256.into())
            .unwrap()
            .encode(&mut words, ec)
            .unwrap();
        words.into_iter().map(|w| w as u8).collect()
    }

    #[test]
    fn corrects_up_to_twice_the_errors_and_the_erasures_it_can() {
        for (n, ec) in [(67, 24), (26, 7), (153, 30), (44, 28)] {
            for seed in 0..40u32 {
                let good = block(n, ec, seed);
                // f erasures (half of them really wrong) and e errors elsewhere, 2e + f = ec.
                let f = (seed as usize * 2) % (ec + 1);
                let e = (ec - f) / 2;
                let mut bad = good.clone();
                let erased: Vec<usize> = (0..f).map(|i| (i * 7 + seed as usize) % n).collect();
                let mut erased = erased;
                erased.sort_unstable();
                erased.dedup();
                for (k, &i) in erased.iter().enumerate() {
                    if k % 2 == 0 {
                        bad[i] ^= 0x5a;
                    }
                }
                let mut hit = 0;
                let mut i = (seed as usize * 13) % n;
                while hit < e {
                    if !erased.contains(&i) && bad[i] == good[i] {
                        bad[i] ^= (i as u8) | 1;
                        hit += 1;
                    }
                    i = (i + 5) % n;
                }
                let mut fixed = bad.clone();
                assert!(
                    rs::correct(&mut fixed, ec, &erased),
                    "n {n} ec {ec} seed {seed}"
                );
                assert_eq!(fixed, good, "n {n} ec {ec} seed {seed}");
                // One error more than the code can fix is refused or — rarely — miscorrected,
                // never "corrected" to the original.
                let mut worse = bad.clone();
                let j = (0..n)
                    .find(|j| !erased.contains(j) && bad[*j] == good[*j])
                    .unwrap();
                worse[j] ^= 0x81;
                if 2 * (e + 1) + erased.len() > ec {
                    let mut fixed = worse.clone();
                    let ok = rs::correct(&mut fixed, ec, &erased);
                    assert!(!ok || fixed != good, "n {n} ec {ec} seed {seed}");
                }
            }
        }
    }

    #[test]
    fn an_intact_block_is_left_alone() {
        let good = block(67, 24, 1);
        let mut same = good.clone();
        assert!(rs::correct(&mut same, 24, &[3, 9, 40]));
        assert_eq!(same, good);
    }
}
