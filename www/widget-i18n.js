// Every text of <sapan-align>, in Thai and English, screen-reader-only ones
// and error messages included. The widget's `lang` attribute picks the table;
// names of grades, areas and relation levels come from domain.js, shared
// with the teacher app, so both say the same thing.

export const WIDGET_STRINGS = {
  th: {
    loading: "กำลังโหลดตัวจับคู่ตัวชี้วัด…",
    ready: "พร้อมใช้งาน",
    inputLabel: "ข้อความที่ต้องการจับคู่กับตัวชี้วัด (เช่น ผลลัพธ์การเรียนรู้หรือจุดประสงค์การเรียนรู้)",
    inputHint: "ผลจะแสดงทันทีขณะพิมพ์ คำที่ตรงกันถูกเน้นทั้งในข้อความของคุณและในตัวชี้วัด",
    typeToSearch: "พิมพ์ข้อความเพื่อดูตัวชี้วัดที่ใกล้เคียง",
    scope: "ขอบเขต",
    allGrades: "ทุกชั้น (ป.4–6)",
    allAreas: "ทุกกลุ่มสาระ",
    results: "ตัวชี้วัดที่ใกล้เคียงที่สุด",
    count: (n) => `${n} ตัวชี้วัด`,
    // After each ranking: the count and the first, so that a new ranking is heard even when the count is the same.
    ranked: (n, first) => `${n} ตัวชี้วัด อันดับแรก ${first}`,
    picked: (code) => `เลือก ${code} แล้ว`,
    none: "ไม่พบตัวชี้วัดที่มีคำร่วมกับข้อความนี้",
    score: "คะแนน",
    code: "รหัสตัวชี้วัด",
    relation: "ความสอดคล้อง",
    yourText: "ข้อความของคุณ:",
    sharedTerms: "คำที่ตรงกันถูกเน้นไว้",
    outcomes: "ผลลัพธ์การเรียนรู้และตัวชี้วัดที่แนะนำ",
    outcomeCount: (n, reviewed) => `${n} ผลลัพธ์การเรียนรู้ · ตรวจแล้ว ${reviewed}`,
    noOutcomes: "ยังไม่มีผลลัพธ์การเรียนรู้: กำหนดแอตทริบิวต์ src หรือพร็อพเพอร์ตี outcomes",
    suggestions: (id) => `ตัวชี้วัดที่แนะนำสำหรับ ${id}`,
    noSuggestions: "ไม่มีตัวชี้วัดที่แนะนำ",
    confirm: "ยืนยัน",
    reject: "ไม่ใช่",
    // Said after the visible word, so that a screen reader that lists buttons knows which pair.
    buttonContext: (code, id) => ` ${code} สำหรับ ${id}`,
    confirmed: (code) => `ยืนยัน ${code} แล้ว`,
    rejected: (code) => `ปฏิเสธ ${code} แล้ว`,
    undone: (code) => `ยกเลิกการตัดสินใจเรื่อง ${code}`,
    problems: (n) => `พบปัญหา ${n} รายการในไฟล์`,
    loadingFile: (name) => `กำลังโหลด ${name}…`,
    fetchFailed: (name, why) => `โหลดไฟล์ ${name} ไม่ได้ (${why})`,
    emptyFile: (name) => `ไม่พบผลลัพธ์การเรียนรู้ในไฟล์ ${name}`,
    engineFailed: "โหลดตัวจับคู่ตัวชี้วัดไม่ได้",
    // Why the engine did not load, and what the page's author changes.
    loadCause: (cause, { url, source, message }) =>
      ({
        "csp-connect": `โหลดตัวจับคู่ตัวชี้วัดไม่ได้: นโยบายความปลอดภัยของหน้า (Content-Security-Policy) ไม่อนุญาตให้ดึงไฟล์ ${url} ให้เพิ่ม connect-src ${source} ในนโยบาย`,
        "csp-wasm": `โหลดตัวจับคู่ตัวชี้วัดไม่ได้: นโยบายความปลอดภัยของหน้า (Content-Security-Policy) ไม่อนุญาตให้คอมไพล์ WebAssembly ให้เพิ่ม 'wasm-unsafe-eval' ใน script-src`,
        missing: `โหลดตัวจับคู่ตัวชี้วัดไม่ได้: ไม่พบไฟล์ ${url} บนเซิร์ฟเวอร์ ให้วาง sapan_bg.wasm ไว้ข้าง sapan.js`,
        mime: `โหลดตัวจับคู่ตัวชี้วัดไม่ได้: สิ่งที่เซิร์ฟเวอร์ส่งมาสำหรับ ${url} ไม่ใช่ WebAssembly (อาจเป็นหน้าเว็บที่ตอบแทนไฟล์ที่ไม่มีอยู่) ให้วาง sapan_bg.wasm ไว้ข้าง sapan.js และส่งด้วย Content-Type application/wasm`,
        network: `โหลดตัวจับคู่ตัวชี้วัดไม่ได้: ดึงไฟล์ ${url} ไม่ได้ (${message})`,
      })[cause] ?? `โหลดตัวจับคู่ตัวชี้วัดไม่ได้ (${message})`,
    error: "ข้อผิดพลาด:",
  },
  en: {
    loading: "Loading the indicator matcher…",
    ready: "Ready",
    inputLabel: "Text to match with the indicators (e.g. a learning outcome or a lesson objective)",
    inputHint: "Results appear as you type; shared words are marked in your text and in each indicator.",
    typeToSearch: "Type a text to see the closest indicators.",
    scope: "Scope",
    allGrades: "all grades (ป.4–6)",
    allAreas: "all learning areas",
    results: "Closest indicators",
    count: (n) => `${n} ${n === 1 ? "indicator" : "indicators"}`,
    ranked: (n, first) => `${n} ${n === 1 ? "indicator" : "indicators"}, first ${first}`,
    picked: (code) => `${code} picked`,
    none: "No indicator shares a word with this text.",
    score: "score",
    code: "indicator code",
    relation: "relation",
    yourText: "Your text:",
    sharedTerms: "shared words are marked",
    outcomes: "Learning outcomes and suggested indicators",
    outcomeCount: (n, reviewed) => `${n} ${n === 1 ? "learning outcome" : "learning outcomes"} · ${reviewed} reviewed`,
    noOutcomes: "No learning outcomes yet: set the src attribute or the outcomes property.",
    suggestions: (id) => `Suggested indicators for ${id}`,
    noSuggestions: "No suggested indicator.",
    confirm: "Confirm",
    reject: "Reject",
    buttonContext: (code, id) => ` ${code} for ${id}`,
    confirmed: (code) => `${code} confirmed`,
    rejected: (code) => `${code} rejected`,
    undone: (code) => `decision on ${code} taken back`,
    problems: (n) => `${n} ${n === 1 ? "problem" : "problems"} in the file`,
    loadingFile: (name) => `Loading ${name}…`,
    fetchFailed: (name, why) => `Could not load ${name} (${why})`,
    emptyFile: (name) => `No learning outcome found in ${name}`,
    engineFailed: "Could not load the indicator matcher",
    loadCause: (cause, { url, source, message }) =>
      ({
        "csp-connect": `Could not load the indicator matcher: the page's Content-Security-Policy blocks fetching ${url}. Add connect-src ${source} to the policy.`,
        "csp-wasm": "Could not load the indicator matcher: the page's Content-Security-Policy blocks compiling WebAssembly. Add 'wasm-unsafe-eval' to script-src.",
        missing: `Could not load the indicator matcher: ${url} is not on the server. Put sapan_bg.wasm next to sapan.js.`,
        mime: `Could not load the indicator matcher: what the server sent for ${url} is not WebAssembly (a web page answering for a missing file?). Put sapan_bg.wasm next to sapan.js and serve it as application/wasm.`,
        network: `Could not load the indicator matcher: fetching ${url} failed (${message}).`,
      })[cause] ?? `Could not load the indicator matcher (${message}).`,
    error: "Error:",
  },
};

/** The table for `lang` ("th" unless "en"). */
export function widgetStrings(lang) {
  return WIDGET_STRINGS[lang === "en" ? "en" : "th"];
}
