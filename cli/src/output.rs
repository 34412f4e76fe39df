//! What the user reads: the language (`--lang`, else `LC_ALL`/`LANG`), colour only on a terminal
//! (and never under `NO_COLOR`), bilingual section headings, and column padding that counts a
//! Chinese character as two cells. The [`tr!`](crate::tr) macro keeps each sentence's Chinese and
//! English side by side at the place it is printed, so the two never drift apart.

use photoday_core::door::Colour;
use photoday_core::text::{Lang, Text};
use std::io::IsTerminal;

/// Picks the Chinese or the English sentence for the user's language. Both are `format!` strings
/// and may capture the same variables: `tr!(out, "共{n}人", "{n} students")`.
#[macro_export]
macro_rules! tr {
    ($out:expr, $zh:literal, $en:literal $(,)?) => {
        match $out.lang {
            photoday_core::text::Lang::Zh => format!($zh),
            photoday_core::text::Lang::En => format!($en),
        }
    };
}

/// How something is painted on a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Admitted, done, fits.
    Good,
    /// Look again: wrong room, too early, not on the roster.
    Warn,
    /// Refused, forged, does not fit.
    Bad,
    /// Secondary details.
    Dim,
    /// Headings and numbers that matter.
    Bold,
}

/// The user's terminal: language and whether to colour.
#[derive(Debug, Clone)]
pub struct Out {
    /// The language to print in.
    pub lang: Lang,
    colour: bool,
    err_colour: bool,
}

impl Out {
    /// The language from `--lang`, else from the locale; colour when the stream is a terminal.
    pub fn new(flag: Option<Lang>) -> Out {
        let lang = flag.unwrap_or_else(locale_lang);
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Out {
            lang,
            colour: !no_colour && std::io::stdout().is_terminal(),
            err_colour: !no_colour && std::io::stderr().is_terminal(),
        }
    }

    /// A plain, uncoloured output in `lang` (tests, files).
    pub fn plain(lang: Lang) -> Out {
        Out {
            lang,
            colour: false,
            err_colour: false,
        }
    }

    /// One of the core's bilingual texts in the user's language.
    pub fn text<'a>(&self, t: &'a Text) -> &'a str {
        t.get(self.lang)
    }

    /// Whether stdout is coloured (also: whether it is an interactive terminal).
    pub fn is_terminal(&self) -> bool {
        self.colour
    }

    /// `s` painted in `tone` for stdout.
    pub fn paint(&self, tone: Tone, s: impl std::fmt::Display) -> String {
        paint(self.colour, tone, s)
    }

    /// `s` painted in `tone` for stderr.
    pub fn paint_err(&self, tone: Tone, s: impl std::fmt::Display) -> String {
        paint(self.err_colour, tone, s)
    }

    /// A section heading, always in both languages (the demo is read by both kinds of visitor).
    pub fn heading(&self, zh: &str, en: &str) {
        let title = format!("{zh} · {en}");
        let rule = "─".repeat(72usize.saturating_sub(display_width(&title) + 4));
        println!();
        println!("{}", self.paint(Tone::Bold, format!("── {title} {rule}")));
    }

    /// Column headers in the user's language, from `(zh, en)` pairs.
    pub fn columns(&self, names: &[(&str, &str)]) -> Vec<String> {
        names
            .iter()
            .map(|(zh, en)| match self.lang {
                Lang::Zh => zh.to_string(),
                Lang::En => en.to_string(),
            })
            .collect()
    }

    /// `label: value` with the label dimmed and padded to `width` cells.
    pub fn field(&self, label: &str, value: impl std::fmt::Display, width: usize) {
        println!("  {} {value}", self.paint(Tone::Dim, pad(label, width)));
    }
}

/// The tone a verdict colour is painted in.
pub fn tone_of(c: Colour) -> Tone {
    match c {
        Colour::Green => Tone::Good,
        Colour::Amber => Tone::Warn,
        Colour::Red => Tone::Bad,
    }
}

fn paint(on: bool, tone: Tone, s: impl std::fmt::Display) -> String {
    if !on {
        return s.to_string();
    }
    let code = match tone {
        Tone::Good => "1;32",
        Tone::Warn => "1;33",
        Tone::Bad => "1;31",
        Tone::Dim => "2",
        Tone::Bold => "1",
    };
    format!("\x1b[{code}m{s}\x1b[0m")
}

/// The language from the locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG`.
fn locale_lang() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return Lang::from_locale(&v);
            }
        }
    }
    Lang::En
}

/// Terminal cells a string takes: Chinese characters and full-width forms take two.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let u = c as u32;
    let wide = matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// `s` padded with spaces to `width` terminal cells (never cut).
pub fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_take_two_cells() {
        assert_eq!(display_width("软件1班"), 7);
        assert_eq!(pad("一教104", 10), "一教104   ");
    }

    #[test]
    fn tr_picks_the_users_language() {
        let n = 3;
        assert_eq!(
            tr!(Out::plain(Lang::Zh), "共{n}人", "{n} students"),
            "共3人"
        );
        assert_eq!(
            tr!(Out::plain(Lang::En), "共{n}人", "{n} students"),
            "3 students"
        );
    }
}
