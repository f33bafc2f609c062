// Strings of the teacher app. Every view keeps its own table
// `{ th: { key: "…" | (…args) => "…" }, en: { … } }` (Thai and English for
// every string, screen-reader-only ones included) and reads it with `tr`.
// A key missing in one language is a bug the i18n test catches.

/** `tr(table, lang)(key, ...args)`: the string for `key` in `lang`. */
export function tr(table, lang) {
  const strings = table[lang] ?? table.th;
  return (key, ...args) => {
    const s = strings[key] ?? table.th[key];
    if (s === undefined) throw new Error(`missing string "${key}"`);
    return typeof s === "function" ? s(...args) : s;
  };
}

/** The app shell's strings. */
export const SHELL = {
  th: {
    title: "สะพาน Sapan",
    tagline: "เทียบผลลัพธ์การเรียนรู้ (ร่าง) กับตัวชี้วัด ป.4–6 หลักสูตรแกนกลาง พ.ศ. 2551 ข้อความทั้งหมดประมวลผลในเครื่องนี้ ไม่ถูกส่งออกไปที่ใด",
    langToggle: "English",
    langToggleLabel: "Switch to English",
    skip: "ข้ามไปยังเนื้อหา",
    tabs: "ส่วนของแอป",
    import: "1 นำเข้า",
    align: "2 จับคู่และตรวจ",
    coverage: "3 ความครอบคลุม",
    export: "4 ส่งออกและพิมพ์",
    free: "ค้นหาด้วยข้อความ",
    loading: "กำลังโหลดเครื่องมือ…",
    ready: "พร้อมใช้งาน",
    failed: (m) => `โหลดเครื่องมือไม่สำเร็จ: ${m}`,
    viewLoading: "กำลังโหลดส่วนนี้…",
    viewFailed: (m) => `โหลดส่วนนี้ไม่สำเร็จ อาจเพราะการเชื่อมต่อเครือข่าย ตรวจการเชื่อมต่อแล้วลองอีกครั้ง หรือโหลดหน้าใหม่ (${m})`,
    viewRetry: "ลองอีกครั้ง",
    printPending: "เอกสารสำหรับพิมพ์ยังโหลดไม่เสร็จ ปิดหน้าต่างนี้แล้วสั่งพิมพ์อีกครั้ง",
    footer: "ตัวชี้วัดจากหลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พ.ศ. 2551 (ฉบับปรับปรุง พ.ศ. 2560) คะแนนและระดับความสอดคล้องเป็นข้อเสนอแนะของเครื่องมือ ครูเป็นผู้ตัดสิน",
  },
  en: {
    title: "Sapan สะพาน",
    tagline: "Align draft learning outcomes with the ป.4–6 indicators of the B.E. 2551 core curriculum. Everything runs on this computer; no text is sent anywhere.",
    langToggle: "ภาษาไทย",
    langToggleLabel: "เปลี่ยนเป็นภาษาไทย",
    skip: "Skip to content",
    tabs: "App sections",
    import: "1 Import",
    align: "2 Align and review",
    coverage: "3 Coverage",
    export: "4 Export and print",
    free: "Search by text",
    loading: "Loading the engine…",
    ready: "Ready",
    failed: (m) => `The engine could not be loaded: ${m}`,
    viewLoading: "Loading this section…",
    viewFailed: (m) => `This section could not be loaded, perhaps because of the network connection. Check the connection and try again, or reload the page (${m})`,
    viewRetry: "Try again",
    printPending: "The print document has not finished loading. Close this window and print again.",
    footer: "Indicators of the Basic Education Core Curriculum B.E. 2551 (revised B.E. 2560). Scores and relation levels are the tool's suggestions; the teacher decides.",
  },
};

/**
 * The storage banner's strings (app/storage-banner.js). The banner belongs to
 * the shell, above every view, and can be needed before any result view is
 * loaded, so its strings load with the shell's, not with the result views'.
 */
export const STORAGE = {
  th: {
    notSaved: "งานนี้ยังไม่ได้บันทึกในเบราว์เซอร์นี้ (พื้นที่เต็ม โหมดส่วนตัว หรือเบราว์เซอร์ไม่อนุญาต) ถ้าปิดหน้านี้งานจะหายไป กรุณาบันทึกไฟล์โครงการเก็บไว้ แอปจะพยายามบันทึกอีกครั้งเมื่อมีการเปลี่ยนแปลง",
    saveNow: "บันทึกไฟล์โครงการตอนนี้",
    restoreFailed: (m) => `อ่านงานที่บันทึกไว้ในเบราว์เซอร์นี้ไม่ได้ จึงเริ่มงานใหม่ (${m}) หากมีไฟล์โครงการ เปิดได้ที่ “ส่งออกและพิมพ์”`,
    dismiss: "ปิดข้อความนี้",
    newerRecord: (m) =>
      `${m} แอปรุ่นนี้จะไม่อ่านและไม่เขียนทับงานนั้น งานที่ทำตอนนี้จึงไม่ได้บันทึกในเบราว์เซอร์นี้ กรุณาบันทึกไฟล์โครงการเก็บไว้ หรือเปิดสะพานรุ่นใหม่`,
  },
  en: {
    notSaved: "This work is NOT saved in this browser (storage full, private mode, or the browser refuses). Closing this page loses it: save the project file now. The app tries again on every change.",
    saveNow: "Save the project file now",
    restoreFailed: (m) => `The work saved in this browser could not be read, so the app starts empty (${m}). If you have a project file, open it under “Export and print”.`,
    dismiss: "Dismiss this message",
    newerRecord: (m) =>
      `${m}. This version neither reads nor overwrites that work, so what you do now is NOT saved in this browser: save the project file, or open the newer Sapan.`,
  },
};
