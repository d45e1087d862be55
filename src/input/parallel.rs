//! Both files at once, on two threads.
//!
//! The enrolments need the roster's ids, yet waiting for the roster would leave a core
//! idle for half the run. So the enrolments are read beside the roster with each id
//! numbered in the order it appears ([`Officials::Numbered`]): rows are checked,
//! identical rows found and the training facts folded per number. Once both are read,
//! every number is joined to its official by id.
//!
//! That is what reading in order gives whenever every enrolment id is an official of
//! the roster, as in any export that can be checked: the problems of the roster come
//! first, then those of the enrolments, each in line order. Otherwise (an unknown id,
//! an id whose roster row was rejected, a roster that could not be read) the
//! enrolments are read again against the roster, as [`super::load_in_order`] does, so
//! that unknown ids are reported where they are, and the rows of rejected officials
//! left out. Those runs stop with exit code 2 anyway.

use std::thread;

use crate::diag::Diagnostics;
use crate::history::{History, NONE};
use crate::ids::Ids;
use crate::input::enrolments::{self, Officials};
use crate::input::{LoadOptions, Loaded, enrolments_of, roster};
use crate::model::Roster;

pub fn load(
    options: &LoadOptions,
    first_year: i32,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Loaded>> {
    let (roster, roster_diags, numbered) = thread::scope(|scope| {
        let numbered = scope.spawn(|| {
            let mut diags = Diagnostics::default();
            // a national file has about 5 rows of 54 bytes per official
            let bytes = std::fs::metadata(&options.enrolments).map_or(0, |m| m.len() as usize);
            let mut ids = Ids::with_capacity(bytes / 270, bytes / 27);
            let mut history = History::by_slot(first_year);
            let read = enrolments::stream_enrolments(
                options,
                Officials::Numbered(&mut ids),
                &mut diags,
                |e| history.record(e),
            );
            (read, diags, ids, history)
        });
        let mut roster_diags = Diagnostics::default();
        let roster = roster::load_roster(options, &mut roster_diags);
        let numbered = numbered
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (roster, roster_diags, numbered)
    });
    let roster = roster?;
    diags.extend(roster_diags);
    // Read again, the enrolments are not counted again: a progress bar already
    // stands at the end of both files.
    let again = LoadOptions {
        on_read: None,
        ..options.clone()
    };
    let (read, enrolment_diags, ids, mut history) = numbered;
    let (roster, read) = match (roster, read?) {
        (Some(roster), Some(read)) => (roster, read),
        (None, Some(_)) => {
            // the roster could not be read: ids are not checked, no row is taken
            return enrolments_of(&again, None, first_year, diags);
        }
        (_, None) => {
            diags.extend(enrolment_diags);
            return Ok(None);
        }
    };
    let Some(slots) = join(&roster.roster, &ids) else {
        return enrolments_of(&again, Some(roster), first_year, diags);
    };
    history.assign(slots);
    diags.extend(enrolment_diags);
    Ok(Some(Loaded {
        files: vec![roster.summary, read.summary],
        roster: roster.roster,
        history,
        enrolments_of_rejected: 0,
    }))
}

/// Per official of the roster, the slot its id was numbered with (`NONE`: no
/// enrolment); `None` when an id is not an official's.
fn join(roster: &Roster, ids: &Ids) -> Option<Vec<u32>> {
    /// How far ahead in the roster an id is looked for before it is looked up.
    const AHEAD: u32 = 8;
    let mut slots = vec![NONE; roster.len()];
    // Enrolments usually come in the roster's order, skipping officials without
    // any: then the next official or one a little further on has the id.
    let mut next: u32 = 0;
    for (slot, id) in (0..).zip(ids.iter()) {
        let ahead = (next..next.saturating_add(AHEAD)).find(|&i| roster.id(i) == Some(id));
        let official = match ahead {
            Some(official) => official,
            None => roster.find(id)?,
        };
        slots[official as usize] = slot;
        next = official + 1;
    }
    Some(slots)
}
