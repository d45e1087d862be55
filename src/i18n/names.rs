//! The names of coded values in both languages: a note, a quantity of a data
//! file, an input file, a heading of the manual, a legacy font encoding, the head
//! of an institution, whom a window applies to. Each is a fixed phrase with nothing to fill in;
//! sentences with numbers or names in them stay with the texts that use them.
//!
//! Every table is one exhaustive `match` written by [`names!`], so a value
//! without its name in both languages does not build.

use super::cli::Heading;
use crate::diag::problem::{InputFile, LegacyFont, Quantity};
use crate::diag::value::Reason;
use crate::lang::Lang;
use crate::model::HeadOf;
use crate::model::status::{Note, TargetNote};
use crate::plan::kinds::window::AppliesTo;

/// Writes, for each table, a method of [`Lang`] naming a value of its type
/// (`lang.note(Note::InProgress)`) from rows `Type::Value => "english",
/// "tiếng Việt";` (or `Type::Value => "name";`, a proper name the same in both),
/// as one exhaustive `match`; and, for the tests, every row.
macro_rules! names {
    (@vi $en:literal) => { $en };
    (@vi $en:literal, $vi:literal) => { $vi };
    (@translated) => { None };
    (@translated $vi:literal) => { Some($vi) };
    ($(
        $(#[$doc:meta])*
        $vis:vis fn $name:ident($ty:ty) {
            $($kind:ident :: $value:ident => $en:literal $(, $vi:literal)?;)+
        }
    )+) => {
        impl Lang {
            $(
                $(#[$doc])*
                $vis fn $name(self, value: $ty) -> &'static str {
                    match value {
                        $($kind::$value => match self {
                            Lang::En => $en,
                            Lang::Vi => names!(@vi $en $(, $vi)?),
                        },)+
                    }
                }
            )+
        }

        /// Every name of every table, in English and, where it is translated, in
        /// Vietnamese.
        #[cfg(test)]
        const EVERY_NAME: &[(&str, Option<&str>)] =
            &[$($(($en, names!(@translated $($vi)?)),)+)+];
    };
}

names! {
    /// What a finding notes.
    pub fn note(Note) {
        Note::InProgress => "enrolled, not yet completed", "đang học, chưa hoàn thành";
        Note::NoAppointedOn => "appointed_on is empty", "chưa có ngày bổ nhiệm";
        Note::NoCentralPlanApprovedOn => "central_plan_approved_on is empty", "chưa có ngày phê duyệt quy hoạch";
        Note::NoTitleLevel => "title_level is empty, so the required programme is unknown", "chưa có cấp chức danh nên chưa rõ chương trình phải học";
        Note::NoPlannedTitleLevel => "title_level is empty, so the planned title's programme is unknown", "chưa có cấp chức danh nên chưa rõ chương trình của chức danh quy hoạch";
        Note::BeyondCalendar => "the deadline is beyond the calendar", "hạn nằm ngoài lịch";
        Note::ReviewFirst => "review first: may already count", "xem xét trước: có thể đã đạt";
    }

    /// Why a target row stands where it does.
    pub fn target_note(TargetNote) {
        TargetNote::EmptyGroup => "nobody in the group: is the language_groups column empty?", "nhóm không có cán bộ đương chức nào: cột Nhóm ngoại ngữ có lẽ đang để trống";
        TargetNote::NobodyConcerned => "nobody in the roster is concerned", "danh sách không có cán bộ nào thuộc đối tượng";
        TargetNote::NoQuota => "no quota set for the year: counts for information", "chưa giao chỉ tiêu năm này: số liệu để tham khảo";
        TargetNote::BehindPace => "behind the pace of the year so far", "chậm so với tiến độ của năm";
        TargetNote::AboveRange => "above the plan's range a year", "vượt khoảng mỗi năm của Kế hoạch";
        TargetNote::CertificatesToReview => "certificates await manual review: achieved is a floor", "có chứng chỉ chờ xem xét: số đã đạt là mức tối thiểu";
    }

    /// A section's heading of the manual page, as manual pages write it: in capitals.
    pub fn heading(Heading) {
        Heading::Name => "NAME", "TÊN";
        Heading::Synopsis => "SYNOPSIS", "CÚ PHÁP";
        Heading::Description => "DESCRIPTION", "MÔ TẢ";
        Heading::Options => "OPTIONS", "TÙY CHỌN";
        Heading::Subcommands => "SUBCOMMANDS", "CÁC LỆNH";
        Heading::ExitStatus => "EXIT STATUS", "TRẠNG THÁI THOÁT";
        Heading::Environment => "ENVIRONMENT", "BIẾN MÔI TRƯỜNG";
        Heading::Examples => "EXAMPLES", "VÍ DỤ";
        Heading::Version => "VERSION", "PHIÊN BẢN";
    }

    /// What a number of a data file is.
    pub(super) fn quantity(Quantity) {
        Quantity::Year => "a year", "năm";
        Quantity::Quota => "a quota", "chỉ tiêu";
        Quantity::Total => "a total", "tổng chỉ tiêu";
        Quantity::Percentage => "a percentage", "tỷ lệ phần trăm";
        Quantity::Level => "a level", "bậc";
        Quantity::Months => "a number of months", "số tháng";
        Quantity::Number => "a number", "số lượng";
        Quantity::LanguageGroup => "a language group", "nhóm ngoại ngữ";
    }

    /// An input named by what it is and how it was given.
    pub(super) fn input_file(InputFile) {
        InputFile::Roster => "the roster (--roster)", "danh sách cán bộ (--roster)";
        InputFile::Enrolments => "the enrolments file (--enrolments)", "tệp danh sách đào tạo, bồi dưỡng (--enrolments)";
        InputFile::Plan => "the plan file (--plan)", "tệp kế hoạch (--plan)";
        InputFile::Levels => "the levels file (--levels)", "tệp bảng quy đổi chứng chỉ (--levels)";
        InputFile::Baseline => "the earlier report (--baseline)", "báo cáo kỳ trước (--baseline)";
        InputFile::OldReport => "the earlier report compared", "báo cáo cũ đang được so sánh";
        InputFile::NewReport => "the later report compared", "báo cáo mới đang được so sánh";
        InputFile::TrendReport => "a report of the trend", "một báo cáo đang được tổng hợp qua các quý";
    }

    /// Why a value is not allowed, after `is not allowed:`.
    pub(super) fn reason(Reason) {
        Reason::GroupsByComma => "groups are joined by | or a space, not a comma", "các nhóm nối bằng | hoặc dấu cách, không dùng dấu phẩy";
        // worded with the plan's groups by `no_such_group`
        Reason::NoSuchGroup => "there is no such group", "không có nhóm đó";
        Reason::ScoreWithoutName => "a certificate's score needs its name, e.g. \"IELTS 6.5\"", "điểm phải kèm tên chứng chỉ, ví dụ \"IELTS 6.5\"";
        Reason::ScoreOffScale => "the score is not one the certificate has", "chứng chỉ này không có mức điểm đó";
    }

    /// The heads of an institution, as the doctorate's DOC lists them after
    /// `The head` / `Người đứng đầu`.
    pub(super) fn head_of(HeadOf) {
        HeadOf::PoliticalSchool => "of the Provincial Political School", "Trường Chính trị tỉnh";
        HeadOf::College => "of each college", "các trường cao đẳng";
        HeadOf::Health => "of the health sector", "ngành Y tế";
        HeadOf::ScienceTechnology => "of science & technology", "Khoa học - Công nghệ";
    }

    /// One head of an institution, as the doctorate's example names them.
    pub(super) fn one_head(HeadOf) {
        HeadOf::PoliticalSchool => "the head of the Provincial Political School", "người đứng đầu Trường Chính trị tỉnh";
        HeadOf::College => "a college head", "người đứng đầu một trường cao đẳng";
        HeadOf::Health => "the head of the health sector", "người đứng đầu ngành Y tế";
        HeadOf::ScienceTechnology => "the head of science & technology", "người đứng đầu Khoa học - Công nghệ";
    }

    /// The legacy font encoding cells were typed in.
    pub(super) fn legacy_font(LegacyFont) {
        LegacyFont::Tcvn3 => "TCVN3 (ABC, fonts .VnTime…)", "TCVN3 (ABC, phông .VnTime…)";
        LegacyFont::Vni => "VNI (fonts VNI-Times…)", "VNI (phông VNI-Times…)";
        LegacyFont::Either => "TCVN3 (ABC) or VNI", "TCVN3 (ABC) hoặc VNI";
    }

    /// What to convert from, in Unikey's "Chuyển mã": the table of the font's
    /// encoding, named as Unikey names it.
    pub(super) fn convert_from(LegacyFont) {
        LegacyFont::Tcvn3 => "TCVN3";
        LegacyFont::Vni => "VNI Windows";
        LegacyFont::Either => "TCVN3 or VNI Windows, whichever reads right", "TCVN3 hoặc VNI Windows, bảng nào đọc đúng";
    }

    /// Whom a window applies to, as its DOC says it.
    pub(super) fn applies_to(AppliesTo) {
        AppliesTo::Incumbents => "every incumbent", "mọi cán bộ đương chức";
        AppliesTo::CentrallyPlannedIncumbents => "incumbents with central_plan_approved_on", "cán bộ đương chức có ngày phê duyệt quy hoạch";
        AppliesTo::DepartmentLeaders => "incumbents with department_leader yes", "cán bộ đương chức là lãnh đạo sở (cột Lãnh đạo sở là có)";
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::is_nfc;

    use super::EVERY_NAME;

    #[test]
    fn every_name_is_nfc_not_empty_and_translated_unless_a_proper_name() {
        for &(en, vi) in EVERY_NAME {
            for name in [Some(en), vi].into_iter().flatten() {
                assert!(is_nfc(name), "{name:?} is not NFC");
                assert!(!name.trim().is_empty(), "an empty name beside {en:?}");
            }
            // a proper name, the same in both, is written once
            assert_ne!(Some(en), vi, "not translated");
        }
    }
}
