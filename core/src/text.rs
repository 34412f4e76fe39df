//! Bilingual text.
//!
//! Students and staff read Chinese; visiting staff, the photographers' agency and reviewers may not.
//! Every string the core hands to a screen carries both, and the app picks one with the user's
//! language, so no app ever keeps its own copy of what the notice says.

use serde::{Deserialize, Serialize};

/// A piece of user-facing text in Chinese and English.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Text {
    /// Simplified Chinese, as the notice writes it.
    pub zh: String,
    /// English, for staff and visitors who do not read Chinese.
    pub en: String,
}

/// Which language a user reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 简体中文 (the default: the users are Chinese students and staff).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Chooses the language from a locale string such as `zh_CN.UTF-8`, `zh-Hans` or `en_US`.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl Text {
    /// Text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            Lang::En if !self.en.is_empty() => &self.en,
            Lang::Zh => &self.en,
            Lang::En => &self.zh,
        }
    }

    /// Both languages on one line, Chinese first: `会计学院 (School of Accounting)`.
    pub fn both(&self) -> String {
        if self.en.is_empty() || self.en == self.zh {
            self.zh.clone()
        } else if self.zh.is_empty() {
            self.en.clone()
        } else {
            format!("{} ({})", self.zh, self.en)
        }
    }

    /// Items joined as each language lists them: `A、B` / `A, B`.
    pub fn list(items: &[String]) -> Text {
        Text::new(items.join("、"), items.join(", "))
    }

    /// Bilingual items joined as each language lists them: `学生证、身份证` / `student card, ID card`.
    pub fn join(items: &[Text]) -> Text {
        let zh: Vec<&str> = items.iter().map(|t| t.zh.as_str()).collect();
        let en: Vec<&str> = items.iter().map(|t| t.en.as_str()).collect();
        Text::new(zh.join("、"), en.join(", "))
    }

    /// True when either language equals `name` (names in the roster may be in either).
    pub fn matches(&self, name: &str) -> bool {
        let name = name.trim();
        !name.is_empty() && (self.zh == name || self.en.eq_ignore_ascii_case(name))
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.both())
    }
}
