#!/usr/bin/env bash
# Fill fuzz/corpus/<target>/ with seeds from the repository's own files, so that
# every fuzzer starts from real exports rather than from nothing. The corpora are
# not committed (the fuzzers grow them); this script makes them again anywhere.
# Seeds are named seed-*; what the fuzzers added is left alone.
#
# Needs: unzip (the parts of the example workbooks), cargo (a JSON report of the
# example province, for the baseline reader).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
cd "$root"

# seed TARGET NAME: stdin into corpus/TARGET/seed-NAME
seed() {
    mkdir -p "$corpus/$1"
    cat >"$corpus/$1/seed-$2"
}

# a path as a file name: examples/en/roster.csv -> examples_en_roster.csv
flat() { printf '%s' "${1//\//_}"; }

# 1. CSV: every CSV file of the examples and the fixtures
while IFS= read -r f; do
    seed csv_records "$(flat "$f")" <"$f"
done < <(find examples tests/fixtures -type f -name '*.csv' | sort)

# 2. dates: every date-like cell of those files, and the shapes that are refused
{
    find examples tests/fixtures -type f -name '*.csv' -print0 |
        xargs -0 grep -ohaE '[0-9]{1,4}[-/][0-9]{1,2}[-/][0-9]{1,4}' || true
    printf '%s\n' 2024-02-29 29/02/2024 1/2/2024 31/02/2024 29/02/2023 01/02/24 \
        02/13/2024 2024-13-01 45323 '2024-02-01 08:00' 2024-02-01T08:00:00 0000-01-01 \
        9999-12-31
} | sort -u | while IFS= read -r d; do
    printf '%s' "$d" | seed parse_date "$(printf '%s' "$d" | sha1sum | cut -c1-16)"
done

# 3. workbooks as raw bytes
while IFS= read -r f; do
    seed workbook_bytes "$(flat "$f")" <"$f"
done < <(find examples tests/fixtures -type f \( -name '*.xlsx' -o -name '*.xlsm' \
    -o -name '*.xls' -o -name '*.ods' \) | sort)

# 4. worksheet XML: the example workbooks' sheet (its title rows, header and first
# rows: the whole sheet is a hundred times slower to mutate), shared strings and
# styles, NUL between the three parts as the target splits them; and a small sheet
# of inline strings
for f in examples/xlsx/*.xlsx; do
    {
        unzip -p "$f" xl/worksheets/sheet1.xml |
            awk -v RS='</row>' 'NR <= 8 { printf "%s</row>", $0 }'
        printf '</sheetData></worksheet>\0'
        unzip -p "$f" xl/sharedStrings.xml
        printf '\0'
        unzip -p "$f" xl/styles.xml
    } | seed sheet_xml "$(flat "$f")-head"
done
is() { printf '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' "$1" "$2"; }
{
    printf '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E3"/><sheetData>'
    printf '<row r="1">%s%s%s%s%s</row>' "$(is A1 id)" "$(is B1 full_name)" "$(is C1 role)" \
        "$(is D1 title_level)" "$(is E1 appointed_on)"
    printf '<row r="2">%s%s%s%s<c r="E2" s="1"><v>45351</v></c></row>' "$(is A2 X01)" \
        "$(is B2 'Nguyễn Văn An')" "$(is C2 incumbent)" "$(is D2 department)"
    printf '<row r="3"><c r="A3"><v>123</v></c>%s%s%s<c r="E3" t="e"><v>#N/A</v></c></row>' \
        "$(is B3 'Trần Thị Bình')" "$(is C3 planned)" "$(is D3 district)"
    printf '</sheetData></worksheet>'
} | seed sheet_xml inline-strings

# 5. and 6. the plan and the levels table, and the broken ones of the fixtures
for f in data/plan-*.toml tests/fixtures/bad-input/plan-*/plan.toml; do
    seed plan_toml "$(flat "$f")" <"$f"
done
for f in data/levels-*.toml tests/fixtures/certificates/levels-*.toml; do
    seed levels_toml "$(flat "$f")" <"$f"
done

# 7. JSON reports of check: the example province, and a small fixture
report() {
    cargo run --quiet --manifest-path "$root/Cargo.toml" -- check --roster "$1/roster.csv" \
        --enrolments "$1/enrolments.csv" --as-of 2026-09-30 --format json \
        --fail-on never --quiet
}
report examples/en | seed baseline_json examples-en-report.json
report tests/fixtures/sample | seed baseline_json sample-report.json

# 8. a whole check: each pair of files, roster then enrolments after the mark the
# target splits at
for dir in $(find examples tests/fixtures -type f -name roster.csv -printf '%h\n' | sort); do
    [ -f "$dir/enrolments.csv" ] || continue
    {
        cat "$dir/roster.csv"
        printf '\n==> enrolments.csv <==\n'
        cat "$dir/enrolments.csv"
    } | seed check_run "$(flat "$dir")"
done

for target in "$corpus"/*/; do
    printf '%-16s %4d files\n' "$(basename "$target")" "$(find "$target" -type f | wc -l)"
done
