//! A file without a byte order mark: UTF-8, or Windows' Vietnamese code page
//! (windows-1258), decided once from the start of the file (see the bad-input catalogue in docs/input.md).
//!
//! Excel's plain "CSV (Comma delimited)" save on a Vietnamese Windows writes the ANSI
//! code page, windows-1258, in which Vietnamese letters are a base letter followed by a
//! combining tone mark. Such a file is decoded with `encoding_rs` and normalised to NFC,
//! so that "Nguyễn" read from it is the "Nguyễn" of a UTF-8 file, and a warning says so.
//!
//! **How the choice is made.** A file is streamed (the enrolments can be 800 MB), so the
//! encoding is chosen once, from its first block: at least [`SNIFF_BYTES`], read on up to
//! [`MAX_SNIFF_BYTES`] while the block is all ASCII (ASCII reads alike in both). The block
//! is windows-1258 when it holds more invalid UTF-8 sequences than valid multi-byte ones
//! (Vietnamese in windows-1258 is practically never valid UTF-8), else UTF-8. The choice
//! is never revised: a file read as UTF-8 that has a bad byte further on (or one bad
//! byte among valid Vietnamese in its first block) gets an `encoding` error on the line
//! of that byte, and its row is rejected. Switching half-way would change how lines
//! already checked were read, and guessing per row would read the same name two ways.
//! The UTF-8 path is untouched: bytes pass through as before and are validated per
//! record (simdutf8).

use std::io::{self, Read};

use unicode_normalization::UnicodeNormalization;

/// The least of a file that the choice is made from.
pub const SNIFF_BYTES: usize = 64 << 10;
/// How far an all-ASCII start is read on to find a byte that tells.
pub const MAX_SNIFF_BYTES: usize = 1 << 20;

/// What the first block of a file says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Utf8,
    /// Not UTF-8: the physical line (1-based) of the first byte that is not.
    Windows1258 {
        first_line: u64,
    },
}

/// Choose the encoding of `block`, the start of a file; `complete` when it is the
/// whole file (a multi-byte sequence cut at its end is then invalid, not unfinished).
pub fn sniff(block: &[u8], complete: bool) -> Sniffed {
    let mut valid = 0usize;
    let mut invalid = 0usize;
    let mut first_bad = None;
    let mut at = 0;
    while at < block.len() {
        let rest = &block[at..];
        match simdutf8::compat::from_utf8(rest) {
            Ok(_) => {
                valid += lead_bytes(rest);
                break;
            }
            Err(e) => {
                valid += lead_bytes(&rest[..e.valid_up_to()]);
                let bad = at + e.valid_up_to();
                match e.error_len() {
                    Some(n) => {
                        invalid += 1;
                        first_bad.get_or_insert(bad);
                        at = bad + n;
                    }
                    None => {
                        if complete {
                            invalid += 1;
                            first_bad.get_or_insert(bad);
                        }
                        break;
                    }
                }
            }
        }
    }
    match first_bad {
        Some(bad) if invalid > valid => Sniffed::Windows1258 {
            first_line: line_of(block, bad),
        },
        _ => Sniffed::Utf8,
    }
}

/// How many of `bytes` lead a sequence of two bytes or more in UTF-8 (0xC0 and up:
/// the top two bits set), eight bytes at a time: a province's files are read whole
/// for the sniff, and a byte loop cost more than the rest of it.
fn lead_bytes(bytes: &[u8]) -> usize {
    let (words, rest) = bytes.as_chunks::<8>();
    // bit 7 of each byte, and bit 6 shifted up beside it
    let top_two = |w: u64| (w & (w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    let whole: usize = words.iter().map(|w| top_two(u64::from_ne_bytes(*w))).sum();
    whole + rest.iter().filter(|&&b| b >= 0xC0).count()
}

/// The physical line of byte `at`: `\n`, `\r\n` and a lone `\r` each end one.
fn line_of(bytes: &[u8], at: usize) -> u64 {
    let before = &bytes[..at.min(bytes.len())];
    let mut line = 1;
    for (i, &b) in before.iter().enumerate() {
        let crlf = b == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        if b == b'\n' || (b == b'\r' && !crlf) {
            line += 1;
        }
    }
    line
}

/// Read the start of `src` for [`sniff`]: [`SNIFF_BYTES`], or on up to
/// [`MAX_SNIFF_BYTES`] while it is ASCII. Returns the bytes and whether they are all.
pub fn read_head(src: &mut impl Read) -> io::Result<(Vec<u8>, bool)> {
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut ascii_up_to = 0;
    loop {
        let wanted = if head.len() < SNIFF_BYTES {
            SNIFF_BYTES - head.len()
        } else if head[ascii_up_to..].is_ascii() && head.len() < MAX_SNIFF_BYTES {
            ascii_up_to = head.len();
            SNIFF_BYTES.min(MAX_SNIFF_BYTES - head.len())
        } else {
            return Ok((head, false));
        };
        let before = head.len();
        match src.take(wanted as u64).read_to_end(&mut head) {
            Ok(0) => return Ok((head, true)),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted && head.len() > before => {}
            Err(e) => return Err(e),
        }
    }
}

/// A windows-1258 byte stream as NFC UTF-8.
pub struct Windows1258<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    /// Decoded text not yet normalised: it may end in a letter whose tone mark comes next.
    pending: String,
    /// Normalised text not yet handed out, from `out_at` on.
    out: Vec<u8>,
    out_at: usize,
    done: bool,
}

/// Bytes read from the file at a time.
const CHUNK: usize = 64 << 10;
/// Text held back for the marks that may follow it, at most (a line without a single
/// ASCII character is hostile input; it is normalised in pieces).
const MAX_PENDING: usize = 1 << 20;

impl<R: Read> Windows1258<R> {
    pub fn new(inner: R) -> Self {
        Windows1258 {
            inner,
            decoder: encoding_rs::WINDOWS_1258.new_decoder_without_bom_handling(),
            raw: vec![0; CHUNK],
            pending: String::new(),
            out: Vec::new(),
            out_at: 0,
            done: false,
        }
    }

    /// Decode the next chunk and normalise what can be.
    fn refill(&mut self) -> io::Result<()> {
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let last = n == 0;
        let room = self
            .decoder
            .max_utf8_buffer_length(n)
            .unwrap_or(n.saturating_mul(3));
        self.pending.reserve(room);
        // windows-1258 maps every byte: nothing is replaced
        let _ = self
            .decoder
            .decode_to_string(&self.raw[..n], &mut self.pending, last);
        // NFC never composes across an ASCII character (a starter that is no part of
        // any composition), so the text up to the last one is final.
        let split = if last || self.pending.len() > MAX_PENDING {
            self.pending.len()
        } else {
            self.pending
                .bytes()
                .rposition(|b| b.is_ascii())
                .unwrap_or(0)
        };
        self.out.clear();
        self.out_at = 0;
        self.out
            .extend(self.pending[..split].nfc().collect::<String>().bytes());
        self.pending.drain(..split);
        self.done = last;
        Ok(())
    }
}

impl<R: Read> Read for Windows1258<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.out_at == self.out.len() {
            if self.done {
                return Ok(0);
            }
            self.refill()?;
        }
        let n = buf.len().min(self.out.len() - self.out_at);
        buf[..n].copy_from_slice(&self.out[self.out_at..self.out_at + n]);
        self.out_at += n;
        Ok(n)
    }
}

/// `text` as Windows writes it in windows-1258: a letter the code page has (`â`,
/// `ơ`, `á`) as it is, any other as such a letter followed by a combining tone
/// mark; `None` when a letter has no windows-1258 spelling. For tests (the unit
/// tests here and tests/encodings.rs): the checker only ever decodes.
#[doc(hidden)]
pub fn encode_windows_1258(text: &str) -> Option<Vec<u8>> {
    let tone = |c: &char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut out = Vec::new();
    for c in text.nfc() {
        let mut one = [0; 4];
        let one: &str = c.encode_utf8(&mut one);
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(one);
        if !unmappable {
            out.extend_from_slice(&bytes);
            continue;
        }
        let base: String = std::iter::once(c)
            .nfd()
            .filter(|c| !tone(c))
            .nfc()
            .collect();
        let marks: String = std::iter::once(c).nfd().filter(tone).collect();
        let split = base + &marks;
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
        if unmappable {
            return None;
        }
        out.extend_from_slice(&bytes);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp1258(text: &str) -> Vec<u8> {
        encode_windows_1258(text).unwrap()
    }

    fn decode(bytes: &[u8], chunk: usize) -> String {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(self.1);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut text = String::new();
        Windows1258::new(Trickle(bytes, chunk))
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn windows_1258_is_decoded_to_nfc_whatever_the_chunks() {
        let text = "id,full_name\r\nX01,Nguyễn Văn Hùng\r\nX02,Trần Thị Ánh Tuyết\r\n";
        let bytes = cp1258(text);
        assert_ne!(bytes.len(), text.len());
        for chunk in [1, 2, 3, 7, 64, 1 << 16] {
            assert_eq!(decode(&bytes, chunk), text, "chunks of {chunk}");
        }
    }

    proptest::proptest! {
        /// Read in chunks of any size, any bytes come out as the NFC of their decoding.
        #[test]
        fn streamed_decoding_is_the_nfc_of_the_whole(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
            chunk in 1usize..40,
        ) {
            let (whole, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(&bytes);
            let whole: String = whole.nfc().collect();
            proptest::prop_assert_eq!(decode(&bytes, chunk), whole);
        }

        /// Counted eight at a time, the lead bytes are those counted one by one.
        #[test]
        fn lead_bytes_are_those_of_0xc0_and_up(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..100),
        ) {
            let one_by_one = bytes.iter().filter(|&&b| b >= 0xC0).count();
            proptest::prop_assert_eq!(lead_bytes(&bytes), one_by_one);
        }
    }

    #[test]
    fn every_byte_value_leads_or_not_wherever_it_stands_in_a_word() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 11];
                bytes[at] = b;
                assert_eq!(lead_bytes(&bytes), usize::from(b >= 0xC0), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn vietnamese_in_windows_1258_is_not_taken_for_utf8() {
        let bytes = cp1258("id,full_name\nX01,Nguyễn Văn An\nX02,Đỗ Thị Ơn\n");
        assert_eq!(sniff(&bytes, true), Sniffed::Windows1258 { first_line: 2 });
        assert_eq!(
            sniff(&cp1258("id\r\nA\r\rĐỗ\n"), true),
            Sniffed::Windows1258 { first_line: 4 }
        );
    }

    #[test]
    fn utf8_with_a_few_bad_bytes_stays_utf8() {
        let mut bytes = "id,full_name\nX01,Nguyễn Văn An\nX02,Trần B"
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        bytes.extend("nh\nX03,Lê Hà\n".as_bytes());
        assert_eq!(sniff(&bytes, true), Sniffed::Utf8);
        assert_eq!(sniff(b"plain ascii", true), Sniffed::Utf8);
        assert_eq!(sniff(b"", true), Sniffed::Utf8);
        // a sequence cut by the end of the block is not held against it
        assert_eq!(sniff(&"Hà Nội".as_bytes()[..7], false), Sniffed::Utf8);
        assert_eq!(
            sniff(&[b'a', 0xE1], true),
            Sniffed::Windows1258 { first_line: 1 }
        );
    }

    #[test]
    fn an_ascii_start_is_read_on_until_a_byte_tells() {
        let mut bytes = vec![b'a'; SNIFF_BYTES * 3];
        bytes.push(0xEA);
        bytes.extend(vec![b'b'; SNIFF_BYTES * 3]);
        let (head, all) = read_head(&mut &bytes[..]).unwrap();
        assert!(!all);
        assert_eq!(head.len(), SNIFF_BYTES * 4);
        let (head, all) = read_head(&mut &b"short"[..]).unwrap();
        assert_eq!((head.as_slice(), all), (&b"short"[..], true));
        let long = vec![b'a'; MAX_SNIFF_BYTES * 2];
        assert_eq!(read_head(&mut &long[..]).unwrap().0.len(), MAX_SNIFF_BYTES);
    }
}
