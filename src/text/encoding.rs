//! Bytes to text: the one place where a file's bytes become the text every
//! reader sees, for the CLI, the npm package and the teacher app alike.
//!
//! A Thai teacher's file comes as UTF-8 (with or without the byte-order mark
//! Excel writes), as UTF-16 (Excel's "Unicode text", always with a BOM), or as
//! Windows-874/TIS-620, the code page of Thai Windows that Excel still uses for
//! plain "CSV". [`decode`] reads all of them and says which it was; anything
//! else is refused with where the first byte that could not be read sits:
//!
//! - `binary_input`: a NUL byte, or control characters making up more than a
//!   tenth of the text — a picture, an `.xlsx`, a PDF, UTF-16 without its BOM;
//! - `invalid_encoding`: bytes that are neither UTF-8 nor plausible
//!   Windows-874, such as UTF-8 broken in one place or a Latin-1 file.
//!
//! Windows-874 is never guessed from one odd byte. Bytes are read as
//! Windows-874 only when they are not UTF-8 and look like Thai text in it:
//! every byte ≥ 0x80 is a Thai character or one of the code page's
//! punctuation marks (the C1 controls and the eight unassigned bytes never
//! are), Thai characters are at least nine in ten of those bytes and
//! consonants one in three, almost every vowel or tone mark follows a Thai
//! consonant, at most one run of such bytes in four is a one- or two-byte run
//! glued to a Latin letter (as Latin-1's `ñ` in `España` is), and the bytes
//! are not mostly well-formed UTF-8 sequences. One exception: a short line of Thai in
//! Windows-874 can be well-formed UTF-8 by chance ("แปด" is the UTF-8 of "Ỵ"), so UTF-8
//! with no Thai letter whose bytes pass those tests is read as Windows-874. Its decoding
//! follows the WHATWG Encoding Standard's `index-windows-874`.

use serde::Serialize;

use super::chars::is_combining_mark;
use crate::error::{Error, ErrorKind, Location, Result};

/// The encodings [`decode`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Windows-874, a superset of TIS-620 (ISO 8859-11) with a few punctuation marks.
    Windows874,
}

impl Encoding {
    /// The WHATWG name: `utf-8`, `utf-16le`, `utf-16be` or `windows-874`.
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows874 => "windows-874",
        }
    }

    /// Reads a name (`utf-8`, `utf8`, `utf-16le`, `utf-16be`, `windows-874`,
    /// `tis-620`, `cp874`, …), case-insensitively.
    pub fn parse(name: &str) -> Result<Encoding> {
        match name.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "utf-16le" | "utf-16" => Ok(Encoding::Utf16Le),
            "utf-16be" => Ok(Encoding::Utf16Be),
            "windows-874" | "tis-620" | "tis620" | "cp874" | "iso-8859-11" | "dos-874" => {
                Ok(Encoding::Windows874)
            }
            _ => Err(Error::new(
                ErrorKind::InvalidArgument,
                format!("unknown encoding \"{name}\": expected utf-8, utf-16le, utf-16be or windows-874"),
                format!("ไม่รู้จักการเข้ารหัส \"{name}\": ต้องเป็น utf-8, utf-16le, utf-16be หรือ windows-874"),
            )),
        }
    }
}

impl Serialize for Encoding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Text read from bytes, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decoded {
    /// The text, without its byte-order mark.
    pub text: String,
    pub encoding: Encoding,
    /// Whether the bytes started with a byte-order mark (it is not in `text`).
    pub bom: bool,
    /// What a person should be told about how the file was read (`None` for UTF-8).
    pub notice: Option<Notice>,
}

/// A note to show beside what was read: not a problem, but not to be silent about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// A stable code: `read_as_windows_874` or `read_as_utf_16`.
    pub code: &'static str,
    pub message_en: String,
    pub message_th: String,
}

/// Reads `bytes` as text, detecting the encoding (see the module documentation).
/// `source` (a file name) is put into errors and notices.
pub fn decode(bytes: &[u8], source: Option<&str>) -> Result<Decoded> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(body, 3, true, source);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(body, 2, Encoding::Utf16Le, true, source);
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(body, 2, Encoding::Utf16Be, true, source);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if is_windows_874_by_chance_utf8(text, bytes) {
            return windows_874(bytes, source);
        }
        return utf8(bytes, 0, false, source);
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(binary(bytes, at, source));
    }
    if looks_like_windows_874(bytes) {
        return windows_874(bytes, source);
    }
    let at = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let what = if utf8_dominates(bytes) {
        (
            "is UTF-8 text with a byte that is not UTF-8".to_string(),
            "เป็นข้อความ UTF-8 ที่มีไบต์ที่ไม่ใช่ UTF-8".to_string(),
        )
    } else {
        (
            "is neither UTF-8 nor Thai Windows-874 (TIS-620) text".to_string(),
            "ไม่ใช่ข้อความ UTF-8 หรือ Windows-874 (TIS-620) ภาษาไทย".to_string(),
        )
    };
    Err(located(
        ErrorKind::InvalidEncoding,
        bytes,
        at,
        0,
        source,
        &what.0,
        &what.1,
        "save it as \"CSV UTF-8\" or UTF-8 text and open it again",
        "ให้บันทึกเป็น \"CSV UTF-8\" หรือข้อความ UTF-8 แล้วเปิดอีกครั้ง",
    ))
}

/// Reads `bytes` in the given encoding, not detecting it (a BOM of that encoding is still
/// stripped). Bytes that encoding cannot read are an `invalid_encoding` error, located.
pub fn decode_as(bytes: &[u8], encoding: Encoding, source: Option<&str>) -> Result<Decoded> {
    match encoding {
        Encoding::Utf8 => match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(body) => utf8(body, 3, true, source),
            None => utf8(bytes, 0, false, source),
        },
        Encoding::Utf16Le | Encoding::Utf16Be => {
            let bom: &[u8] = if encoding == Encoding::Utf16Le {
                b"\xFF\xFE"
            } else {
                b"\xFE\xFF"
            };
            match bytes.strip_prefix(bom) {
                Some(body) => utf16(body, 2, encoding, true, source),
                None => utf16(bytes, 0, encoding, false, source),
            }
        }
        Encoding::Windows874 => match bytes.iter().position(|&b| windows_874_char(b).is_none()) {
            Some(at) => Err(located(
                ErrorKind::InvalidEncoding,
                bytes,
                at,
                0,
                source,
                &format!(
                    "has byte 0x{:02X}, which Windows-874 does not assign",
                    bytes[at]
                ),
                &format!("มีไบต์ 0x{:02X} ซึ่ง Windows-874 ไม่ได้กำหนดอักขระไว้", bytes[at]),
                "check the encoding the file was saved in",
                "ตรวจสอบการเข้ารหัสที่ใช้บันทึกไฟล์",
            )),
            None => windows_874(bytes, source),
        },
    }
}

/// The character Windows-874 gives byte `b` (WHATWG `index-windows-874`; bytes below
/// 0x80 are ASCII), or `None` for the eight bytes it leaves unassigned
/// (0xDB–0xDE, 0xFC–0xFF).
pub fn windows_874_char(b: u8) -> Option<char> {
    let c = match b {
        0x00..=0x7F => u32::from(b),
        0x80 => 0x20AC,
        0x85 => 0x2026,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        // The C1 controls and the no-break space keep their code points.
        0x81..=0xA0 => u32::from(b),
        // TIS-620: ก (U+0E01) … ฺ (U+0E3A), then ฿ (U+0E3F) … ๛ (U+0E5B).
        0xA1..=0xDA | 0xDF..=0xFB => u32::from(b) - 0xA0 + 0x0E00,
        0xDB..=0xDE | 0xFC..=0xFF => return None,
    };
    char::from_u32(c)
}

fn utf8(body: &[u8], offset: usize, bom: bool, source: Option<&str>) -> Result<Decoded> {
    match std::str::from_utf8(body) {
        Ok(text) => finish(text.to_string(), Encoding::Utf8, bom, offset, source),
        Err(e) => Err(located(
            ErrorKind::InvalidEncoding,
            body,
            e.valid_up_to(),
            offset,
            source,
            "is UTF-8 text with a byte that is not UTF-8",
            "เป็นข้อความ UTF-8 ที่มีไบต์ที่ไม่ใช่ UTF-8",
            "save it as \"CSV UTF-8\" or UTF-8 text and open it again",
            "ให้บันทึกเป็น \"CSV UTF-8\" หรือข้อความ UTF-8 แล้วเปิดอีกครั้ง",
        )),
    }
}

fn utf16(
    body: &[u8],
    offset: usize,
    encoding: Encoding,
    bom: bool,
    source: Option<&str>,
) -> Result<Decoded> {
    let units = body.chunks(2).map(|pair| match (pair, encoding) {
        ([a, b], Encoding::Utf16Le) => Some(u16::from_le_bytes([*a, *b])),
        ([a, b], _) => Some(u16::from_be_bytes([*a, *b])),
        _ => None,
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut at = 0;
    let mut units = units.peekable();
    while let Some(unit) = units.next() {
        let c = match unit {
            Some(u) if (0xD800..0xDC00).contains(&u) => match units.peek() {
                Some(Some(low)) if (0xDC00..0xE000).contains(low) => {
                    let low = *low;
                    units.next();
                    char::from_u32(
                        0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            },
            Some(u) => char::from_u32(u32::from(u)),
            None => None,
        };
        let Some(c) = c else {
            return Err(Error::new(
                ErrorKind::InvalidEncoding,
                format!(
                    "{} is {} text broken at byte {} (line {}); save it again as UTF-8",
                    name(source),
                    encoding.as_str().to_ascii_uppercase(),
                    offset + at,
                    line_of(&text)
                ),
                format!(
                    "{} เป็นข้อความ {} ที่เสียที่ไบต์ {} (บรรทัด {}) ให้บันทึกใหม่เป็น UTF-8",
                    name_th(source),
                    encoding.as_str().to_ascii_uppercase(),
                    offset + at,
                    line_of(&text)
                ),
            )
            .at(place(source, line_of(&text), column_of(&text))));
        };
        at += c.len_utf16() * 2;
        text.push(c);
    }
    finish(text, encoding, bom, offset, source)
}

fn windows_874(bytes: &[u8], source: Option<&str>) -> Result<Decoded> {
    let text: String = bytes.iter().filter_map(|&b| windows_874_char(b)).collect();
    finish(text, Encoding::Windows874, false, 0, source)
}

/// Checks the decoded text for what only a binary file holds, and adds the notice.
fn finish(
    text: String,
    encoding: Encoding,
    bom: bool,
    offset: usize,
    source: Option<&str>,
) -> Result<Decoded> {
    let is_control = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0C');
    let nul = text.find('\0');
    let controls = text.chars().filter(|&c| is_control(c)).count();
    let total = text.chars().count();
    if nul.is_some() || (controls > 0 && controls * 10 > total) {
        let at = nul.or_else(|| text.find(is_control)).unwrap_or(0);
        // Where in the bytes: exact for single-byte and UTF-8 text, estimated for UTF-16.
        let byte = match encoding {
            Encoding::Utf8 => at,
            Encoding::Windows874 => text[..at].chars().count(),
            _ => text[..at].encode_utf16().count() * 2,
        };
        let prefix = &text[..at];
        return Err(Error::new(
            ErrorKind::BinaryInput,
            format!(
                "{} looks like a binary file (a picture, an .xlsx workbook or a PDF), not text: control byte 0x{:02X} at byte {} (line {}); save it as \"CSV UTF-8\" or as text",
                name(source),
                text[at..].chars().next().map_or(0, u32::from),
                offset + byte,
                line_of(prefix)
            ),
            format!(
                "{} ดูเหมือนไฟล์ไบนารี (รูปภาพ สมุดงาน .xlsx หรือ PDF) ไม่ใช่ข้อความ: พบไบต์ควบคุม 0x{:02X} ที่ไบต์ {} (บรรทัด {}) ให้บันทึกเป็น \"CSV UTF-8\" หรือข้อความ",
                name_th(source),
                text[at..].chars().next().map_or(0, u32::from),
                offset + byte,
                line_of(prefix)
            ),
        )
        .at(place(source, line_of(prefix), column_of(prefix))));
    }
    let notice = match encoding {
        Encoding::Utf8 => None,
        Encoding::Windows874 => Some(Notice {
            code: "read_as_windows_874",
            message_en: format!(
                "{} was read as Windows-874 (TIS-620), the Thai code page of Windows, because it is not UTF-8; check that the Thai reads correctly",
                name(source)
            ),
            message_th: format!(
                "อ่าน {} เป็น Windows-874 (TIS-620) ซึ่งเป็นรหัสภาษาไทยของ Windows เพราะไฟล์ไม่ใช่ UTF-8 ตรวจดูว่าภาษาไทยอ่านได้ถูกต้อง",
                name_th(source)
            ),
        }),
        Encoding::Utf16Le | Encoding::Utf16Be => Some(Notice {
            code: "read_as_utf_16",
            message_en: format!("{} was read as {} (Unicode text)", name(source), encoding.as_str().to_ascii_uppercase()),
            message_th: format!("อ่าน {} เป็น {} (ข้อความ Unicode)", name_th(source), encoding.as_str().to_ascii_uppercase()),
        }),
    };
    Ok(Decoded {
        text,
        encoding,
        bom,
        notice,
    })
}

/// Thai characters in Windows-874 that never start a syllable: the vowels written above
/// or below a consonant and the tone marks, which follow the consonant they sit on.
fn is_874_mark(b: u8) -> bool {
    windows_874_char(b).is_some_and(is_combining_mark)
}

/// Whether well-formed UTF-8 is in truth a short Windows-874 text. เ แ โ ใ ไ (0xE0–0xE4)
/// lead a three-byte UTF-8 sequence and ก–ฟ (0xA1–0xBF) continue one, so a one-line file
/// such as "แปด" (0xE1 0xBB 0xB4) is also the UTF-8 of "Ỵ"; a longer Thai text is never
/// UTF-8 by chance. Such bytes hold no Thai letter as UTF-8, read as Thai in Windows-874,
/// and no following vowel (ะ า ำ ๅ) of theirs begins a word (Cyrillic "да", 0xD0 0xB4
/// 0xD0 0xB0, would be "ะดะฐ").
fn is_windows_874_by_chance_utf8(text: &str, bytes: &[u8]) -> bool {
    let thai_in_utf8 = text.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c));
    let mut previous = b' ';
    let stray_vowel = bytes.iter().any(|&b| {
        let stray = matches!(b, 0xD0 | 0xD2 | 0xD3 | 0xE5)
            && !matches!(previous, 0xA1..=0xCE)
            && !is_874_mark(previous);
        previous = b;
        stray
    });
    !text.is_ascii() && !thai_in_utf8 && !stray_vowel && reads_as_thai_in_874(bytes)
}

fn looks_like_windows_874(bytes: &[u8]) -> bool {
    reads_as_thai_in_874(bytes) && !utf8_dominates(bytes)
}

/// The tests of the module documentation but the last: the bytes ≥ 0x80 read as Thai text.
fn reads_as_thai_in_874(bytes: &[u8]) -> bool {
    let (mut high, mut consonants, mut thai, mut marks, mut stray_marks) = (0usize, 0, 0, 0, 0);
    // Runs of bytes ≥ 0x80, and the short ones glued to a Latin letter: an accented letter
    // of a Latin-1 word (`España`, `ÉCOLE`) is one such byte inside a word, while Thai
    // comes in runs of letters set off by spaces, digits or punctuation.
    let (mut runs, mut glued_runs) = (0usize, 0usize);
    let mut run = 0usize;
    let mut run_after_letter = false;
    let mut previous = b' ';
    for &b in bytes {
        if b >= 0x80 {
            high += 1;
            match b {
                0xA1..=0xCE => {
                    consonants += 1;
                    thai += 1;
                }
                0xCF..=0xDA | 0xDF..=0xFB => thai += 1,
                // The code page's punctuation: € … ‘ ’ “ ” • – — and the no-break space.
                0x80 | 0x85 | 0x91..=0x97 | 0xA0 => {}
                // C1 controls and unassigned bytes are never in a Thai text file.
                _ => return false,
            }
            if is_874_mark(b) {
                marks += 1;
                // A mark sits on a consonant (ก–ฮ, ฤ, ฦ) or on another mark.
                if !matches!(previous, 0xA1..=0xCE) && !is_874_mark(previous) {
                    stray_marks += 1;
                }
            }
            if run == 0 {
                run_after_letter = previous.is_ascii_alphabetic();
            }
            run += 1;
        } else if run > 0 {
            runs += 1;
            if run <= 2 && (run_after_letter || b.is_ascii_alphabetic()) {
                glued_runs += 1;
            }
            run = 0;
        }
        previous = b;
    }
    if run > 0 {
        runs += 1;
        if run <= 2 && run_after_letter {
            glued_runs += 1;
        }
    }
    consonants * 3 >= high
        && thai * 10 >= high * 9
        && stray_marks * 20 <= marks
        && glued_runs * 4 <= runs
}

/// Whether most non-ASCII bytes form well-formed UTF-8 sequences: such a file is UTF-8
/// with a flaw, whatever a single-byte code page would make of it.
fn utf8_dominates(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                valid += std::str::from_utf8(&rest[..good])
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                invalid += 1;
                let skip = good + e.error_len().unwrap_or(rest.len() - good).max(1);
                rest = &rest[skip.min(rest.len())..];
            }
        }
    }
    valid > invalid
}

#[allow(clippy::too_many_arguments)]
fn located(
    kind: ErrorKind,
    bytes: &[u8],
    at: usize,
    base: usize,
    source: Option<&str>,
    what_en: &str,
    what_th: &str,
    fix_en: &str,
    fix_th: &str,
) -> Error {
    let prefix = String::from_utf8_lossy(&bytes[..at]);
    let line = line_of(&prefix);
    Error::new(
        kind,
        format!(
            "{} {what_en}: byte 0x{:02X} at byte {} (line {line}); {fix_en}",
            name(source),
            bytes.get(at).copied().unwrap_or(0),
            base + at
        ),
        format!(
            "{} {what_th}: ไบต์ 0x{:02X} ที่ไบต์ {} (บรรทัด {line}) {fix_th}",
            name_th(source),
            bytes.get(at).copied().unwrap_or(0),
            base + at
        ),
    )
    .at(place(source, line, column_of(&prefix)))
}

fn binary(bytes: &[u8], at: usize, source: Option<&str>) -> Error {
    located(
        ErrorKind::BinaryInput,
        bytes,
        at,
        0,
        source,
        "looks like a binary file (a picture, an .xlsx workbook or a PDF), not text",
        "ดูเหมือนไฟล์ไบนารี (รูปภาพ สมุดงาน .xlsx หรือ PDF) ไม่ใช่ข้อความ",
        "save it as \"CSV UTF-8\" or as text",
        "ให้บันทึกเป็น \"CSV UTF-8\" หรือข้อความ",
    )
}

fn name(source: Option<&str>) -> &str {
    source.unwrap_or("the input")
}

fn name_th(source: Option<&str>) -> &str {
    source.unwrap_or("ข้อมูลที่รับเข้า")
}

/// The line (from 1) on which text ending with `prefix` continues.
fn line_of(prefix: &str) -> usize {
    prefix.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The column (from 1, in characters) that follows `prefix` on its line.
fn column_of(prefix: &str) -> usize {
    prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1
}

fn place(source: Option<&str>, line: usize, column: usize) -> Location {
    Location {
        source: source.map(str::to_string),
        line: Some(line),
        column: Some(column),
        field: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const THAI: &str = "อ่านเรื่องสั้นแล้วสรุปใจความสำคัญ “ตัวอย่าง” …";

    fn to_874(text: &str) -> Vec<u8> {
        text.chars()
            .map(|c| {
                (0..=255u8)
                    .find(|&b| windows_874_char(b) == Some(c))
                    .expect("a Windows-874 byte")
            })
            .collect()
    }

    #[test]
    fn utf8_is_read_as_is_and_its_bom_stripped_and_noted() {
        let plain = decode(THAI.as_bytes(), None).unwrap();
        assert_eq!(
            (plain.text.as_str(), plain.encoding, plain.bom),
            (THAI, Encoding::Utf8, false)
        );
        assert_eq!(plain.notice, None);
        let with_bom = decode(&[b"\xEF\xBB\xBF", THAI.as_bytes()].concat(), None).unwrap();
        assert_eq!((with_bom.text.as_str(), with_bom.bom), (THAI, true));
        assert_eq!(decode(b"", None).unwrap().text, "");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_in_both_byte_orders_with_a_notice() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(THAI.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(THAI.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for (bytes, encoding) in [(le, Encoding::Utf16Le), (be, Encoding::Utf16Be)] {
            let d = decode(&bytes, Some("a.csv")).unwrap();
            assert_eq!((d.text.as_str(), d.encoding, d.bom), (THAI, encoding, true));
            assert_eq!(d.notice.unwrap().code, "read_as_utf_16");
        }
    }

    #[test]
    fn windows_874_thai_is_decoded_with_a_notice_in_thai_and_english() {
        let d = decode(&to_874(&format!("id,text\n1,{THAI}\n")), Some("excel.csv")).unwrap();
        assert_eq!(d.encoding, Encoding::Windows874);
        assert_eq!(d.text, format!("id,text\n1,{THAI}\n"));
        let notice = d.notice.unwrap();
        assert_eq!(notice.code, "read_as_windows_874");
        assert!(
            notice.message_en.contains("excel.csv") && notice.message_en.contains("Windows-874")
        );
        assert!(notice.message_th.contains("excel.csv") && notice.message_th.contains("ภาษาไทย"));
    }

    #[test]
    fn the_windows_874_table_follows_tis_620_and_leaves_eight_bytes_unassigned() {
        assert_eq!(windows_874_char(0xA1), Some('ก'));
        assert_eq!(windows_874_char(0xCE), Some('ฮ'));
        assert_eq!(windows_874_char(0xDA), Some('\u{0E3A}'));
        assert_eq!(windows_874_char(0xDF), Some('฿'));
        assert_eq!(windows_874_char(0xF0), Some('๐'));
        assert_eq!(windows_874_char(0xFB), Some('๛'));
        assert_eq!(windows_874_char(0x80), Some('€'));
        assert_eq!(windows_874_char(0x96), Some('–'));
        let unassigned: Vec<u8> = (0..=255u8)
            .filter(|&b| windows_874_char(b).is_none())
            .collect();
        assert_eq!(unassigned, [0xDB, 0xDC, 0xDD, 0xDE, 0xFC, 0xFD, 0xFE, 0xFF]);
    }

    #[test]
    fn the_windows_874_marks_are_the_bytes_of_the_thai_combining_marks() {
        let marks: Vec<u8> = (0..=255u8).filter(|&b| is_874_mark(b)).collect();
        let expected: Vec<u8> = [0xD1]
            .into_iter()
            .chain(0xD4..=0xDA)
            .chain(0xE7..=0xEE)
            .collect();
        assert_eq!(marks, expected);
    }

    #[test]
    fn utf8_broken_in_one_place_is_refused_where_it_breaks_not_read_as_874() {
        let mut bytes = format!("id,text\n1,{THAI}\n2,").into_bytes();
        let at = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice(format!("{THAI}\n").as_bytes());
        let e = decode(&bytes, Some("a.csv")).unwrap_err();
        assert_eq!(e.code(), "invalid_encoding");
        let loc = e.location().unwrap();
        assert_eq!((loc.line, loc.column), (Some(3), Some(3)));
        assert!(
            e.message_en().contains(&format!("at byte {at}")),
            "{}",
            e.message_en()
        );
        assert!(e.message_th().contains("บรรทัด 3"));
    }

    #[test]
    fn latin_1_and_stray_marks_are_not_taken_for_windows_874() {
        // é (0xE9) is ้ in Windows-874, but a tone mark cannot follow a Latin letter.
        let e = decode(b"id,text\n1,caf\xE9 au lait\n", None).unwrap_err();
        assert_eq!(e.code(), "invalid_encoding");
        assert!(
            e.message_en().contains("neither UTF-8 nor"),
            "{}",
            e.message_en()
        );
        // Accented capitals of Latin-1 are Thai consonants in Windows-874, ñ a Thai digit:
        // single bytes inside Latin words are not Thai text.
        for latin in [
            &b"id,text\n1,Espa\xF1a\n"[..],
            b"\xC9COLE \xC0 PARIS, CR\xC8CHE",
            b"na\xEFve caf\xE9s",
        ] {
            assert_eq!(decode(latin, None).unwrap_err().code(), "invalid_encoding");
        }
        // A C1 control or an unassigned byte is never Thai text.
        assert_eq!(
            decode(b"\xA1\x81", None).unwrap_err().code(),
            "invalid_encoding"
        );
        assert_eq!(
            decode(b"\xA1\xFC", None).unwrap_err().code(),
            "invalid_encoding"
        );
    }

    #[test]
    fn a_short_windows_874_line_that_happens_to_be_utf_8_is_read_as_windows_874() {
        // เ แ โ ใ ไ (0xE0–0xE4) lead a three-byte UTF-8 sequence and ก–ฟ (0xA1–0xBF)
        // continue one: "แปด" is the UTF-8 of "Ỵ", "เกด" of U+0874.
        for line in ["แปด", "เกด", "1. แปด"] {
            for bytes in [
                to_874(line),
                to_874(&format!("{line}\n")),
                to_874(&format!("{line}\r\n")),
            ] {
                assert!(
                    std::str::from_utf8(&bytes).is_ok(),
                    "{line:?} is not UTF-8 by chance"
                );
                let d = decode(&bytes, Some("one-line.txt")).unwrap();
                assert_eq!(d.encoding, Encoding::Windows874, "{line:?}");
                assert!(d.text.starts_with(line), "{:?}", d.text);
                assert_eq!(d.notice.unwrap().code, "read_as_windows_874");
            }
        }
        // Real UTF-8 stays UTF-8: Thai, and text with no Thai whose bytes are no Thai in
        // Windows-874 (a following vowel such as ะ or า cannot begin a word).
        for utf8 in [
            THAI,
            "แปด",
            "café",
            "да",
            "Ёж",
            "naïve",
            "€5 “x”",
            "plain ASCII",
        ] {
            let d = decode(utf8.as_bytes(), None).unwrap();
            assert_eq!(
                (d.encoding, d.text.as_str()),
                (Encoding::Utf8, utf8),
                "{utf8:?}"
            );
        }
    }

    #[test]
    fn nul_bytes_and_control_characters_are_binary_input_located() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let e = decode(png, Some("a.png")).unwrap_err();
        assert_eq!(e.code(), "binary_input");
        assert!(
            e.message_en().contains("0x00 at byte 8"),
            "{}",
            e.message_en()
        );
        let e = decode(b"ok\nok\0", None).unwrap_err();
        assert_eq!(e.code(), "binary_input");
        assert_eq!(e.location().unwrap().line, Some(2));
        // UTF-16 without its BOM is NUL bytes every other byte.
        assert_eq!(decode(b"i\0d\0", None).unwrap_err().code(), "binary_input");
        assert_eq!(
            decode(b"\x01\x02\x03abc", None).unwrap_err().code(),
            "binary_input"
        );
        // One stray control character in a text is text.
        assert!(decode(b"a text with one \x07 bell in it", None).is_ok());
    }

    #[test]
    fn decode_as_reads_a_named_encoding_and_locates_what_it_cannot() {
        let d = decode_as(&to_874("ก"), Encoding::Windows874, None).unwrap();
        assert_eq!(d.text, "ก");
        let e = decode_as(b"ab\n\xFC", Encoding::Windows874, None).unwrap_err();
        assert_eq!(e.code(), "invalid_encoding");
        assert_eq!(e.location().unwrap().line, Some(2));
        assert_eq!(
            decode_as(b"\xFF\xFEa", Encoding::Utf16Le, None)
                .unwrap_err()
                .code(),
            "invalid_encoding"
        );
        assert_eq!(Encoding::parse("TIS-620").unwrap(), Encoding::Windows874);
        assert_eq!(
            Encoding::parse("latin1").unwrap_err().code(),
            "invalid_argument"
        );
    }
}
