//! A scan of XML as it is unpacked, in bounded memory: its tags one by one, its
//! text only measured. Run over a part of a workbook before calamine reads it, so
//! that whatever calamine then buffers (a tag, a run of text, a whole part) has
//! already been measured against a limit, without keeping more than one tag.

use std::io::{self, Read};

/// The bounds of one part: all of it, one tag (or comment, declaration), one run
/// of text (a CDATA section counting as text).
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    pub part: u64,
    pub markup: usize,
    pub text: u64,
}

/// Why a scan stopped.
#[derive(Debug)]
pub enum Stop {
    /// The part is longer than its bound.
    Part,
    /// A tag longer than its bound.
    Markup,
    /// A run of text longer than its bound.
    Text,
    /// The part ends inside a tag.
    Truncated,
    /// The zip could not unpack it (a damaged entry, a wrong checksum).
    Read(io::Error),
}

/// What the scan found next.
#[derive(Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `<name attrs>`, or `<name attrs/>` when `empty`.
    Start {
        name: &'a [u8],
        attrs: &'a [u8],
        empty: bool,
    },
    /// `</name>`.
    End { name: &'a [u8] },
    /// Character data (or a CDATA section) of `len` bytes, not kept.
    Text { len: u64 },
}

impl Token<'_> {
    /// The name of a start or end tag without its namespace prefix, as calamine
    /// matches the parts of .xlsx.
    pub fn local(name: &[u8]) -> &[u8] {
        match name.iter().rposition(|&b| b == b':') {
            Some(at) => &name[at + 1..],
            None => name,
        }
    }
}

/// What kind of markup is being read after a `<`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Markup {
    /// Not yet known: `<!` may open a comment, a CDATA section or a declaration.
    Open,
    Tag {
        quote: Option<u8>,
    },
    Comment,
    Cdata,
    Instruction,
    Declaration {
        depth: u32,
        quote: Option<u8>,
    },
}

const CHUNK: usize = 64 << 10;

/// The scan of one part.
pub struct Scanner<R> {
    reader: R,
    bounds: Bounds,
    buf: Box<[u8]>,
    pos: usize,
    len: usize,
    /// Bytes taken from `reader` so far.
    read: u64,
    /// Bytes of the part consumed by the tokens returned so far.
    offset: u64,
    /// The tag being read (only tags are kept; comments and CDATA are counted).
    tag: Vec<u8>,
    /// The length of the markup being read, kept or not, and its last bytes.
    markup_len: usize,
    tail: [u8; 3],
    text: u64,
}

impl<R: Read> Scanner<R> {
    pub fn new(reader: R, bounds: Bounds) -> Scanner<R> {
        Scanner {
            reader,
            bounds,
            buf: vec![0; CHUNK].into_boxed_slice(),
            pos: 0,
            len: 0,
            read: 0,
            offset: 0,
            tag: Vec::new(),
            markup_len: 0,
            tail: [0; 3],
            text: 0,
        }
    }

    /// More bytes from the part; `false` at its end.
    fn fill(&mut self) -> Result<bool, Stop> {
        if self.pos < self.len {
            return Ok(true);
        }
        // one byte past the bound tells a part of exactly the bound from a longer one
        let room = (self.bounds.part + 1).saturating_sub(self.read);
        let want = usize::try_from(room).map_or(CHUNK, |room| room.min(CHUNK));
        if want == 0 {
            return Err(Stop::Part);
        }
        let n = loop {
            match self.reader.read(&mut self.buf[..want]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Stop::Read(e)),
            }
        };
        self.read += n as u64;
        if self.read > self.bounds.part {
            return Err(Stop::Part);
        }
        self.pos = 0;
        self.len = n;
        Ok(n > 0)
    }

    /// The next token and the bytes of the part up to its end, `None` at the end of
    /// the part.
    pub fn next(&mut self) -> Result<Option<(Token<'_>, u64)>, Stop> {
        loop {
            if !self.fill()? {
                if self.text > 0 {
                    let len = std::mem::take(&mut self.text);
                    self.offset += len;
                    return Ok(Some((Token::Text { len }, self.offset)));
                }
                return Ok(None);
            }
            let rest = &self.buf[self.pos..self.len];
            if rest[0] != b'<' {
                let n = memchr::memchr(b'<', rest).unwrap_or(rest.len());
                self.pos += n;
                self.text += n as u64;
                if self.text > self.bounds.text {
                    return Err(Stop::Text);
                }
                continue;
            }
            if self.text > 0 {
                let len = std::mem::take(&mut self.text);
                self.offset += len;
                return Ok(Some((Token::Text { len }, self.offset)));
            }
            let kind = self.markup()?;
            self.offset += self.markup_len as u64;
            match kind {
                Markup::Tag { .. } => return Ok(Some((self.tag_token(), self.offset))),
                Markup::Cdata => {
                    // `<![CDATA[` and `]]>`: what is left is text
                    let len = self.markup_len.saturating_sub(12) as u64;
                    return Ok(Some((Token::Text { len }, self.offset)));
                }
                _ => {}
            }
        }
    }

    /// Read one markup from its `<` to its end, keeping it in `tag` when it is a tag.
    fn markup(&mut self) -> Result<Markup, Stop> {
        self.tag.clear();
        self.markup_len = 0;
        self.tail = [0; 3];
        let mut kind = Markup::Open;
        loop {
            if !self.fill()? {
                return Err(Stop::Truncated);
            }
            while self.pos < self.len {
                let b = self.buf[self.pos];
                self.pos += 1;
                self.markup_len += 1;
                let limit = match kind {
                    Markup::Cdata => usize::try_from(self.bounds.text)
                        .unwrap_or(usize::MAX)
                        .saturating_add(12),
                    _ => self.bounds.markup,
                };
                if self.markup_len > limit {
                    return Err(match kind {
                        Markup::Cdata => Stop::Text,
                        _ => Stop::Markup,
                    });
                }
                self.tail = [self.tail[1], self.tail[2], b];
                if matches!(kind, Markup::Open | Markup::Tag { .. }) {
                    self.tag.push(b);
                }
                kind = match kind {
                    Markup::Open => match self.tag.as_slice() {
                        [b'<'] => Markup::Open,
                        [b'<', b'?'] => Markup::Instruction,
                        [b'<', b'!'] => Markup::Open,
                        [b'<', b'!', b'-'] => Markup::Open,
                        [b'<', b'!', b'-', b'-'] => Markup::Comment,
                        t if t.starts_with(b"<![") && b"<![CDATA[".starts_with(t) => {
                            if t.len() == 9 {
                                Markup::Cdata
                            } else {
                                Markup::Open
                            }
                        }
                        [b'<', b'!', ..] => {
                            // a declaration (`<!DOCTYPE`): up to its `>`, past any `[...]`
                            let done = b == b'>';
                            if done {
                                return Ok(Markup::Declaration {
                                    depth: 0,
                                    quote: None,
                                });
                            }
                            Markup::Declaration {
                                depth: u32::from(b == b'['),
                                quote: None,
                            }
                        }
                        _ => {
                            if b == b'>' {
                                return Ok(Markup::Tag { quote: None });
                            }
                            Markup::Tag {
                                quote: (b == b'"' || b == b'\'').then_some(b),
                            }
                        }
                    },
                    Markup::Tag { quote: Some(q) } => Markup::Tag {
                        quote: (b != q).then_some(q),
                    },
                    Markup::Tag { quote: None } => match b {
                        b'>' => return Ok(kind),
                        b'"' | b'\'' => Markup::Tag { quote: Some(b) },
                        _ => kind,
                    },
                    Markup::Comment if self.markup_len >= 7 && self.tail == *b"-->" => {
                        return Ok(kind);
                    }
                    Markup::Cdata if self.markup_len >= 12 && self.tail == *b"]]>" => {
                        return Ok(kind);
                    }
                    Markup::Instruction if self.markup_len >= 4 && self.tail[1..] == *b"?>" => {
                        return Ok(kind);
                    }
                    Markup::Declaration {
                        depth,
                        quote: Some(q),
                    } => Markup::Declaration {
                        depth,
                        quote: (b != q).then_some(q),
                    },
                    Markup::Declaration { depth, quote: None } => match b {
                        b'"' | b'\'' => Markup::Declaration {
                            depth,
                            quote: Some(b),
                        },
                        b'[' => Markup::Declaration {
                            depth: depth + 1,
                            quote: None,
                        },
                        b']' => Markup::Declaration {
                            depth: depth.saturating_sub(1),
                            quote: None,
                        },
                        b'>' if depth == 0 => return Ok(kind),
                        _ => kind,
                    },
                    other => other,
                };
            }
        }
    }

    /// The tag in `tag` (from `<` to `>`) as a token.
    fn tag_token(&self) -> Token<'_> {
        let inner = &self.tag[1..self.tag.len() - 1];
        if let Some(end) = inner.strip_prefix(b"/") {
            let name = end.split(|b| b.is_ascii_whitespace()).next().unwrap_or(end);
            return Token::End { name };
        }
        let (inner, empty) = match inner.strip_suffix(b"/") {
            Some(inner) => (inner, true),
            None => (inner, false),
        };
        let at = inner
            .iter()
            .position(|b| b.is_ascii_whitespace())
            .unwrap_or(inner.len());
        Token::Start {
            name: &inner[..at],
            attrs: &inner[at..],
            empty,
        }
    }
}

/// The attributes of a tag as calamine reads them: a key up to its `=`, a value
/// between quotes, no unescaping. Stops at the first one it cannot read, as calamine
/// does (it then refuses the tag).
pub fn attributes(raw: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < raw.len() && raw[pos].is_ascii_whitespace() {
            pos += 1;
        }
        if pos >= raw.len() {
            return None;
        }
        let key_start = pos;
        let eq = memchr::memchr(b'=', &raw[pos..])? + pos;
        let key = raw[key_start..eq].trim_ascii_end();
        pos = eq + 1;
        while pos < raw.len() && raw[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let quote = *raw.get(pos).filter(|&&q| q == b'"' || q == b'\'')?;
        pos += 1;
        let start = pos;
        let end = memchr::memchr(quote, &raw[pos..]).map_or(raw.len(), |n| n + pos);
        pos = (end + 1).min(raw.len());
        Some((key, &raw[start..end]))
    })
}

/// The value of attribute `key` (matched whole), and whether the tag gives it twice.
pub fn attribute<'a>(raw: &'a [u8], key: &[u8]) -> (Option<&'a [u8]>, bool) {
    let mut found = None;
    for (k, v) in attributes(raw) {
        if k == key {
            if found.is_some() {
                return (found, true);
            }
            found = Some(v);
        }
    }
    (found, false)
}

/// An attribute value with XML's escapes replaced, as calamine reads names and
/// targets; `None` for an escape it would refuse.
pub fn unescape(raw: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(raw).ok()?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';')?;
        let entity = &after[..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "apos" => '\'',
            "quot" => '"',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()?
                } else {
                    entity.strip_prefix('#')?.parse().ok()?
                };
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIDE: Bounds = Bounds {
        part: 1 << 20,
        markup: 1 << 10,
        text: 1 << 10,
    };

    fn tokens(xml: &str, bounds: Bounds) -> Result<Vec<String>, String> {
        let mut scan = Scanner::new(xml.as_bytes(), bounds);
        let mut out = Vec::new();
        loop {
            match scan.next() {
                Ok(Some((Token::Start { name, attrs, empty }, _))) => out.push(format!(
                    "<{}|{}|{empty}",
                    String::from_utf8_lossy(name),
                    String::from_utf8_lossy(attrs).trim()
                )),
                Ok(Some((Token::End { name }, _))) => {
                    out.push(format!("</{}", String::from_utf8_lossy(name)))
                }
                Ok(Some((Token::Text { len }, _))) => out.push(format!("text {len}")),
                Ok(None) => return Ok(out),
                Err(stop) => return Err(format!("{stop:?}")),
            }
        }
    }

    #[test]
    fn tags_come_whole_and_text_is_measured() {
        let xml = r#"<?xml version="1.0"?><!-- a <comment> --><a x="1>2" y='q'>hi<b/><![CDATA[<x>]]></a>"#;
        assert_eq!(
            tokens(xml, WIDE).unwrap(),
            vec![
                "<a|x=\"1>2\" y='q'|false",
                "text 2",
                "<b||true",
                "text 3",
                "</a"
            ]
        );
    }

    #[test]
    fn each_bound_stops_the_scan() {
        let bounds = |part, markup, text| Bounds { part, markup, text };
        let long_tag = format!("<a {}/>", "x".repeat(100));
        assert_eq!(
            tokens(&long_tag, bounds(1000, 50, 50)).unwrap_err(),
            "Markup"
        );
        let long_text = format!("<a>{}</a>", "x".repeat(100));
        assert_eq!(
            tokens(&long_text, bounds(1000, 50, 50)).unwrap_err(),
            "Text"
        );
        let cdata = format!("<a><![CDATA[{}]]></a>", "x".repeat(100));
        assert_eq!(tokens(&cdata, bounds(1000, 50, 50)).unwrap_err(), "Text");
        let comment = format!("<!--{}-->", "x".repeat(100));
        assert_eq!(
            tokens(&comment, bounds(1000, 50, 50)).unwrap_err(),
            "Markup"
        );
        assert_eq!(
            tokens(&long_text, bounds(100, 50, 500)).unwrap_err(),
            "Part"
        );
        assert!(tokens(&long_text, bounds(107, 50, 500)).is_ok());
        assert_eq!(tokens("<a x='1", WIDE).unwrap_err(), "Truncated");
    }

    #[test]
    fn attributes_read_as_calamine_reads_them() {
        let raw = br#" r="A1" s = '2' t="s" r="B1""#;
        let all: Vec<_> = attributes(raw).collect();
        assert_eq!(all.len(), 4);
        assert_eq!(attribute(raw, b"s"), (Some(&b"2"[..]), false));
        assert_eq!(attribute(raw, b"r"), (Some(&b"A1"[..]), true));
        assert_eq!(attribute(b" x=1 r=\"A1\"", b"r"), (None, false));
        assert_eq!(
            unescape(b"Danh s&#225;ch &amp; X").as_deref(),
            Some("Danh sách & X")
        );
        assert_eq!(unescape(b"&nope;"), None);
    }
}
