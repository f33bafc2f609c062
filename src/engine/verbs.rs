//! Action verbs of indicators and objectives, grouped into the six cognitive
//! levels of the revised Bloom taxonomy that Thai curriculum documents use
//! (จำ เข้าใจ ประยุกต์ใช้ วิเคราะห์ ประเมินค่า สร้างสรรค์).
//!
//! A signal, not a filter: an objective that asks students to *compare* fits
//! an indicator that asks them to *compare* or *analyse* a little better than
//! one that asks them to *name*, but the topic decides.

use super::analyze::Term;

/// Bit `k` set = the text uses a verb of level `k + 1`.
pub(crate) type Levels = u8;

/// The verbs, by level. A verb may sit at two levels where usage is split
/// (`เขียน` is applying a skill or creating a text).
const LEVELS: [&[&str]; 6] = [
    // 1 remember / จำ
    &[
        "บอก",
        "ระบุ",
        "ท่อง",
        "ท่องจำ",
        "จำ",
        "ชี้",
        "เรียงลำดับ",
        "คัด",
        "คัดลายมือ",
    ],
    // 2 understand / เข้าใจ
    &[
        "อธิบาย",
        "สรุป",
        "ยกตัวอย่าง",
        "บรรยาย",
        "ตีความ",
        "แปลความ",
        "เล่า",
        "จับใจความ",
        "เข้าใจ",
        "คาดคะเน",
        "พูด",
        "อ่าน",
    ],
    // 3 apply / ประยุกต์ใช้
    &[
        "ใช้",
        "ปฏิบัติ",
        "แสดง",
        "สาธิต",
        "คำนวณ",
        "หา",
        "แก้ปัญหา",
        "ทดลอง",
        "วัด",
        "เขียน",
        "ร้อง",
        "เล่น",
        "ฝึก",
        "อ่านออกเสียง",
        "เคลื่อนไหว",
        "ประยุกต์",
        "ประมาณ",
        "ทำ",
    ],
    // 4 analyse / วิเคราะห์
    &[
        "วิเคราะห์",
        "เปรียบเทียบ",
        "แยกแยะ",
        "จำแนก",
        "จัดกลุ่ม",
        "ตรวจสอบ",
        "สืบค้น",
        "สำรวจ",
        "สังเกต",
        "ค้นหา",
        "แยก",
        "จัดประเภท",
    ],
    // 5 evaluate / ประเมินค่า
    &[
        "ประเมิน",
        "ตัดสิน",
        "วิจารณ์",
        "แสดงความคิดเห็น",
        "อภิปราย",
        "ให้เหตุผล",
        "เลือก",
        "ตระหนัก",
        "เห็นคุณค่า",
        "ชื่นชม",
    ],
    // 6 create / สร้างสรรค์
    &[
        "สร้าง",
        "สร้างสรรค์",
        "ออกแบบ",
        "ประดิษฐ์",
        "แต่ง",
        "วางแผน",
        "เขียน",
        "พัฒนา",
        "จัดทำ",
        "ผลิต",
    ],
];

/// Every verb of the lexicon, at any level.
pub(crate) fn all() -> impl Iterator<Item = &'static str> {
    LEVELS.iter().flat_map(|l| l.iter().copied())
}

/// The cognitive levels of the verbs among `terms`.
pub(crate) fn levels(terms: &[Term]) -> Levels {
    let mut bits = 0;
    for term in terms {
        for (k, verbs) in LEVELS.iter().enumerate() {
            if verbs.contains(&term.text.as_str()) {
                bits |= 1 << k;
            }
        }
    }
    bits
}

/// How well two sets of levels agree, in [0, 1]: 1 when they share a level,
/// 0.5 when the nearest levels are adjacent, 0 otherwise or when either text
/// has no action verb (objectives written as topics often have none).
pub(crate) fn agreement(a: Levels, b: Levels) -> f32 {
    if a == 0 || b == 0 {
        0.0
    } else if a & b != 0 {
        1.0
    } else if (a << 1) & b != 0 || (a >> 1) & b != 0 {
        0.5
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(words: &[&str]) -> Vec<Term> {
        words
            .iter()
            .map(|w| Term {
                text: w.to_string(),
                start: 0,
                end: 0,
            })
            .collect()
    }

    #[test]
    fn shared_level_agrees_fully_adjacent_half() {
        let compare = levels(&t(&["เปรียบเทียบ"]));
        let analyse = levels(&t(&["วิเคราะห์"]));
        let explain = levels(&t(&["อธิบาย"]));
        let name = levels(&t(&["บอก"]));
        assert_eq!(agreement(compare, analyse), 1.0);
        assert_eq!(agreement(explain, name), 0.5);
        assert_eq!(agreement(name, compare), 0.0);
    }

    #[test]
    fn a_text_without_verbs_gives_no_signal() {
        let topic = levels(&t(&["ระบบ", "ย่อยอาหาร"]));
        assert_eq!(topic, 0);
        assert_eq!(agreement(topic, levels(&t(&["อธิบาย"]))), 0.0);
    }
}
