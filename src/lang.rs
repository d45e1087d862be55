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

/// The variable that names boiduong's language, before the locale's: a cron
/// job has no `LANG`, and a server's locale is rarely Vietnamese.
pub const OWN_VAR: &str = "BOIDUONG_LANG";

/// The variables that name the language of messages, in POSIX precedence.
pub const ENV_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// `BOIDUONG_LANG` set to something that is neither Vietnamese nor English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl Lang {
    /// The language the environment asks for. `BOIDUONG_LANG`, when set and not
    /// empty, decides: `vi` or `en`, in any case, alone or as a locale
    /// (`vi_VN.UTF-8`); anything else is an error rather than a guess. Otherwise
    /// the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty
    /// decides: `vi`, `vi_VN`, `vi_VN.UTF-8` (anything of language `vi`) is
    /// Vietnamese, anything else, or none, English. `var` reads a variable (the
    /// process environment, or a test's).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Result<Lang, UnknownLang> {
        if let Some(own) = var(OWN_VAR).filter(|v| !v.trim().is_empty()) {
            let lower = own.trim().to_ascii_lowercase();
            return match language_of(&lower) {
                "vi" => Ok(Lang::Vi),
                "en" => Ok(Lang::En),
                _ => Err(UnknownLang(own)),
            };
        }
        let value = ENV_VARS
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Ok(match value {
            Some(v) if is_vietnamese(&v) => Lang::Vi,
            _ => Lang::En,
        })
    }

    /// A date as people of this language write it: `2026-09-30`, `30/09/2026`.
    pub fn date(self, date: NaiveDate) -> impl Display {
        date.format(match self {
            Lang::En => "%Y-%m-%d",
            Lang::Vi => "%d/%m/%Y",
        })
    }

    /// The Excel number format of a date cell, as [`Lang::date`] writes one.
    pub fn excel_date_format(self) -> &'static str {
        match self {
            Lang::En => "yyyy-mm-dd",
            Lang::Vi => "dd/mm/yyyy",
        }
    }

    /// A date, or nothing.
    pub fn maybe_date(self, date: Option<NaiveDate>) -> String {
        date.map(|d| self.date(d).to_string()).unwrap_or_default()
    }

    /// The delimiter of the CSV files written for people of this language: Excel
    /// in a Vietnamese locale has `;` as its list separator (the decimal comma
    /// takes `,`), and opens a `,`-separated file as one column. Every CSV
    /// boiduong writes (`check`, `diff`, `trend`, `gaps` and its `--by-unit` files,
    /// `template`) takes it from here unless `--output-delimiter` says otherwise.
    pub fn csv_delimiter(self) -> u8 {
        match self {
            Lang::En => b',',
            Lang::Vi => b';',
        }
    }
}

fn is_vietnamese(locale: &str) -> bool {
    language_of(locale) == "vi"
}

/// The language part of a locale: `vi` of vi, vi_VN, vi_VN.UTF-8, vi.UTF-8, vi@latin.
fn language_of(locale: &str) -> &str {
    locale.split(['_', '.', '@']).next().unwrap_or_default()
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
        assert_eq!(Lang::from_env(env(&[])).unwrap(), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "vi_VN.UTF-8")])).unwrap(),
            Lang::Vi
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "vi_VN.UTF-8"), ("LC_MESSAGES", "en_US")])).unwrap(),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", "vi"), ("LC_MESSAGES", "en_US")])).unwrap(),
            Lang::Vi
        );
        // an empty variable is as good as unset
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "vi_VN")])).unwrap(),
            Lang::Vi
        );
        for other in ["C", "C.UTF-8", "POSIX", "en_US.UTF-8", "fr_FR", "vim", "VI"] {
            assert_eq!(
                Lang::from_env(env(&[("LANG", other)])).unwrap(),
                Lang::En,
                "{other}"
            );
        }
        for vi in ["vi", "vi_VN", "vi_VN.UTF-8", "vi.UTF-8", "vi@latin"] {
            assert_eq!(
                Lang::from_env(env(&[("LANG", vi)])).unwrap(),
                Lang::Vi,
                "{vi}"
            );
        }
    }

    #[test]
    fn boiduong_lang_comes_first_and_must_name_a_language() {
        let vi = [("BOIDUONG_LANG", "vi"), ("LC_ALL", "en_US.UTF-8")];
        assert_eq!(Lang::from_env(env(&vi)), Ok(Lang::Vi));
        let en = [("BOIDUONG_LANG", "EN"), ("LANG", "vi_VN.UTF-8")];
        assert_eq!(Lang::from_env(env(&en)), Ok(Lang::En));
        for vi in ["vi", "VI", "vi_VN.UTF-8", " vi "] {
            assert_eq!(
                Lang::from_env(env(&[("BOIDUONG_LANG", vi)])),
                Ok(Lang::Vi),
                "{vi}"
            );
        }
        // empty: as if unset
        let unset = [("BOIDUONG_LANG", ""), ("LANG", "vi_VN")];
        assert_eq!(Lang::from_env(env(&unset)), Ok(Lang::Vi));
        for bad in ["fr", "vietnamese", "tiếng Việt", "C"] {
            assert_eq!(
                Lang::from_env(env(&[("BOIDUONG_LANG", bad), ("LANG", "vi")])),
                Err(UnknownLang(bad.to_owned())),
                "{bad}"
            );
        }
    }
}
