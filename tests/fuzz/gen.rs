//! Generators: text biased toward what teachers really paste, with hostile characters mixed in.
//!
//! Realistic pieces come from the real curriculum at test time (indicator texts and codes,
//! core-content items): no curriculum text is written here. Around them go the scaffolding of
//! each input format (CSV/TSV rows, JSON arrays, CASE packages, numbered lists with headers)
//! and the characters that break readers: byte-order marks, zero-width and bidi controls,
//! Thai digits, marks in odd places, every kind of line break, quotes, delimiters, JSON and
//! XML syntax, control characters, and arbitrary Unicode.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::select;
use sapan::curriculum::Curriculum;

/// Real curriculum strings: indicator texts, core-content items, standard texts.
fn fragments() -> &'static [String] {
    static FRAGMENTS: OnceLock<Vec<String>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let c = Curriculum::embedded();
        let mut out: Vec<String> = c.indicators().iter().map(|i| i.text.clone()).collect();
        out.extend(
            c.core_content()
                .iter()
                .flat_map(|b| b.items.iter().map(|i| i.text.clone())),
        );
        out.extend(c.standards().iter().map(|s| s.text.clone()));
        out
    })
}

/// The canonical codes of the 582 indicators.
fn codes() -> &'static [String] {
    static CODES: OnceLock<Vec<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        Curriculum::embedded()
            .indicators()
            .iter()
            .map(|i| i.code.to_string())
            .collect()
    })
}

/// A real curriculum text, whole or a slice of it cut at arbitrary chars (a cut may fall
/// between a consonant and its marks, as a PDF line break does).
pub fn fragment() -> BoxedStrategy<String> {
    let n = fragments().len();
    (
        0..n,
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        0..4u8,
    )
        .prop_map(|(i, a, b, whole)| {
            let chars: Vec<char> = fragments()[i].chars().collect();
            if whole == 0 || chars.is_empty() {
                return fragments()[i].clone();
            }
            let (a, b) = (a.index(chars.len() + 1), b.index(chars.len() + 1));
            chars[a.min(b)..a.max(b)].iter().collect()
        })
        .boxed()
}

/// A real fragment damaged the way PDF copies damage Thai: a mark moved one letter to the
/// right with a space after it, spaces inserted, `ำ` split into `ํา`, digits made Thai.
pub fn damaged_fragment() -> BoxedStrategy<String> {
    (
        fragment(),
        prop::collection::vec(any::<prop::sample::Index>(), 1..4),
    )
        .prop_map(|(text, cuts)| {
            let mut chars: Vec<char> = text.chars().collect();
            for cut in cuts {
                if chars.len() < 3 {
                    break;
                }
                let i = cut.index(chars.len() - 2);
                match chars[i] {
                    c if sapan::text::chars::is_combining_mark(c) => {
                        // Displace the mark past the next letter, as a PDF does.
                        chars.swap(i, i + 1);
                        chars.insert(i + 2, ' ');
                    }
                    'ำ' => {
                        chars.splice(i..=i, ['\u{0E4D}', 'า']);
                    }
                    c @ '0'..='9' => chars[i] = char::from_u32(0x0E50 + (c as u32 - 48)).unwrap(),
                    _ => chars.insert(i + 1, ' '),
                }
            }
            chars.into_iter().collect()
        })
        .boxed()
}

/// A real indicator code, as written or in one of the ways teachers write it.
pub fn code_text() -> BoxedStrategy<String> {
    let n = codes().len();
    (0..n, 0..8u8)
        .prop_map(|(i, style)| {
            let code = &codes()[i];
            match style {
                0 => code.replacen(' ', "", 1),
                1 => code
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => char::from_u32(0x0E50 + (c as u32 - 48)).unwrap(),
                        c => c,
                    })
                    .collect(),
                2 => code.replace("ป.", "ป. "),
                3 => code.replacen(' ', ".", 1),
                4 => code
                    .rsplit_once(' ')
                    .map_or(code.clone(), |(_, g)| g.to_string()),
                5 => code
                    .rsplit_once('/')
                    .map_or(code.clone(), |(_, s)| s.to_string()),
                _ => code.clone(),
            }
        })
        .boxed()
}

/// One character that breaks readers.
pub fn hostile_char() -> BoxedStrategy<char> {
    let specials = vec![
        '\u{FEFF}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{200F}',
        '\u{202A}',
        '\u{202B}',
        '\u{202C}',
        '\u{202D}',
        '\u{202E}',
        '\u{2066}',
        '\u{2067}',
        '\u{2068}',
        '\u{2069}',
        '\u{2060}',
        '\u{00AD}',
        '\u{00A0}',
        '\u{2003}',
        '\u{3000}',
        '\u{0000}',
        '\u{0007}',
        '\u{001B}',
        '\u{007F}',
        '\u{0085}',
        '\u{2028}',
        '\u{2029}',
        '\t',
        '\r',
        '\n',
        '\u{000B}',
        '\u{000C}',
        '"',
        '\'',
        ',',
        ';',
        ':',
        '{',
        '}',
        '[',
        ']',
        '\\',
        '<',
        '>',
        '&',
        '/',
        '-',
        '–',
        '—',
        '.',
        '(',
        ')',
        '#',
        '*',
        '•',
        '\u{F0B7}',
        '๐',
        '๑',
        '๔',
        '๙',
        'ฯ',
        'ๆ',
        '๏',
        '๚',
        '๛',
        '฿',
        '\u{0E31}',
        '\u{0E33}',
        '\u{0E34}',
        '\u{0E37}',
        '\u{0E38}',
        '\u{0E3A}',
        '\u{0E47}',
        '\u{0E48}',
        '\u{0E49}',
        '\u{0E4B}',
        '\u{0E4C}',
        '\u{0E4D}',
        '\u{0E4E}',
        'เ',
        'แ',
        'ไ',
        'า',
        'ะ',
        'ๅ',
        '\u{0301}',
        '\u{0308}',
        '\u{20DD}',
        'İ',
        'ß',
        'ﬁ',
        'Ⅻ',
        '²',
        '١',
        '０',
        'Ａ',
        '\u{1100}',
        '\u{1161}',
        '\u{FFFD}',
        '😀',
        '\u{1F1F9}',
        '\u{1F1ED}',
        'ກ',
        '\u{0EB1}',
        'ປ',
        'ม',
        'ป',
        'ท',
        'ค',
        'ว',
    ];
    prop_oneof![
        8 => select(specials),
        1 => any::<char>(),
        1 => (0x0E00u32..0x0E80).prop_map(|c| char::from_u32(c).unwrap_or('?')),
    ]
    .boxed()
}

/// A piece of mixed text.
fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        6 => fragment(),
        3 => damaged_fragment(),
        2 => code_text(),
        5 => hostile_char().prop_map(String::from),
        1 => prop::collection::vec(hostile_char(), 1..6).prop_map(|v| v.into_iter().collect()),
        1 => "[a-zA-Z0-9 .,]{1,12}",
        1 => any::<String>(),
        1 => prop::collection::vec(any::<u8>(), 0..24)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        1 => select(vec![
            "\r\n", "\n", "\r", "\n\n", " ", "  ", "\t", "\"\"", "1. ", "๑. ", "(1) ", "LO 1 ",
            "- ", "ข้อ 2 ", "1.1 ", "ป.4", "ป.๕", "ชั้นประถมศึกษาปีที่ ๔", "Grade 6",
            "กลุ่มสาระการเรียนรู้ภาษาไทย", "คณิตศาสตร์", "สาระที่ 1", "ม.2", "ถึง", "และ",
        ])
        .prop_map(String::from),
    ]
    .boxed()
}

/// Mixed text: real fragments, codes, hostile characters and arbitrary Unicode.
pub fn mixed_text() -> BoxedStrategy<String> {
    prop::collection::vec(piece(), 0..24)
        .prop_map(|p| p.concat())
        .boxed()
}

/// Text that reads like an indicator-code list, with damage.
pub fn code_list_text() -> BoxedStrategy<String> {
    let part = prop_oneof![
        6 => code_text(),
        2 => select(vec![
            ", ", ",", "; ", " ", "\n", "-", "–", "—", " ถึง ", " และ ", ".", "-3", "/", "ป.",
            "ม.", "0", "65535", "99999999999", "4/", " ", "\u{200B}", "๑",
        ])
        .prop_map(String::from),
        1 => hostile_char().prop_map(String::from),
        1 => "[0-9./ -]{1,6}",
    ];
    prop::collection::vec(part, 0..10)
        .prop_map(|p| p.concat())
        .boxed()
}

/// A line break of any kind.
fn line_break() -> BoxedStrategy<&'static str> {
    select(vec!["\n", "\n", "\r\n", "\r\n", "\r", "\n\n", "\r\n\r\n"]).boxed()
}

/// A cell value: real text mostly, sometimes hostile, grades and areas in their written forms.
fn cell_value() -> BoxedStrategy<String> {
    prop_oneof![
        5 => fragment(),
        2 => damaged_fragment(),
        2 => select(vec![
            "4", "5", "6", "7", "ป.4", "ป. 5", "ป.๖", "ม.1", "Grade 4", "04", "ท", "ค",
            "คณิตศาสตร์", "ภาษาไทย", "math", "วิทยาศาสตร์และเทคโนโลยี", "LO1", "1", "1.1", "",
        ])
        .prop_map(String::from),
        2 => mixed_text(),
        1 => code_text(),
    ]
    .boxed()
}

/// One CSV/TSV cell as written: bare, quoted with `""` escapes, or quoted with damage.
fn written_cell(delimiter: char) -> BoxedStrategy<String> {
    (cell_value(), 0..6u8)
        .prop_map(move |(v, style)| match style {
            0 | 1 => format!("\"{}\"", v.replace('"', "\"\"")),
            2 => format!("\"{v}"),
            3 => format!("\"{v}\" {v}"),
            _ => v.replace(['\n', '\r', '"', delimiter], " "),
        })
        .boxed()
}

/// A CSV (`,`) or TSV (`\t`) sheet: an optional BOM, an optional header, rows with any line
/// breaks, ragged widths.
pub fn sheet(delimiter: char) -> BoxedStrategy<String> {
    let header = prop_oneof![
        select(vec![
            "id,text,grade,area",
            "รหัส,ผลลัพธ์การเรียนรู้,ชั้น,กลุ่มสาระ",
            "ที่,ผลลัพธ์การเรียนรู้ (LO),ชั้น",
            "text",
            "Code,Grade,Full Statement,x",
            "รหัส,รายละเอียด",
            "id,grade",
            "\"id\",\"text\"",
        ])
        .prop_map(move |h| Some(h.replace(',', &delimiter.to_string()))),
        Just(None),
    ];
    let row = prop::collection::vec(written_cell(delimiter), 0..6);
    (
        any::<bool>(),
        header,
        prop::collection::vec((row, line_break()), 0..12),
        any::<bool>(),
    )
        .prop_map(move |(bom, header, rows, trailing)| {
            let mut s = String::new();
            if bom {
                s.push('\u{FEFF}');
            }
            if let Some(h) = header {
                s.push_str(&h);
                s.push('\n');
            }
            let count = rows.len();
            for (i, (cells, brk)) in rows.into_iter().enumerate() {
                s.push_str(&cells.join(&delimiter.to_string()));
                if trailing || i + 1 < count {
                    s.push_str(brk);
                }
            }
            s
        })
        .boxed()
}

/// A JSON value that reads like an outcome list; serialised, then maybe damaged.
fn outcome_json_value() -> BoxedStrategy<serde_json::Value> {
    use serde_json::{json, Value};
    let key = select(vec![
        "id",
        "text",
        "grade",
        "area",
        "รหัส",
        "ผลลัพธ์การเรียนรู้",
        "ชั้น",
        "กลุ่มสาระ",
        "line",
        "Text",
        "ข้อความ:",
        "other",
    ]);
    let scalar = prop_oneof![
        4 => cell_value().prop_map(Value::String),
        1 => any::<i64>().prop_map(|n| json!(n)),
        1 => (1u64..5000).prop_map(|n| json!(n)),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => prop::collection::vec(cell_value(), 0..3).prop_map(|v| json!(v)),
    ];
    let object = prop::collection::vec((key, scalar.clone()), 0..5)
        .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()));
    let element = prop_oneof![4 => object, 2 => scalar];
    let array = prop::collection::vec(element, 0..8).prop_map(Value::Array);
    prop_oneof![
        4 => array.clone(),
        1 => array.clone().prop_map(|a| json!({ "outcomes": a })),
        1 => array.prop_map(|a| json!({ "x": { "outcomes": 1 }, "outcomes": a })),
    ]
    .boxed()
}

/// A CASE 1.1 package with items, subjects, levels and isChildOf associations.
fn case_value() -> BoxedStrategy<serde_json::Value> {
    use serde_json::{json, Value};
    let item = (
        prop::option::of(cell_value()),
        prop::option::of(cell_value()),
        prop::option::of(0u8..6),
        prop::collection::vec(cell_value(), 0..3),
        prop::option::of(cell_value()),
        any::<bool>(),
    )
        .prop_map(|(statement, coding, identifier, levels, subject, scalar)| {
            let mut m = serde_json::Map::new();
            if let Some(s) = statement {
                m.insert("fullStatement".into(), Value::String(s));
            }
            if let Some(c) = coding {
                m.insert("humanCodingScheme".into(), Value::String(c));
            }
            if let Some(i) = identifier {
                m.insert("identifier".into(), json!(format!("id-{i}")));
            }
            m.insert("educationLevel".into(), json!(levels));
            if let Some(s) = subject {
                m.insert("subject".into(), json!([s]));
            }
            if scalar {
                json!(42)
            } else {
                Value::Object(m)
            }
        });
    (
        prop::collection::vec(item, 0..6),
        prop::collection::vec(0u8..6, 0..3),
        prop::option::of(cell_value()),
    )
        .prop_map(|(items, parents, subject)| {
            let associations: Vec<Value> = parents
                .into_iter()
                .map(|p| {
                    json!({
                        "associationType": "isChildOf",
                        "destinationNodeURI": { "identifier": format!("id-{p}") },
                    })
                })
                .collect();
            json!({
                "CFDocument": { "title": "x", "subject": subject },
                "CFItems": items,
                "CFAssociations": associations,
            })
        })
        .boxed()
}

/// A JSON document as text: pretty or compact, maybe with a BOM, CRLF, or damage (truncated,
/// a character inserted).
fn json_text(value: BoxedStrategy<serde_json::Value>) -> BoxedStrategy<String> {
    (
        value,
        any::<bool>(),
        0..8u8,
        any::<prop::sample::Index>(),
        hostile_char(),
    )
        .prop_map(|(v, pretty, damage, at, c)| {
            let mut s = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            let cut = |s: &str, at: usize| {
                let mut i = at;
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            match damage {
                0 => {
                    let i = cut(&s, at.index(s.len() + 1));
                    s.truncate(i);
                }
                1 => {
                    let i = cut(&s, at.index(s.len() + 1));
                    s.insert(i, c);
                }
                2 => s = s.replace('\n', "\r\n"),
                3 => s.insert(0, '\u{FEFF}'),
                _ => {}
            }
            s
        })
        .boxed()
}

pub fn json_document() -> BoxedStrategy<String> {
    json_text(outcome_json_value())
}

pub fn case_document() -> BoxedStrategy<String> {
    json_text(case_value())
}

/// Text pasted from a PDF or Word file: numbered and bulleted items, headers, titles,
/// wrapped lines, blank lines, any line breaks.
pub fn pasted_list() -> BoxedStrategy<String> {
    let marker = select(vec![
        "",
        "",
        "",
        "1. ",
        "2.",
        "๑. ",
        "(1) ",
        "1) ",
        "LO 1 ",
        "LO-2: ",
        "ข้อ 3 ",
        "1.1 ",
        "1.2 ",
        "2.1 ",
        "1.5 ",
        "- ",
        "• ",
        "\u{F0B7} ",
        "* ",
        "ผลลัพธ์การเรียนรู้ที่ 4 ",
    ]);
    let line = prop_oneof![
        6 => (marker, cell_value()).prop_map(|(m, t)| format!("{m}{t}")),
        1 => select(vec![
            "ชั้นประถมศึกษาปีที่ ๔", "ป.5", "Grade 6", "ชั้นมัธยมศึกษาปีที่ 1",
            "กลุ่มสาระการเรียนรู้ภาษาไทย", "คณิตศาสตร์", "ภาษาไทย ป.4", "สาระที่ 1",
            "ผลลัพธ์การเรียนรู้", "ผลลัพธ์การเรียนรู้ ชั้น ป.4", "มาตรฐาน ท 1.1",
            "ชนั้ ประถมศกึ ษาปที ี่ ๔", "", "   ",
        ])
        .prop_map(String::from),
        1 => mixed_text(),
    ];
    (
        any::<bool>(),
        prop::collection::vec((line, line_break()), 0..14),
    )
        .prop_map(|(bom, lines)| {
            let mut s = String::new();
            if bom {
                s.push('\u{FEFF}');
            }
            for (l, b) in lines {
                s.push_str(&l);
                s.push_str(b);
            }
            s
        })
        .boxed()
}

/// Any input a reader may be handed: every format's scaffolding, and plain mixed text.
pub fn any_outcome_input() -> BoxedStrategy<String> {
    prop_oneof![
        sheet(','),
        sheet('\t'),
        json_document(),
        case_document(),
        pasted_list(),
        mixed_text(),
    ]
    .boxed()
}
