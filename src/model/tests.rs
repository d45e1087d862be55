use super::*;
use crate::plan::rules::testing::incumbent;

fn roster(ids: &[&str]) -> Roster {
    let mut roster = Roster::default();
    for id in ids {
        let row = incumbent(id);
        roster.insert(row.names(), row.official).unwrap();
    }
    roster
}

#[test]
fn ranks_ids_in_byte_order_sorted_or_not() {
    assert_eq!(roster(&["A1", "A2", "B"]).id_ranks(), vec![0, 1, 2]);
    assert_eq!(roster(&["B", "A2", "a", "A1"]).id_ranks(), vec![2, 1, 3, 0]);
    assert!(roster(&[]).id_ranks().is_empty());
}

#[test]
fn keeps_each_unit_and_title_once_cleaned_however_it_was_typed() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Sở Nội vụ".nfd().collect();
    let mut roster = Roster::default();
    // as typed: NFC, NFD, padded, padded with a no-break space; then clean again
    for (id, unit, title) in [
        ("A1", "Sở Nội vụ", "Giám đốc"),
        ("A2", nfd.as_str(), " Giám đốc "),
        ("A3", " Sở Nội vụ\u{00A0}", "Giám đốc"),
        ("A4", "Sở Nội vụ", "Phó Giám đốc"),
    ] {
        let row = incumbent(id);
        let names = Names {
            unit,
            title,
            ..row.names()
        };
        roster.insert(names, row.official).unwrap();
    }
    let units_titles = |i| roster.names(i).map(|n| (n.unit, n.title));
    for i in 0..3 {
        assert_eq!(units_titles(i), Some(("Sở Nội vụ", "Giám đốc")), "{i}");
    }
    assert_eq!(units_titles(3), Some(("Sở Nội vụ", "Phó Giám đốc")));
    // three phrases, each kept once
    assert_eq!(roster.phrases.len(), 3);
}

#[test]
fn a_unit_or_title_numbered_by_the_reader_is_found_by_its_number() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Sở Nội vụ".nfd().collect();
    let mut roster = Roster::default();
    for (id, unit, title) in [
        ("A1", ("Sở Nội vụ", Some(0)), ("Giám đốc", Some(1))),
        ("A2", (nfd.as_str(), Some(2)), (" Giám đốc ", Some(3))),
        ("A3", ("Sở Nội vụ", Some(0)), ("Giám đốc", Some(1))),
        ("A4", (nfd.as_str(), Some(2)), ("Phó Giám đốc", None)),
    ] {
        let row = incumbent(id);
        let names = Names {
            unit: unit.0,
            title: title.0,
            ..row.names()
        };
        let numbers = Numbers {
            unit: unit.1,
            title: title.1,
        };
        roster
            .insert_numbered(names, row.official, numbers)
            .unwrap();
    }
    let units_titles = |i| roster.names(i).map(|n| (n.unit, n.title));
    for i in 0..3 {
        assert_eq!(units_titles(i), Some(("Sở Nội vụ", "Giám đốc")), "{i}");
    }
    assert_eq!(units_titles(3), Some(("Sở Nội vụ", "Phó Giám đốc")));
    assert_eq!(roster.phrases.len(), 3);
    // the reader's numbers 0 and 2 are the unit, 1 and 3 the title
    assert_eq!(roster.numbered, [0, 1, 0, 1]);
}
