//! The findings of a report, and the order they are listed in.

use super::*;

/// The findings in report order: by rule as the plan lists them, most urgent first,
/// then by id. Each is read out of the roster only when it is rendered.
#[derive(Clone, Debug)]
pub struct Findings<'a> {
    roster: &'a Roster,
    /// The plan's targets: a finding's rule and clause are its target's.
    targets: &'a [Target],
    list: Vec<Finding>,
    /// Per finding, with a baseline; empty without one.
    marks: Vec<Mark>,
}

impl<'a> Findings<'a> {
    /// Put the findings of `list` that `listed` lists in report order. An
    /// evaluation made for the same `listed` holds no other (a national roll-up
    /// leaves out 1.5 million, counted as they were found); any other is let go
    /// here, not sorted.
    pub(super) fn new(
        plan: &'a Plan,
        roster: &'a Roster,
        mut list: Vec<Finding>,
        listed: Shown,
    ) -> Findings<'a> {
        if !listed.is_all() {
            list.retain(|f| listed.lists(f.severity));
        }
        // Each target's rule by its place among the plan's rule ids: the findings of
        // the targets of one rule go together.
        let rules = plan.rule_ids();
        let rule_rank: Vec<u32> = plan
            .targets
            .iter()
            .map(|t| {
                let rank = rules.iter().position(|r| *r == t.rule);
                rank.map_or(u32::MAX, |r| u32::try_from(r).unwrap_or(u32::MAX))
            })
            .collect();
        let rank = |f: &Finding| {
            rule_rank
                .get(f.target as usize)
                .copied()
                .unwrap_or(u32::MAX)
        };
        // A stable sort on (rule, urgency, id): ids are compared as their rank in the
        // roster sorted by id, worked out once rather than per comparison, and not at
        // all when there is nothing to order (`--findings none` at national scale).
        let id_rank = if list.len() > 1 {
            roster.id_ranks()
        } else {
            Vec::new()
        };
        let id_of = |f: &Finding| {
            id_rank
                .get(f.official as usize)
                .copied()
                .unwrap_or(u32::MAX)
        };
        sort_findings(&mut list, rank, id_of);
        Findings {
            roster,
            targets: &plan.targets,
            list,
            marks: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The findings from `start`, up to `n` of them.
    pub fn range(&self, start: usize, n: usize) -> impl Iterator<Item = FindingRow<'_>> {
        let end = start.saturating_add(n).min(self.list.len());
        (start.min(end)..end).filter_map(|i| self.row(i))
    }

    /// Every finding with the official's details, its note and message not yet
    /// worded (see `FindingRow::note`).
    pub fn iter(&self) -> impl Iterator<Item = FindingRow<'_>> {
        self.range(0, self.list.len())
    }

    /// What tells each finding from the others across reports, and how bad it is:
    /// what a comparison with a baseline reads, without the rest of the row.
    pub fn keys(&self) -> impl Iterator<Item = (Fingerprint<'_>, Severity)> {
        self.list.iter().map(|f| {
            let fingerprint = Fingerprint {
                rule: self.target(f).map_or("", |t| &t.rule),
                id: self.roster.id(f.official).unwrap_or(""),
                program: f.program,
            };
            (fingerprint, f.severity)
        })
    }

    /// Mark each finding against a baseline, in report order.
    pub fn mark(&mut self, marks: Vec<Mark>) {
        self.marks = marks;
    }

    /// Keep the findings `shown` lists, in their order, with their marks.
    pub(super) fn keep(&mut self, shown: Shown) {
        if shown.is_all() {
            return;
        }
        if !self.marks.is_empty() {
            let list = std::mem::take(&mut self.list);
            let marks = std::mem::take(&mut self.marks);
            (self.list, self.marks) = list
                .into_iter()
                .zip(marks)
                .filter(|(f, _)| shown.lists(f.severity))
                .unzip();
        } else {
            self.list.retain(|f| shown.lists(f.severity));
        }
    }

    /// The target a finding is of.
    fn target(&self, f: &Finding) -> Option<&'a Target> {
        self.targets.get(f.target as usize)
    }

    fn row(&self, i: usize) -> Option<FindingRow<'_>> {
        let f = self.list.get(i)?;
        let target = self.target(f)?;
        let o = self.roster.get(f.official)?;
        let names = self.roster.names(f.official)?;
        let mark = self.marks.get(i).copied().unwrap_or_default();
        Some(FindingRow {
            rule: Cow::Borrowed(&target.rule),
            clause: Cow::Borrowed(&target.clause),
            id: Cow::Borrowed(names.id),
            full_name: Cow::Borrowed(names.full_name),
            unit: Cow::Borrowed(names.unit),
            title: Cow::Borrowed(names.title),
            status: f.status,
            severity: f.severity,
            change: mark.change,
            previous_status: mark.previous_status,
            program: f.program,
            anchor: f.anchor,
            deadline: f.deadline,
            days_overdue: f.days_overdue.map(i64::from),
            days_left: f.days_left.map(i64::from),
            days_late: f.days_late.map(i64::from),
            completed_on: f.completed_on,
            note_code: f.note,
            note: None,
            message: Cow::Borrowed(""),
            line: o.line,
        })
    }
}

/// Put `list` in the order of (rule rank, urgency, id rank), keeping the order of
/// findings equal in all three (a stable sort). One integer per finding orders them,
/// with its place as the last tie-break; the findings are then moved into that
/// order in place, as `sort_by_cached_key` moves them (a third faster than it at
/// 1.5 million findings).
fn sort_findings(
    list: &mut [Finding],
    rank: impl Fn(&Finding) -> u32,
    id_of: impl Fn(&Finding) -> u32,
) {
    let key = |(i, f): (usize, &Finding)| {
        let (class, days) = urgency(f);
        // days are u32 counts, negated or not: 2^40 above them is positive and
        // below 2^48, clear of the class
        let days =
            u128::from(u64::try_from(days.saturating_add(1 << 40)).unwrap_or(0) & ((1 << 48) - 1));
        let order =
            u128::from(rank(f)) << 96 | u128::from(class) << 88 | days << 32 | u128::from(id_of(f));
        (order, i)
    };
    let mut order: Vec<(u128, usize)> = list.iter().enumerate().map(key).collect();
    order.sort_unstable();
    for i in 0..order.len() {
        let mut from = order[i].1;
        while from < i {
            from = order[from].1;
        }
        order[i].1 = from;
        list.swap(i, from);
    }
}

/// Most urgent first: overdue (longest first), due soon (soonest first), missing
/// data, not ready, late (latest first).
fn urgency(f: &Finding) -> (u8, i64) {
    let days = |d: Option<u32>| i64::from(d.unwrap_or(0));
    match f.status {
        PersonStatus::Overdue => (0, -days(f.days_overdue)),
        PersonStatus::DueSoon => (1, days(f.days_left)),
        PersonStatus::MissingData => (2, 0),
        PersonStatus::NotReady => (3, 0),
        PersonStatus::Late => (4, -days(f.days_late)),
        PersonStatus::Done | PersonStatus::Open => (5, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The order of one integer per finding is the order of (rule, urgency, id),
        /// stable, whatever the days: none, 0, or as many as a u32 holds.
        #[test]
        fn findings_sort_as_by_rule_urgency_and_id(rows in proptest::collection::vec(
            (0u32..4, 0u32..6, 0u32..5, proptest::prop_oneof![
                proptest::strategy::Just(None),
                proptest::strategy::Just(Some(0u32)),
                proptest::strategy::Just(Some(u32::MAX)),
                (0u32..400).prop_map(Some),
            ]),
            0..200,
        )) {
            let statuses = [
                PersonStatus::Overdue,
                PersonStatus::DueSoon,
                PersonStatus::MissingData,
                PersonStatus::NotReady,
                PersonStatus::Late,
                PersonStatus::Done,
            ];
            let list: Vec<Finding> = rows
                .iter()
                .enumerate()
                .map(|(n, &(target, status, official, days))| Finding {
                    days_overdue: days,
                    days_left: days,
                    days_late: days,
                    // the place in the list, to tell equal findings apart
                    anchor: NaiveDate::from_num_days_from_ce_opt(n as i32 + 1),
                    ..Finding::new(target, official, statuses[status as usize], Severity::Warning)
                })
                .collect();
            let rank = |f: &Finding| [2, 0, u32::MAX, 1][f.target as usize];
            let id_of = |f: &Finding| 4 - f.official;
            let mut expected = list.clone();
            expected.sort_by_key(|f| (rank(f), urgency(f), id_of(f)));
            let mut sorted = list;
            sort_findings(&mut sorted, rank, id_of);
            proptest::prop_assert_eq!(sorted, expected);
        }
    }
}
