//! How a place in a file is named: a sheet as Excel quotes it, a column by its
//! letters, and how far down a sheet its header is looked for.

/// How many rows at the top of a sheet are searched for the header: room for a
/// template's titles, date lines and blank rows.
pub const HEADER_SEARCH_ROWS: u32 = 30;

/// `Sheet1`, or `'Danh sách'` quoted as Excel writes a name that is not a plain word.
pub fn quote_sheet(name: &str) -> String {
    let plain = !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && !looks_like_a_cell(name);
    if plain {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

/// `AB12`, `R1C1` or `RC`: a name Excel would read as a cell.
fn looks_like_a_cell(name: &str) -> bool {
    let digits = |s: &str| s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let letters = name.len()
        - name
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    // columns have at most three letters (XFD): `Sheet1` is a name, `ABC1` a cell
    let a1 = (1..=3).contains(&letters) && letters < name.len() && digits(&name[letters..]) == 0;
    let r1c1 = name
        .strip_prefix(['R', 'r'])
        .map(|rest| &rest[rest.len() - digits(rest)..])
        .and_then(|rest| rest.strip_prefix(['C', 'c']))
        .is_some_and(|rest| digits(rest) == 0);
    a1 || r1c1
}

/// The letters of a 1-based column: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}
