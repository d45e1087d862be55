//! Finding a few bytes in short text: 32 bytes compared at once with each byte looked
//! for (SSE2 on x86-64, by `wide`, without `unsafe`), the places read from the bits.
//!
//! A record is about 50 bytes and a cell a few dozen, with a byte looked for every
//! few bytes (delimiters, accented letters): shorter than `memchr` needs to pay for
//! its start, which it pays again after every byte found.

use wide::u8x32;

/// Bytes compared at once.
pub const BLOCK: usize = 32;

/// A bit for each byte of `block` that is one of `wanted`, the first byte's lowest.
pub fn marks<const N: usize>(block: &[u8; BLOCK], wanted: [u8; N]) -> u32 {
    let bytes = u8x32::new(*block);
    wanted.iter().fold(0, |marks, &byte| {
        marks | bytes.simd_eq(u8x32::splat(byte)).to_bitmask()
    })
}

/// A bit for each byte of `block` that may start a control character: a byte below
/// space, DEL, or the first byte of U+0080–U+00BF (where the C1 controls are).
pub fn controls(block: &[u8; BLOCK]) -> u32 {
    let bytes = u8x32::new(*block);
    let below_space = bytes.min(u8x32::splat(0x1f)).simd_eq(bytes);
    let del_or_c1 = bytes.simd_eq(u8x32::splat(0x7f)) | bytes.simd_eq(u8x32::splat(0xc2));
    (below_space | del_or_c1).to_bitmask()
}

/// Whether `data` may hold a control character (see [`controls`]): a yes or no made
/// on every row of an export, the exact search (by character) only after a yes.
pub fn has_controls(data: &[u8]) -> bool {
    let mut at = 0;
    while let Some((block, within)) = data.get(at..).and_then(block) {
        if controls(&block) & within != 0 {
            return true;
        }
        at += BLOCK;
    }
    false
}

/// The first block of `bytes`, filled out with zeros when fewer are left, and a bit
/// for each of its bytes that is one of `bytes`; `None` when `bytes` is empty.
pub fn block(bytes: &[u8]) -> Option<([u8; BLOCK], u32)> {
    if let Some(block) = bytes.first_chunk::<BLOCK>() {
        return Some((*block, u32::MAX));
    }
    if bytes.is_empty() {
        return None;
    }
    let mut last = [0; BLOCK];
    last[..bytes.len()].copy_from_slice(bytes);
    Some((last, u32::MAX >> (BLOCK - bytes.len())))
}

/// Where in `bytes` the bytes of `wanted` are, in order: a block at a time, the last
/// few bytes in a block of their own.
pub fn places<const N: usize>(bytes: &[u8], wanted: [u8; N]) -> Places<'_, N> {
    Places {
        bytes,
        wanted,
        next: 0,
        at: 0,
        found: 0,
    }
}

/// The iterator of [`places`].
pub struct Places<'a, const N: usize> {
    bytes: &'a [u8],
    wanted: [u8; N],
    /// Where the next block starts.
    next: usize,
    /// Where the block of `found` starts.
    at: usize,
    /// A bit for each byte of the block that is wanted and not yet given.
    found: u32,
}

impl<const N: usize> Iterator for Places<'_, N> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.found == 0 {
            let (block, within) = block(self.bytes.get(self.next..)?)?;
            self.found = marks(&block, self.wanted) & within;
            self.at = self.next;
            self.next += BLOCK;
        }
        let at = self.at + self.found.trailing_zeros() as usize;
        self.found &= self.found - 1;
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes that are often looked for, and any other.
    fn byte() -> impl proptest::strategy::Strategy<Value = u8> {
        proptest::prop_oneof![
            proptest::strategy::Just(b','),
            proptest::strategy::Just(b'"'),
            proptest::strategy::Just(b'\n'),
            proptest::strategy::Just(0xC3),
            proptest::strategy::Just(0),
            proptest::prelude::any::<u8>(),
        ]
    }

    #[test]
    fn finds_every_control_byte_at_every_place_and_nothing_else() {
        for len in [1, 7, 8, 9, 16, 23, 31, 32, 33, 64, 70] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut data = vec![b'a'; len];
                    data[at] = b;
                    let expected = b < 0x20 || b == 0x7f || b == 0xc2;
                    assert_eq!(has_controls(&data), expected, "{b:#x} at {at} of {len}");
                }
            }
        }
        assert!(!has_controls("Nguyễn Văn Ánh, Sở Nội vụ".as_bytes()));
        assert!(!has_controls(b""));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// A block's marks are the bytes looked for, each where it is, and nothing else.
        #[test]
        fn a_block_marks_the_bytes_looked_for_and_no_other(
            block in proptest::collection::vec(byte(), BLOCK),
            wanted in proptest::collection::vec(byte(), 3),
        ) {
            let wanted = [wanted[0], wanted[1], wanted[2]];
            let expected = (0..BLOCK)
                .filter(|&i| wanted.contains(&block[i]))
                .fold(0, |marks, i| marks | 1 << i);
            let block: [u8; BLOCK] = block.try_into().unwrap();
            proptest::prop_assert_eq!(marks(&block, wanted), expected);
        }

        /// The places found are those of the wanted bytes, every one, in order, whatever
        /// the length (blocks of 32 and the few bytes after them).
        #[test]
        fn places_are_those_of_every_wanted_byte_in_order(
            bytes in proptest::collection::vec(byte(), 0..100),
        ) {
            // 0 is wanted too: the last block is filled out with zeros that are not the text's
            let wanted = [0xC3, 0, b'"'];
            let expected: Vec<usize> = (0..bytes.len()).filter(|&i| wanted.contains(&bytes[i])).collect();
            proptest::prop_assert_eq!(places(&bytes, wanted).collect::<Vec<_>>(), expected);
        }
    }
}
