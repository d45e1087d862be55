//! The container and records of an .xls measured before calamine reads it whole.

use super::Refused;

/// The first bytes of a compound file (the container of .xls, and of encrypted .xlsx).
pub(super) const SIGNATURE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

pub(super) fn check(bytes: &[u8]) -> Result<(), Refused> {
    check_container(bytes)
}

pub(super) fn check_container(_bytes: &[u8]) -> Result<(), Refused> {
    Ok(())
}
