//! Bilingual text across the boundary.
//!
//! Every string the core hands to a screen carries Chinese and English; the app picks one with
//! the user's language through [`BilingualText::text_in`] (so the fallback rule lives in the
//! core, not twice in the apps). The record is called `BilingualText` rather than the core's
//! `Text` because `Text` is already SwiftUI's and Compose's text view.

use photoday_core::text::{Lang as CoreLang, Text as CoreText};

/// A piece of user-facing text in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
pub struct BilingualText {
    /// Simplified Chinese, as the notice writes it.
    pub zh: String,
    /// English, for staff and visitors who do not read Chinese.
    pub en: String,
}

/// Which language a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum Lang {
    /// 简体中文 (the default: the users are Chinese students and staff).
    Zh,
    /// English.
    En,
}

#[uniffi::export]
impl BilingualText {
    /// The text in `lang`, falling back to the other language when that one is empty.
    pub fn text_in(&self, lang: Lang) -> String {
        CoreText::from(self.clone()).get(lang.into()).to_string()
    }

    /// Both languages on one line, Chinese first: `会计学院 (School of Accounting)`.
    pub fn both(&self) -> String {
        CoreText::from(self.clone()).both()
    }
}

/// The language for a platform locale such as `zh_CN`, `zh-Hans-CN` or `en_US`: Chinese for any
/// `zh…` locale, English otherwise.
#[uniffi::export]
pub fn lang_from_locale(locale: String) -> Lang {
    CoreLang::from_locale(&locale).into()
}

impl From<CoreText> for BilingualText {
    fn from(t: CoreText) -> Self {
        BilingualText { zh: t.zh, en: t.en }
    }
}

impl From<&CoreText> for BilingualText {
    fn from(t: &CoreText) -> Self {
        t.clone().into()
    }
}

impl From<BilingualText> for CoreText {
    fn from(t: BilingualText) -> Self {
        CoreText { zh: t.zh, en: t.en }
    }
}

impl From<CoreLang> for Lang {
    fn from(l: CoreLang) -> Self {
        match l {
            CoreLang::Zh => Lang::Zh,
            CoreLang::En => Lang::En,
        }
    }
}

impl From<Lang> for CoreLang {
    fn from(l: Lang) -> Self {
        match l {
            Lang::Zh => CoreLang::Zh,
            Lang::En => CoreLang::En,
        }
    }
}

/// Converts a list of core texts.
pub(crate) fn texts(list: &[CoreText]) -> Vec<BilingualText> {
    list.iter().map(BilingualText::from).collect()
}
