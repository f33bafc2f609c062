//! The eight learning areas (กลุ่มสาระการเรียนรู้) of the 2551 curriculum.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A learning area, identified in indicator codes by one Thai letter.
///
/// Serialised as that letter (`"ท"`), as codes and school documents write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LearningArea {
    /// ท ภาษาไทย
    Thai,
    /// ค คณิตศาสตร์
    Mathematics,
    /// ว วิทยาศาสตร์และเทคโนโลยี
    Science,
    /// ส สังคมศึกษา ศาสนา และวัฒนธรรม
    Social,
    /// พ สุขศึกษาและพลศึกษา
    HealthPe,
    /// ศ ศิลปะ
    Arts,
    /// ง การงานอาชีพ
    Career,
    /// ต ภาษาต่างประเทศ
    ForeignLanguages,
}

impl LearningArea {
    /// All areas in curriculum order (ท ค ว ส พ ศ ง ต).
    pub const ALL: [LearningArea; 8] = [
        LearningArea::Thai,
        LearningArea::Mathematics,
        LearningArea::Science,
        LearningArea::Social,
        LearningArea::HealthPe,
        LearningArea::Arts,
        LearningArea::Career,
        LearningArea::ForeignLanguages,
    ];

    /// The letter used in indicator codes, e.g. `'ท'`.
    pub fn letter(self) -> char {
        match self {
            LearningArea::Thai => 'ท',
            LearningArea::Mathematics => 'ค',
            LearningArea::Science => 'ว',
            LearningArea::Social => 'ส',
            LearningArea::HealthPe => 'พ',
            LearningArea::Arts => 'ศ',
            LearningArea::Career => 'ง',
            LearningArea::ForeignLanguages => 'ต',
        }
    }

    /// The area for a code letter, e.g. `'ค'` → Mathematics.
    pub fn from_letter(letter: char) -> Option<LearningArea> {
        LearningArea::ALL.into_iter().find(|a| a.letter() == letter)
    }

    /// The Thai name as the curriculum prints it.
    pub fn name_th(self) -> &'static str {
        match self {
            LearningArea::Thai => "ภาษาไทย",
            LearningArea::Mathematics => "คณิตศาสตร์",
            LearningArea::Science => "วิทยาศาสตร์และเทคโนโลยี",
            LearningArea::Social => "สังคมศึกษา ศาสนา และวัฒนธรรม",
            LearningArea::HealthPe => "สุขศึกษาและพลศึกษา",
            LearningArea::Arts => "ศิลปะ",
            LearningArea::Career => "การงานอาชีพ",
            LearningArea::ForeignLanguages => "ภาษาต่างประเทศ",
        }
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        match self {
            LearningArea::Thai => "Thai Language",
            LearningArea::Mathematics => "Mathematics",
            LearningArea::Science => "Science and Technology",
            LearningArea::Social => "Social Studies, Religion and Culture",
            LearningArea::HealthPe => "Health and Physical Education",
            LearningArea::Arts => "Arts",
            LearningArea::Career => "Careers",
            LearningArea::ForeignLanguages => "Foreign Languages",
        }
    }

    /// Reads what a person may type for an area: the letter (`ค`), the Thai
    /// name (`คณิตศาสตร์`), or an English name or short form (`math`, `science`),
    /// case-insensitively.
    pub fn parse(input: &str) -> Option<LearningArea> {
        let s = input.trim();
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return LearningArea::from_letter(c);
        }
        let lower = s.to_lowercase();
        LearningArea::ALL.into_iter().find(|a| {
            a.name_th() == s
                || a.name_en().to_lowercase() == lower
                || a.aliases().contains(&lower.as_str())
        })
    }

    fn aliases(self) -> &'static [&'static str] {
        match self {
            LearningArea::Thai => &["thai", "ไทย"],
            LearningArea::Mathematics => &["math", "maths", "คณิต"],
            LearningArea::Science => &["science", "วิทย์", "วิทยาศาสตร์"],
            LearningArea::Social => &["social", "social studies", "สังคม", "สังคมศึกษา"],
            LearningArea::HealthPe => &["health", "pe", "health & pe", "สุขศึกษา", "พลศึกษา"],
            LearningArea::Arts => &["art", "arts"],
            LearningArea::Career => &["career", "careers", "การงาน"],
            LearningArea::ForeignLanguages => &[
                "english",
                "foreign",
                "foreign languages",
                "อังกฤษ",
                "ภาษาอังกฤษ",
            ],
        }
    }
}

impl std::fmt::Display for LearningArea {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.letter())
    }
}

impl Serialize for LearningArea {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 4];
        serializer.serialize_str(self.letter().encode_utf8(&mut buf))
    }
}

/// Read back from the letter, or from anything [`LearningArea::parse`] reads
/// (a name, an English short form), so edited JSON round-trips.
impl<'de> Deserialize<'de> for LearningArea {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        LearningArea::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "learning area \"{text}\" is not one of ท ค ว ส พ ศ ง ต"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_round_trips() {
        for a in LearningArea::ALL {
            assert_eq!(LearningArea::from_letter(a.letter()), Some(a));
            assert_eq!(LearningArea::parse(&a.letter().to_string()), Some(a));
            assert_eq!(LearningArea::parse(a.name_th()), Some(a));
            assert_eq!(LearningArea::parse(a.name_en()), Some(a));
        }
    }

    #[test]
    fn parse_accepts_common_short_forms_and_rejects_others() {
        assert_eq!(LearningArea::parse("Math"), Some(LearningArea::Mathematics));
        assert_eq!(
            LearningArea::parse(" คณิต "),
            Some(LearningArea::Mathematics)
        );
        assert_eq!(LearningArea::parse("x"), None);
        assert_eq!(LearningArea::parse("ก"), None);
        assert_eq!(LearningArea::parse(""), None);
    }
}
