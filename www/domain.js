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

/** A key stage of the draft framework: "ช่วงชั้นที่ 2" in Thai, "Key stage 2" in English. */
export function stageName(stage, lang) {
  return lang === "en" ? `Key stage ${stage} (ช่วงชั้นที่ ${stage})` : `ช่วงชั้นที่ ${stage}`;
}

/**
 * A draft framework area's name in `lang` from its key, with `names` as
 * `engine.frameworkAreas()` gives them; the key itself when unknown.
 */
export function frameworkAreaName(key, lang, names) {
  const area = (names ?? []).find((a) => a.key === key);
  return area ? (lang === "en" ? area.nameEn : `สาระการเรียนรู้${area.nameTh}`) : String(key ?? "");
}

/**
 * Where an outcome stands, as people read it: its grade, 2551 area, key stage and
 * draft area, those it has (`names`: `engine.frameworkAreas()`).
 */
export function placeNames(o, lang, names) {
  return [
    o.grade ? gradeName(o.grade, lang) : null,
    o.area ? `${o.area} ${areaName(o.area, lang)}` : null,
    o.stage ? stageName(o.stage, lang) : null,
    o.frameworkArea ? frameworkAreaName(o.frameworkArea, lang, names) : null,
  ].filter(Boolean);
}

// What an engine says of the draft framework does not change: asked once per engine.
const frameworkNames = new WeakMap();

function askOnce(engine, what) {
  if (!engine || typeof engine !== "object") return [];
  let known = frameworkNames.get(engine);
  if (!known) frameworkNames.set(engine, (known = {}));
  if (!known[what]) {
    try {
      known[what] = engine[what]?.() ?? [];
    } catch {
      return [];
    }
  }
  return known[what];
}

/** The draft areas' names from an engine (`frameworkAreas()`); none from an engine without them. */
export function frameworkAreasOf(engine) {
  return askOnce(engine, "frameworkAreas");
}

/** The six core competencies from an engine (`competencies()`), to label clauses; none from an engine without them. */
export function competenciesOf(engine) {
  return askOnce(engine, "competencies");
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
