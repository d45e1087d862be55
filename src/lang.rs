//! The language people read: English or Vietnamese, chosen with `--lang` or
//! from the environment. Every layer passes a [`Lang`] along; what is said in it
//! is in `crate::i18n`, the layer of words above the things it words. Dates are
//! written as the language writes them here, since every layer that shows one
//! needs that and nothing more.

use std::fmt::Display;

use chrono::NaiveDate;

/// The language of what people read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

/// The variables that name the language of messages, in POSIX precedence.
pub const ENV_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides; `vi`, `vi_VN`,
    /// `vi_VN.UTF-8` (anything of language `vi`) is Vietnamese, anything else, or
    /// none, English. `var` reads a variable (the process environment, or a test's).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ENV_VARS
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        match value {
            Some(v) if is_vietnamese(&v) => Lang::Vi,
            _ => Lang::En,
        }
    }

    /// A date as people of this language write it: `2026-09-30`, `30/09/2026`.
    pub fn date(self, date: NaiveDate) -> impl Display {
        date.format(match self {
            Lang::En => "%Y-%m-%d",
            Lang::Vi => "%d/%m/%Y",
        })
    }

    /// A date, or nothing.
    pub fn maybe_date(self, date: Option<NaiveDate>) -> String {
        date.map(|d| self.date(d).to_string()).unwrap_or_default()
    }
}

fn is_vietnamese(locale: &str) -> bool {
    // vi, vi_VN, vi_VN.UTF-8, vi.UTF-8, vi@latin: the language part is `vi`.
    let language = locale.split(['_', '.', '@']).next().unwrap_or_default();
    language == "vi"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_first_variable_set_and_not_empty_decides() {
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "vi_VN.UTF-8"), ("LC_MESSAGES", "en_US")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "vi"), ("LC_MESSAGES", "en_US")])),
            Lang::Vi
        );
        // an empty variable is as good as unset
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "vi_VN")])),
            Lang::Vi
        );
        for other in ["C", "C.UTF-8", "POSIX", "en_US.UTF-8", "fr_FR", "vim", "VI"] {
            assert_eq!(Lang::from_env(env(&[("LANG", other)])), Lang::En, "{other}");
        }
        for vi in ["vi", "vi_VN", "vi_VN.UTF-8", "vi.UTF-8", "vi@latin"] {
            assert_eq!(Lang::from_env(env(&[("LANG", vi)])), Lang::Vi, "{vi}");
        }
    }
}
