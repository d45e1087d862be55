//! The words of the one-file HTML report (`check --format html`) and of the
//! trends across reports (`trend`): headings, chart titles, the lines under the
//! charts, in each language side by side. The renderers (`crate::render::html`,
//! `crate::render::trend`) lay them out and escape nothing of ours but the data.
//!
//! Vietnamese keeps the plan's terms, as the rest of the reports do: chỉ tiêu
//! (a target), trường hợp (a finding), cán bộ, quá hạn, sắp đến hạn, tính đến
//! ngày (as of).

use crate::lang::Lang;

/// The fixed words of the HTML pages in one language.
#[derive(Debug)]
pub struct HtmlWords {
    /// The `lang` attribute of the page.
    pub code: &'static str,
    pub contents: &'static str,
    pub at_a_glance: &'static str,
    pub as_of: &'static str,
    pub plan: &'static str,
    pub plan_file: &'static str,
    pub inputs: &'static str,
    pub roster: &'static str,
    pub enrolments: &'static str,
    pub rows: &'static str,
    pub fingerprint: &'static str,
    pub generated: &'static str,
    /// The three headline counts: targets met, short, at risk.
    pub met_targets: &'static str,
    pub short_targets: &'static str,
    pub at_risk_targets: &'static str,
    pub other_targets: &'static str,
    pub languages: &'static str,
    pub languages_chart: &'static str,
    pub appendix_01: &'static str,
    pub deadlines: &'static str,
    pub deadlines_chart: &'static str,
    pub units: &'static str,
    pub quotas: &'static str,
    pub findings: &'static str,
    pub resolved: &'static str,
    pub target_line: &'static str,
    pub ready: &'static str,
    pub officials: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    pub no_overdue: &'static str,
    pub no_quota: &'static str,
    pub none_listed: &'static str,
    // trend
    pub trend_title: &'static str,
    pub reports: &'static str,
    pub report_file: &'static str,
    pub trend_headings: [&'static str; 5],
    /// The header of the trend's CSV: in English the names a script reads, as
    /// the JSON report's fields; in Vietnamese what the table says.
    pub trend_csv_header: [&'static str; 9],
    pub trend_chart: &'static str,
    pub required_line: &'static str,
}

static EN: HtmlWords = HtmlWords {
    code: "en",
    contents: "Contents",
    at_a_glance: "At a glance",
    as_of: "As of",
    plan: "Plan",
    plan_file: "Plan file",
    inputs: "Inputs",
    roster: "Roster",
    enrolments: "Training records",
    rows: "rows",
    fingerprint: "SHA-256 fingerprint",
    generated: "Generated",
    met_targets: "targets met",
    short_targets: "targets short",
    at_risk_targets: "targets at risk",
    other_targets: "Other target rows",
    languages: "Foreign languages by group",
    languages_chart: "Share of each group at the level asked for, against the target",
    appendix_01: "Appendix 01: officials starting language study each year",
    deadlines: "Training deadlines",
    deadlines_chart: "Officials under each deadline rule, by status",
    units: "Units by officials overdue",
    quotas: "Yearly quotas",
    findings: "Findings by rule, most urgent first",
    resolved: "Resolved since the baseline",
    target_line: "target",
    ready: "ready",
    officials: "Officials",
    year: "Year",
    total: "Total",
    no_overdue: "No official is overdue.",
    no_quota: "no quota",
    none_listed: "Nothing to list.",
    trend_title: "Targets across quarters",
    reports: "Reports",
    report_file: "Report",
    trend_headings: ["As of", "Achieved", "Required", "Shortfall", "Status"],
    trend_csv_header: [
        "rule",
        "group",
        "program",
        "year",
        "as_of",
        "achieved",
        "required",
        "shortfall",
        "status",
    ],
    trend_chart: "achieved at each as-of date",
    required_line: "required",
};

static VI: HtmlWords = HtmlWords {
    code: "vi",
    contents: "Mục lục",
    at_a_glance: "Tóm tắt",
    as_of: "Tính đến ngày",
    plan: "Kế hoạch",
    plan_file: "Tệp kế hoạch",
    inputs: "Dữ liệu vào",
    roster: "Danh sách cán bộ",
    enrolments: "Danh sách đào tạo, bồi dưỡng",
    rows: "dòng",
    fingerprint: "Mã kiểm tra SHA-256",
    generated: "Lập lúc",
    met_targets: "chỉ tiêu đạt",
    short_targets: "chỉ tiêu chưa đạt",
    at_risk_targets: "chỉ tiêu có nguy cơ không đạt",
    other_targets: "Các dòng chỉ tiêu khác",
    languages: "Ngoại ngữ theo từng nhóm",
    languages_chart: "Tỷ lệ cán bộ từng nhóm đạt trình độ yêu cầu, so với chỉ tiêu",
    appendix_01: "Phụ lục 01: số cán bộ cử đi học ngoại ngữ hằng năm",
    deadlines: "Thời hạn bồi dưỡng",
    deadlines_chart: "Cán bộ thuộc từng chỉ tiêu về thời hạn, theo tình trạng",
    units: "Cơ quan, đơn vị theo số cán bộ quá hạn",
    quotas: "Chỉ tiêu hằng năm",
    findings: "Các trường hợp theo từng chỉ tiêu, cấp bách nhất trước",
    resolved: "Đã khắc phục so với báo cáo trước",
    target_line: "chỉ tiêu",
    ready: "đã đáp ứng",
    officials: "Số cán bộ",
    year: "Năm",
    total: "Tổng số",
    no_overdue: "Không có cán bộ nào quá hạn.",
    no_quota: "chưa giao chỉ tiêu",
    none_listed: "Không có trường hợp nào.",
    trend_title: "Các chỉ tiêu qua từng quý",
    reports: "Các báo cáo",
    report_file: "Báo cáo",
    trend_headings: ["Tính đến ngày", "Đã đạt", "Cần đạt", "Thiếu", "Tình trạng"],
    trend_csv_header: [
        "Mã chỉ tiêu",
        "Nhóm",
        "Chương trình",
        "Năm",
        "Tính đến ngày",
        "Đã đạt",
        "Cần đạt",
        "Thiếu",
        "Tình trạng",
    ],
    trend_chart: "số đã đạt tính đến từng ngày",
    required_line: "cần đạt",
};

impl Lang {
    /// The fixed words of the HTML pages in this language.
    pub fn html(self) -> &'static HtmlWords {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }
}

/// The page's title: the plan and the as-of date, as the language writes it.
pub fn page_title(plan: &str, as_of: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Training against {plan}, as of {as_of}"),
        Lang::Vi => format!("Kết quả đào tạo, bồi dưỡng theo {plan}, tính đến ngày {as_of}"),
    }
}

/// What the footer of every printed page says beside its number.
pub fn print_footer(plan: &str, as_of: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{plan} · as of {as_of}"),
        Lang::Vi => format!("{plan} · tính đến ngày {as_of}"),
    }
}

/// The footer of the page: who made it and when.
pub fn made_by(version: &str, generated: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Made by boiduong {version} at {generated} (UTC)."),
        Lang::Vi => format!("Lập bằng boiduong {version} lúc {generated} (giờ UTC)."),
    }
}

/// A share's bar: the share reached, against the target, and who is still needed.
pub fn share_bar(
    percent_reached: &str,
    achieved: u32,
    population: u32,
    target: u32,
    shortfall: u32,
    lang: Lang,
) -> String {
    match (lang, shortfall) {
        (Lang::En, 0) => {
            format!("{percent_reached}% ({achieved} of {population}); target {target}%: reached")
        }
        (Lang::En, n) => format!(
            "{percent_reached}% ({achieved} of {population}); target {target}%: {n} more needed"
        ),
        (Lang::Vi, 0) => format!(
            "{percent_reached}% ({achieved}/{population} cán bộ); chỉ tiêu {target}%: đã đạt"
        ),
        (Lang::Vi, n) => format!(
            "{percent_reached}% ({achieved}/{population} cán bộ); chỉ tiêu {target}%: cần thêm {n} người"
        ),
    }
}

/// A quota's bar: achieved against the year's quota.
pub fn quota_bar(achieved: u32, quota: Option<u32>, status: &str, lang: Lang) -> String {
    match (lang, quota) {
        (Lang::En, Some(q)) => format!("{achieved} of {q}: {status}"),
        (Lang::Vi, Some(q)) => format!("{achieved}/{q}: {status}"),
        (_, None) => format!("{achieved} ({})", lang.html().no_quota),
    }
}

/// The title of a rule's chart of yearly numbers.
pub fn quota_chart(rule: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{rule}: achieved against the quota, each year"),
        Lang::Vi => format!("{rule}: số đã đạt so với chỉ tiêu từng năm"),
    }
}

/// A deadline rule's bar: its population and status.
pub fn window_bar(rule: &str, population: u32, status: &str, lang: Lang) -> String {
    match lang {
        Lang::En if population == 1 => format!("{rule}: 1 official, {status}"),
        Lang::En => format!("{rule}: {population} officials, {status}"),
        Lang::Vi => format!("{rule}: {population} cán bộ, {status}"),
    }
}

/// Above the units ranked: how many are shown of how many have officials overdue.
pub fn units_shown(shown: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Units with officials overdue: the {shown} with the most, of {all}."),
        Lang::Vi => format!(
            "{shown} cơ quan, đơn vị có nhiều cán bộ quá hạn nhất, trên tổng số {all} cơ quan, \
             đơn vị có cán bộ quá hạn."
        ),
    }
}

/// A unit's bar: its officials overdue.
pub fn overdue_count(n: u32, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{n} overdue"),
        Lang::Vi => format!("{n} cán bộ quá hạn"),
    }
}

/// Under a findings table cut at `--limit`: how many more, and where they all are.
pub fn more_findings(more: usize, limit: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "… and {more} more (the first {limit} are listed, --limit): every finding is in \
             the CSV, xlsx or JSON report (--format csv, xlsx or json)."
        ),
        Lang::Vi => format!(
            "… và {more} trường hợp nữa (chỉ liệt kê {limit} trường hợp đầu, --limit): mọi \
             trường hợp có trong báo cáo dạng CSV, xlsx hoặc JSON (--format csv, xlsx hoặc json)."
        ),
    }
}

/// The line above a trend: how many reports, from which as-of date to which.
pub fn trend_span(reports: usize, first: &str, last: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{reports} reports, as of {first} to {last}."),
        Lang::Vi => format!("{reports} báo cáo, tính đến các ngày từ {first} đến {last}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_nfc_and_translated() {
        let all = |w: &'static HtmlWords| -> Vec<&'static str> {
            let mut v = vec![
                w.contents,
                w.at_a_glance,
                w.as_of,
                w.plan,
                w.plan_file,
                w.inputs,
                w.roster,
                w.enrolments,
                w.rows,
                w.fingerprint,
                w.generated,
                w.met_targets,
                w.short_targets,
                w.at_risk_targets,
                w.other_targets,
                w.languages,
                w.languages_chart,
                w.appendix_01,
                w.deadlines,
                w.deadlines_chart,
                w.units,
                w.quotas,
                w.findings,
                w.resolved,
                w.target_line,
                w.ready,
                w.officials,
                w.year,
                w.total,
                w.no_overdue,
                w.no_quota,
                w.none_listed,
                w.trend_title,
                w.reports,
                w.report_file,
                w.trend_chart,
                w.required_line,
            ];
            v.extend(w.trend_headings);
            v.extend(w.trend_csv_header);
            v
        };
        let (en, vi) = (all(Lang::En.html()), all(Lang::Vi.html()));
        for (e, v) in en.iter().zip(&vi) {
            assert!(unicode_normalization::is_nfc(v), "{v}");
            assert_ne!(e, v, "not translated: {e}");
        }
        for lang in [Lang::En, Lang::Vi] {
            for s in [
                page_title("Kế hoạch 143", "30/09/2026", lang),
                share_bar("17.1", 22, 129, 25, 11, lang),
                more_findings(3, 200, lang),
                units_shown(2, 9, lang),
            ] {
                assert!(unicode_normalization::is_nfc(&s), "{s}");
            }
        }
    }
}
