//! What every rule kind shares: the context a rule reads, its target results and
//! findings, and `evaluate`; the types live beside the kinds' registry, whose
//! `Detail` a target result carries.

pub use crate::plan::kinds::shared::*;
