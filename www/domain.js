// The curriculum's own vocabulary in Thai and English, shared by the teacher
// app and the widget: learning areas, grades and the guideline's relation levels.

/** The eight learning areas by the letter indicator codes use, in curriculum order. */
export const AREAS = [
  { code: "ท", th: "ภาษาไทย", en: "Thai language" },
  { code: "ค", th: "คณิตศาสตร์", en: "Mathematics" },
  { code: "ว", th: "วิทยาศาสตร์และเทคโนโลยี", en: "Science and technology" },
  { code: "ส", th: "สังคมศึกษา ศาสนา และวัฒนธรรม", en: "Social studies, religion and culture" },
  { code: "พ", th: "สุขศึกษาและพลศึกษา", en: "Health and physical education" },
  { code: "ศ", th: "ศิลปะ", en: "Arts" },
  { code: "ง", th: "การงานอาชีพ", en: "Careers" },
  { code: "ต", th: "ภาษาต่างประเทศ", en: "Foreign languages" },
];

export const GRADES = [4, 5, 6];

/** "ป.4" in Thai, "Grade 4 (ป.4)" in English. */
export function gradeName(grade, lang) {
  return lang === "en" ? `Grade ${grade} (ป.${grade})` : `ป.${grade}`;
}

/** An area's name in `lang`, or the letter itself when unknown. */
export function areaName(code, lang) {
  const area = AREAS.find((a) => a.code === code);
  return area ? area[lang === "en" ? "en" : "th"] : String(code ?? "");
}

/** The guideline's relation levels (สอดคล้อง / สอดคล้องบางส่วน). */
export const RELATIONS = {
  aligned: { th: "สอดคล้อง", en: "aligned" },
  partial: { th: "สอดคล้องบางส่วน", en: "partially aligned" },
  none: { th: "ไม่สอดคล้อง", en: "not aligned" },
};

export function relationName(relation, lang) {
  return (RELATIONS[relation] ?? RELATIONS.none)[lang === "en" ? "en" : "th"];
}

/** A score as people read it: 0.4321 → "0.43". */
export function scoreText(score) {
  return Number(score).toFixed(2);
}
