// Thai and English for every string: each string table of the app and the
// widget has the same keys in both languages, no empty string where the other
// language has text, and functions where the other language has a function
// (so a count or a name is never dropped from one language).
import { test } from "node:test";
import assert from "node:assert/strict";
import { SHELL, STORAGE } from "../../www/app/i18n.js";
import * as work from "../../www/app/work-i18n.js";
import { RESULTS } from "../../www/app/results-i18n.js";
import { WIDGET_STRINGS } from "../../www/widget-i18n.js";
import { CLAUSE_STRINGS } from "../../www/clauses.js";

const tables = {
  SHELL,
  STORAGE,
  ...Object.fromEntries(Object.entries(work).filter(([, v]) => typeof v?.th === "object")),
  RESULTS,
  WIDGET_STRINGS,
  CLAUSE_STRINGS,
};

test("every string table has the same keys and kinds of value in Thai and English", () => {
  assert.ok(Object.keys(tables).length === 9, `found ${Object.keys(tables).join(", ")}`);
  for (const [name, table] of Object.entries(tables)) {
    assert.deepEqual(Object.keys(table.en).sort(), Object.keys(table.th).sort(), `${name}: keys differ`);
    for (const key of Object.keys(table.th)) {
      const [th, en] = [table.th[key], table.en[key]];
      assert.equal(typeof en, typeof th, `${name}.${key}: a ${typeof th} in Thai, a ${typeof en} in English`);
      if (typeof th === "function") assert.equal(en.length, th.length, `${name}.${key}: arguments differ`);
      if (typeof th === "string") assert.equal(en === "", th === "", `${name}.${key}: empty in one language only`);
    }
  }
});

// The language button names the other language in that language, on purpose.
const OTHER_LANGUAGE = new Set(["SHELL.langToggle", "SHELL.langToggleLabel"]);

test("every Thai string has Thai in it", () => {
  const thai = /[\u0E00-\u0E7F]/;
  for (const [name, table] of Object.entries(tables)) {
    for (const key of Object.keys(table.th)) {
      const sample = (v) => (typeof v === "function" ? v(...Array(v.length).fill(1)) : v);
      const [th, en] = [sample(table.th[key]), sample(table.en[key])];
      if (typeof th !== "string" || !th || OTHER_LANGUAGE.has(`${name}.${key}`)) continue;
      // Names that are the same in both (the product, file formats) are
      // allowed; any other Thai string with no Thai letter is a slip.
      if (th !== en) assert.ok(thai.test(th) || /^[\s\d\W]*$/.test(th) || /^Sapan|^CSV|^JSON|^CASE/.test(th), `${name}.th.${key} has no Thai: ${th}`);
    }
  }
});
