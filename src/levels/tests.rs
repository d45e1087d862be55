//! Every floor of the embedded table on both sides, the spellings offices type,
//! and the problems of a levels file.

use super::*;
use crate::diag::problem::Data;
use crate::diag::{Code, Problem};

fn table() -> Arc<Levels> {
    embedded()
}

/// What `raw` attests: `Some(Ok(bậc))`, `Some(Err(below bậc))`; `None` when it is
/// no certificate reading.
fn attests(raw: &str) -> Option<Result<u8, u8>> {
    match read_level(raw, &table()) {
        Ok(LevelCell::Certificate { attested, .. }) => Some(match attested {
            Attested::Level(l) => Ok(l),
            Attested::Below(l) => Err(l),
        }),
        _ => None,
    }
}

fn name_of(raw: &str) -> String {
    match read_level(raw, &table()) {
        Ok(LevelCell::Certificate { index, .. }) => table().certificates[index].name.clone(),
        other => panic!("{raw}: {other:?}"),
    }
}

/// Why `raw` is for review; it panics when it is not.
fn review(raw: &str) -> Review {
    match read_level(raw, &table()) {
        Ok(LevelCell::Review(why)) => why,
        other => panic!("{raw}: {other:?}"),
    }
}

fn is_review(raw: &str) -> bool {
    matches!(read_level(raw, &table()), Ok(LevelCell::Review(_)))
}

fn is_bad(raw: &str) -> bool {
    read_level(raw, &table()).is_err()
}

#[test]
fn the_embedded_table_parses() {
    let levels = parse_levels(load::EMBEDDED, EMBEDDED_NAME).unwrap();
    assert_eq!(levels.id, "23/2021/TT-BGDĐT");
    assert_eq!(levels.certificates.len(), 13);
    assert_eq!(*embedded(), levels);
}

#[test]
fn each_floor_on_both_sides() {
    /// Ok(bậc) or Err(below bậc).
    type Gives = Result<u8, u8>;
    // (below the floor, at the floor, what the floor gives, what below gives)
    let cases: &[(&str, &str, Gives, Gives)] = &[
        ("TOEFL iBT 29", "TOEFL iBT 30", Ok(3), Err(3)),
        ("TOEFL iBT 45", "TOEFL iBT 46", Ok(4), Ok(3)),
        ("IELTS 3.5", "IELTS 4.0", Ok(3), Err(3)),
        ("IELTS 5.0", "IELTS 5.5", Ok(4), Ok(3)),
        ("Cambridge 139", "Cambridge 140", Ok(3), Err(3)),
        ("Cambridge 159", "Cambridge 160", Ok(4), Ok(3)),
        ("TOEFL ITP 449", "TOEFL ITP 450", Ok(3), Err(3)),
        ("TCF 299", "TCF 300", Ok(3), Err(3)),
        ("TCF 399", "TCF 400", Ok(4), Ok(3)),
        ("DELF A2", "DELF B1", Ok(3), Err(3)),
        ("DELF B1", "DELF B2", Ok(4), Ok(3)),
        ("Goethe A2", "Goethe B1", Ok(3), Err(3)),
        ("Goethe B1", "Goethe B2", Ok(4), Ok(3)),
        ("TestDaF TDN 3", "TestDaF TDN 4", Ok(4), Ok(3)),
        ("HSK 2", "HSK 3", Ok(3), Err(3)),
        ("HSK 3", "HSK 4", Ok(4), Ok(3)),
        ("JLPT N5", "JLPT N4", Ok(3), Err(3)),
        ("JLPT N4", "JLPT N3", Ok(4), Ok(3)),
        ("ТРКИ-ТБУ", "ТРКИ-1", Ok(3), Err(3)),
        ("ТРКИ-1", "ТРКИ-2", Ok(4), Ok(3)),
        ("VSTEP B1", "VSTEP B2", Ok(4), Ok(3)),
    ];
    for (below, at, at_gives, below_gives) in cases {
        assert_eq!(attests(at), Some(*at_gives), "{at}");
        assert_eq!(attests(below), Some(*below_gives), "{below}");
    }
    // TestDaF's lowest band is TDN 3: the bậc-3 floor, never under it.
    assert_eq!(attests("TestDaF TDN 3"), Some(Ok(3)));
}

#[test]
fn scores_above_the_highest_floor_attest_that_floor_only() {
    assert_eq!(attests("IELTS 8.5"), Some(Ok(4)));
    assert_eq!(attests("TOEFL iBT 120"), Some(Ok(4)));
    assert_eq!(attests("JLPT N1"), Some(Ok(4)));
    assert_eq!(attests("DALF C2"), Some(Ok(4)));
    // VSTEP states its bậc itself, up to 5.
    assert_eq!(attests("VSTEP C1"), Some(Ok(5)));
}

#[test]
fn toefl_itp_is_never_level_4() {
    for score in ["450", "550", "600", "677"] {
        assert_eq!(
            attests(&format!("TOEFL ITP {score}")),
            Some(Ok(3)),
            "{score}"
        );
    }
}

#[test]
fn toeic_needs_every_skill_at_its_floor() {
    for (raw, attested) in [
        // every skill at its floor
        ("TOEIC L400 R385 S160 W150", Ok(4)),
        ("TOEIC L275 R275 S120 W120", Ok(3)),
        // one skill just under the bậc-4 floor: bậc 3
        ("TOEIC L399 R385 S160 W150", Ok(3)),
        ("TOEIC L400 R384 S160 W150", Ok(3)),
        ("TOEIC L400 R385 S159 W150", Ok(3)),
        ("TOEIC L400 R385 S160 W149", Ok(3)),
        // one skill just under the bậc-3 floor: below bậc 3, however high the rest
        ("TOEIC L274 R495 S200 W200", Err(3)),
        ("TOEIC L495 R274 S200 W200", Err(3)),
        ("TOEIC L495 R495 S119 W200", Err(3)),
        ("TOEIC L495 R495 S200 W119", Err(3)),
        // the skills spelled out, or in another order and case
        ("TOEIC L420 R400 S170 W160", Ok(4)),
        (
            "TOEIC Listening 420, Reading 400, Speaking 170, Writing 160",
            Ok(4),
        ),
        ("toeic w160 s170 r400 l420", Ok(4)),
    ] {
        assert_eq!(attests(raw), Some(attested), "{raw}");
    }
}

#[test]
fn toeic_listening_and_reading_alone_is_for_review() {
    for raw in [
        "TOEIC L495 R495",
        "TOEIC 990",
        "TOEIC 785",
        "TOEIC L400 R385 S160",
    ] {
        assert!(is_review(raw), "{raw}");
    }
    let strings = |all: &[&str]| all.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        review("TOEIC L495 R495"),
        Review::SomeSkills {
            name: "TOEIC".into(),
            given: strings(&["L", "R"]),
            all: strings(&["L", "R", "S", "W"]),
        }
    );
}

#[test]
fn reads_the_spellings_an_office_types() {
    for (raw, name, level) in [
        ("IELTS 6.0", "IELTS", Ok(4)),
        ("ielts 6.5", "IELTS", Ok(4)),
        ("IELTS: 6.5", "IELTS", Ok(4)),
        ("IELTS 6,0", "IELTS", Ok(4)),
        ("  IELTS   5,0 ", "IELTS", Ok(3)),
        ("IELTS Academic 7", "IELTS", Ok(4)),
        ("IELTS overall 5.5", "IELTS", Ok(4)),
        ("TOEFL iBT 80", "TOEFL iBT", Ok(4)),
        ("TOEFL iBT: 80", "TOEFL iBT", Ok(4)),
        ("toefl IBT 45", "TOEFL iBT", Ok(3)),
        ("iBT 46", "TOEFL iBT", Ok(4)),
        ("Cambridge 165", "Cambridge English", Ok(4)),
        ("B2 First", "Cambridge English", Ok(4)),
        ("B1 Preliminary", "Cambridge English", Ok(3)),
        ("B2 First 172", "Cambridge English", Ok(4)),
        ("B2 First: 155", "Cambridge English", Ok(3)),
        ("A2 Key", "Cambridge English", Err(3)),
        ("VSTEP B2", "VSTEP", Ok(4)),
        ("VSTEP bậc 4", "VSTEP", Ok(4)),
        ("vstep bac 3", "VSTEP", Ok(3)),
        ("HSK 4", "HSK", Ok(4)),
        ("HSK4", "HSK", Ok(4)),
        ("hsk-5", "HSK", Ok(4)),
        ("HSK cấp 3", "HSK", Ok(3)),
        ("JLPT N3", "JLPT", Ok(4)),
        ("N3", "JLPT", Ok(4)),
        ("n4", "JLPT", Ok(3)),
        ("DELF B2", "DELF/DALF", Ok(4)),
        ("DALF C1", "DELF/DALF", Ok(4)),
        ("TCF 420", "TCF", Ok(4)),
        ("Goethe B2", "Goethe-Zertifikat", Ok(4)),
        ("Goethe-Zertifikat B1", "Goethe-Zertifikat", Ok(3)),
        ("TDN 4", "TestDaF", Ok(4)),
        ("TestDaF 4", "TestDaF", Ok(4)),
        ("ТРКИ-2", "ТРКИ (TORFL)", Ok(4)),
        ("трки 2", "ТРКИ (TORFL)", Ok(4)),
        ("TRKI-2", "ТРКИ (TORFL)", Ok(4)),
        ("TORFL-2", "ТРКИ (TORFL)", Ok(4)),
        ("TORFL 1", "ТРКИ (TORFL)", Ok(3)),
    ] {
        assert_eq!(attests(raw), Some(level), "{raw}");
        assert_eq!(name_of(raw), name, "{raw}");
    }
}

#[test]
fn plain_levels_are_still_plain() {
    for (raw, level) in [("4", 4), ("B2", 4), ("bậc 3", 3), ("C", 3), ("Bậc 4/6", 4)] {
        assert_eq!(
            read_level(raw, &table()),
            Ok(LevelCell::Stated(level)),
            "{raw}"
        );
    }
}

#[test]
fn what_the_table_does_not_cover_is_for_review() {
    for raw in [
        "TOCFL 4",
        "TOPIK 5",
        "Aptis B2",
        "IELTS",
        "TOEFL 80",
        "HSK",
        "Chứng chỉ tiếng Anh",
        "IELTS six",
        "VSTEP 6.0",
    ] {
        assert!(is_review(raw), "{raw}: {:?}", read_level(raw, &table()));
    }
    let why = review("TOPIK 5");
    assert!(
        matches!(&why, Review::NotInTable { names } if names.contains("IELTS")),
        "{why:?}"
    );
    assert_eq!(
        review("IELTS"),
        Review::NoScore {
            name: "IELTS".into()
        }
    );
}

#[test]
fn mistyped_levels_and_impossible_scores_stay_errors() {
    for raw in ["7", "B3", "0", "bậc", "4/5", "D", "bậc 7", "6.5", "6,5"] {
        assert!(is_bad(raw), "{raw}: {:?}", read_level(raw, &table()));
    }
    let bad = read_level("6.5", &table()).unwrap_err();
    assert_eq!(bad.reason, Some(Reason::ScoreWithoutName));
    for raw in [
        "IELTS 9.5",
        "IELTS 60",
        "TOEFL iBT 121",
        "Cambridge 79",
        "TOEFL ITP 700",
        "TCF 700",
        "JLPT N6",
        "DELF B3",
        "HSK 10",
        "TOEIC L500 R400 S170 W160",
        "TOEIC L420 R400 S201 W160",
    ] {
        assert!(is_bad(raw), "{raw}: {:?}", read_level(raw, &table()));
    }
    let bad = read_level("IELTS 9.5", &table()).unwrap_err();
    assert_eq!(
        bad.allowed,
        Allowed::Scores {
            name: "IELTS".into(),
            from: "0".into(),
            to: "9".into()
        }
    );
}

#[test]
fn key_words_split_letters_from_digits_and_keep_decimals() {
    assert_eq!(key_words("HSK4"), vec!["hsk", "4"]);
    assert_eq!(key_words("IELTS 6,5"), vec!["ielts", "6.5"]);
    assert_eq!(
        key_words("TOEIC L420, R400"),
        vec!["toeic", "l", "420", "r", "400"]
    );
    assert_eq!(key_words("ТРКИ-2"), vec!["трки", "2"]);
    assert_eq!(key_words("Bậc 4/6"), vec!["bac", "4", "6"]);
    assert_eq!(key_words("Đọc"), vec!["doc"]);
    assert!(key_words(" - ").is_empty());
}

fn custom(certificate: &str) -> String {
    format!(
        "[source]\nid = \"X\"\ntitle_vi = \"v\"\ntitle_en = \"e\"\nissued_on = 2024-01-01\n\n[[certificate]]\n{certificate}"
    )
}

/// The line a levels file `text` is refused at, and the problem found there.
fn load_error(text: &str) -> (Option<u64>, Data) {
    let e = parse_levels(text, "levels.toml").unwrap_err();
    assert_eq!((e.file.as_str(), e.code), ("levels.toml", Code::Levels));
    match *e.message {
        Problem::Data(data) => (e.line, data),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_custom_table_replaces_the_default() {
    let text = custom(
        "name = \"Aptis\"\nlanguage = \"English\"\nnames = [\"Aptis\"]\nscore = \"bands\"\nbands = [\"A1\", \"A2\", \"B1\", \"B2\", \"C\"]\nfloors = { 3 = \"B1\", 4 = \"B2\" }\n",
    );
    let levels = parse_levels(&text, "levels.toml").unwrap();
    assert!(matches!(
        read_level("Aptis B2", &levels),
        Ok(LevelCell::Certificate {
            attested: Attested::Level(4),
            ..
        })
    ));
    assert!(matches!(
        read_level("IELTS 6.0", &levels),
        Ok(LevelCell::Review(_))
    ));
}

#[test]
fn a_malformed_levels_file_names_its_line() {
    // a key no certificate has, on line 14
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"scale\"\nmin = 0\nmax = 9\nfloor = { 3 = 4 }\n",
    );
    let (line, data) = load_error(&text);
    assert_eq!(line, Some(14));
    assert!(
        matches!(&data, Data::Toml(toml) if toml.contains("floor")),
        "{data:?}"
    );
    // floors falling with the bậc, on line 14
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"scale\"\nmin = 0\nmax = 9\nfloors = { 3 = 5.5, 4 = 4.0 }\n",
    );
    assert_eq!(
        load_error(&text),
        (
            Some(14),
            Data::FloorNotAbove {
                name: "A".into(),
                level: 4,
                below: 3
            }
        )
    );
    // a floor outside the scale
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"scale\"\nmin = 0\nmax = 9\nfloors = { 4 = 10 }\n",
    );
    assert!(matches!(
        load_error(&text).1,
        Data::FloorOutsideScale { level: 4, .. }
    ));
    // an unknown kind of score, on line 11
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"grade\"\nfloors = { 4 = 1 }\n",
    );
    assert_eq!(
        load_error(&text),
        (
            Some(11),
            Data::NotAScoreKind {
                kind: "grade".into()
            }
        )
    );
    // one spelling for two certificates
    let two = "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"scale\"\nmin = 0\nmax = 9\nfloors = { 4 = 5 }\n";
    let text = custom(&format!(
        "{two}\n[[certificate]]\n{}",
        two.replace("name = \"A\"", "name = \"B\"")
    ));
    assert_eq!(
        load_error(&text).1,
        Data::SpellingTwice {
            spelling: "A".into(),
            first: "A".into(),
            line: 10
        }
    );
    // a band floor that is no band
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"bands\"\nbands = [\"X\", \"Y\"]\nfloors = { 4 = \"Z\" }\n",
    );
    assert_eq!(
        load_error(&text).1,
        Data::FloorNotABand {
            name: "A".into(),
            level: 4,
            bands: "X, Y".into()
        }
    );
    // broken TOML
    let (line, data) = load_error("[source]\nid = \n");
    assert_eq!(line, Some(2));
    assert!(matches!(data, Data::Toml(_)), "{data:?}");
}

#[test]
fn a_standalone_spelling_must_be_a_score_of_its_certificate() {
    let text = custom(
        "name = \"A\"\nlanguage = \"English\"\nnames = [\"A\"]\nscore = \"scale\"\nmin = 0\nmax = 9\nfloors = { 4 = 5 }\nstandalone = { \"A top\" = 12 }\n",
    );
    assert_eq!(
        load_error(&text).1,
        Data::NotAScore {
            name: "A".into(),
            spelling: "A top".into(),
            score: "12".into()
        }
    );
}
