use super::*;

#[test]
fn a_record_split_in_place_gives_the_cells_a_list_of_ranges_would() {
    // `CB1,master,,2024-02-29`: the fields with their delimiters between them
    let ends = [3, 10, 11, 22];
    let laid_out = [(0, 3), (4, 10), (11, 11), (12, 22)];
    let in_place = CellsAt::Ends {
        ends: &ends,
        gap: 1,
    };
    for i in 0..6 {
        assert_eq!(in_place.get(i), CellsAt::LaidOut(&laid_out).get(i), "{i}");
    }
    // unescaped fields one after another
    let joined = CellsAt::Ends {
        ends: &[2, 2, 5],
        gap: 0,
    };
    let cells: Vec<_> = (0..4).map(|i| joined.get(i)).collect();
    assert_eq!(cells, [Some((0, 2)), Some((2, 2)), Some((2, 5)), None]);
    assert_eq!(CellsAt::Ends { ends: &[], gap: 1 }.get(0), None);
}
