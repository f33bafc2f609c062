//! The WebAssembly boundary: a thin adapter over the core, compiled only for
//! `wasm32`. This is the one module that touches wasm-bindgen, js-sys and
//! serde-wasm-bindgen. Everything it does is convert: JavaScript values in
//! (through `serde_json::Value`, so the core's readers and option checks do
//! the work), plain JSON-compatible objects out, and the core's [`crate::Error`]
//! into a JavaScript `Error` named `SapanError`.
//!
//! The TypeScript types of every option and result are in `sapan.d.ts` beside
//! this file, written for people; the methods below name them.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::outcome::{detect, read_json_value, read_outcomes};
use crate::report::{self, ReportFormat};
use crate::text::encoding::{Decoded, Encoding, Notice};
use crate::{options, Alignment, Curriculum, Error, ErrorKind, Location};

mod plain;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("sapan.d.ts");

// Option objects, typed for TypeScript; each may be left out.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "RankOptions")]
    pub type RankOptionsArg;
    #[wasm_bindgen(typescript_type = "ParseOptions")]
    pub type ParseOptionsArg;
    #[wasm_bindgen(typescript_type = "IndicatorFilter")]
    pub type IndicatorFilterArg;
    #[wasm_bindgen(typescript_type = "ExportOptions")]
    pub type ExportOptionsArg;
    #[wasm_bindgen(typescript_type = "DecodeOptions")]
    pub type DecodeOptionsArg;
}

type JsResult = Result<JsValue, JsValue>;

/// The version of the engine and its data, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Whether a caught value is an error of the engine: an `Error` named
/// `SapanError` with a string `code`. A type guard for TypeScript, where a
/// `catch` binds `unknown`.
#[wasm_bindgen(js_name = isSapanError, unchecked_return_type = "value is SapanError")]
pub fn is_sapan_error(#[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue) -> bool {
    value.dyn_ref::<js_sys::Error>().is_some_and(|e| {
        e.name() == "SapanError"
            && js_sys::Reflect::get(e, &JsValue::from_str("code")).is_ok_and(|c| c.is_string())
    })
}

/// Reads a file's bytes as text, the way `parseOutcomes` reads bytes: UTF-8 (a
/// BOM is stripped and noted), UTF-16 with a BOM, or Windows-874/TIS-620 (with a
/// notice to show). Throws `binary_input` or `invalid_encoding`, located.
/// (Not `decodeText`: wasm-bindgen's own glue has a function of that name.)
#[wasm_bindgen(js_name = decodeBytes, unchecked_return_type = "DecodedText")]
pub fn decode_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    options: Option<DecodeOptionsArg>,
) -> JsResult {
    let bytes = bytes_arg(&bytes, "bytes")?;
    let opts = options::decode_options(&value_arg(options, "options")?).map_err(js_error)?;
    to_js(&decode(&bytes, opts.encoding, opts.name.as_deref()).map_err(js_error)?)
}

/// The alignment engine over the embedded curriculum (582 indicators of ป.4–6).
#[wasm_bindgen]
pub struct Engine {
    inner: crate::Engine,
}

#[wasm_bindgen]
impl Engine {
    /// Builds the engine over the embedded curriculum and dictionary. Call
    /// `init()` (or `initSync`) first; build one engine and keep it.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Engine {
        Engine {
            inner: crate::Engine::new(),
        }
    }

    /// The version of the engine and its data.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        crate::VERSION.to_string()
    }

    /// The indicators that best match any Thai text, best first.
    #[wasm_bindgen(unchecked_return_type = "Match[]")]
    pub fn rank(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<RankOptionsArg>,
    ) -> JsResult {
        let text = string_arg(&text, "text")?;
        let opts = options::rank_options(&value_arg(options, "options")?).map_err(js_error)?;
        to_js(&self.inner.rank(&text, &opts))
    }

    /// Aligns many outcomes at once: each outcome's matches, and for each
    /// candidate indicator the outcomes that cover it. Outcomes are objects
    /// `{ id, text, grade?, area? }` or plain strings, or the result of
    /// `parseOutcomes`; an outcome's own grade and area take the place of the options'.
    #[wasm_bindgen(unchecked_return_type = "Alignment")]
    pub fn align(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Array<string | OutcomeInput> | Outcomes")]
        outcomes: JsValue,
        options: Option<RankOptionsArg>,
    ) -> JsResult {
        let read = read_json_value(&from_js(&outcomes, "outcomes")?, Some("outcomes"));
        // A program's outcomes are not a teacher's paste: the first problem
        // (a missing text, a repeated id) is the caller's to fix, not to skip.
        if let Some(problem) = read.problems.into_iter().next() {
            return Err(js_error(refused(problem)));
        }
        let opts = options::rank_options(&value_arg(options, "options")?).map_err(js_error)?;
        to_js(&self.inner.align(&read.outcomes, &opts))
    }

    /// The summary tables of an alignment (per area × grade, uncovered
    /// indicators, unmatched outcomes). Matches edited since `align` count as
    /// they now stand.
    #[wasm_bindgen(unchecked_return_type = "Coverage")]
    pub fn coverage(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Alignment")] alignment: JsValue,
    ) -> JsResult {
        let alignment = alignment_arg(&alignment)?;
        to_js(&self.inner.coverage(&alignment))
    }

    /// Reads learning outcomes from text: CSV/TSV, JSON, a CASE package, or
    /// text pasted from a PDF or Word file; or from a file's bytes (a
    /// `Uint8Array`), decoded first as `decodeBytes` does. Never throws on bad
    /// content: what could be read is in `outcomes`, what could not is in
    /// `problems`, each with its line and field (bytes that are not text give
    /// no outcomes and one `binary_input` or `invalid_encoding` problem).
    #[wasm_bindgen(js_name = parseOutcomes, unchecked_return_type = "ParsedOutcomes")]
    pub fn parse_outcomes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
        options: Option<ParseOptionsArg>,
    ) -> JsResult {
        let opts = options::parse_options(&value_arg(options, "options")?).map_err(js_error)?;
        let name = opts.name.as_deref();
        let (input, decoded) = if input.is_string() {
            (string_arg(&input, "input")?, None)
        } else {
            let bytes = bytes_arg(&input, "input")?;
            match decode(&bytes, opts.encoding, name) {
                Ok(d) => (d.text.clone(), Some(d)),
                Err(problem) => {
                    return to_js(&Parsed {
                        format: opts.format.unwrap_or_else(|| detect(name, "")).as_str(),
                        encoding: None,
                        notice: None,
                        outcomes: &[],
                        problems: &[problem],
                    })
                }
            }
        };
        let format = opts.format.unwrap_or_else(|| detect(name, &input));
        let read = read_outcomes(&input, format, name);
        to_js(&Parsed {
            format: format.as_str(),
            encoding: decoded.as_ref().map(|d| d.encoding),
            notice: decoded.as_ref().and_then(|d| d.notice.as_ref()),
            outcomes: &read.outcomes,
            problems: &read.problems,
        })
    }

    /// Writes an alignment as a file's text: `"csv"` (UTF-8 with BOM, for
    /// Excel), `"json"`, `"case"` (1EdTech CASE 1.1) or `"md"`.
    #[wasm_bindgen(js_name = export)]
    pub fn export(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Alignment")] alignment: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ExportFormat")] format: JsValue,
        options: Option<ExportOptionsArg>,
    ) -> Result<String, JsValue> {
        let alignment = alignment_arg(&alignment)?;
        let format = ReportFormat::parse(&string_arg(&format, "format")?)
            .map_err(|e| js_error(e.at(argument("format"))))?;
        let case = options::case_options(&value_arg(options, "options")?).map_err(js_error)?;
        let coverage = self.inner.coverage(&alignment);
        Ok(report::write(
            format,
            &alignment,
            &coverage,
            Curriculum::embedded(),
            &case,
        ))
    }

    /// The indicators, in curriculum order, optionally of one grade and/or area.
    #[wasm_bindgen(unchecked_return_type = "Indicator[]")]
    pub fn indicators(&self, filter: Option<IndicatorFilterArg>) -> JsResult {
        let filter = options::indicator_filter(&value_arg(filter, "filter")?).map_err(js_error)?;
        let list: Vec<_> = Curriculum::embedded().filter(filter).collect();
        to_js(&list)
    }

    /// One indicator by its code, typed as teachers type it (`ค 1.1 ป.4/2`,
    /// `ค1.1 ป4/2`, Thai digits); `null` when the code is well formed but not
    /// in the curriculum; throws `invalid_code` when it cannot be read.
    #[wasm_bindgen(unchecked_return_type = "Indicator | null")]
    pub fn indicator(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    ) -> JsResult {
        let code = string_arg(&code, "code")?;
        let code =
            crate::IndicatorCode::parse(&code).map_err(|e| js_error(e.at(argument("code"))))?;
        to_js(&Curriculum::embedded().indicator(&code))
    }

    /// Thai text as the engine reads it: Unicode NFC, PDF damage repaired,
    /// Thai digits and invisible characters handled.
    pub fn normalize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> Result<String, JsValue> {
        Ok(crate::text::normalize(&string_arg(&text, "text")?))
    }

    /// The clauses of a text, in order: the topics, process and competency language a
    /// long learning outcome bundles (one clause for a one-topic text). Spans index the
    /// normalised text, `normalize(text)`, as `OutcomeAlignment.normalized` does.
    #[wasm_bindgen(unchecked_return_type = "Clause[]")]
    pub fn clauses(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> JsResult {
        let (_, clauses) = self.inner.clauses(&string_arg(&text, "text")?);
        to_js(&clauses)
    }

    /// The draft framework's six core competencies, in its order: the names behind
    /// `Clause.competencies`, so that a UI can label a process or competency clause.
    #[wasm_bindgen(unchecked_return_type = "Competency[]")]
    pub fn competencies(&self) -> JsResult {
        to_js(crate::framework::competencies())
    }

    /// The draft framework's nine learning areas: the names behind an outcome's
    /// `frameworkArea` key, so that a UI can show it.
    #[wasm_bindgen(js_name = frameworkAreas, unchecked_return_type = "FrameworkAreaName[]")]
    pub fn framework_areas(&self) -> JsResult {
        to_js(&crate::framework::area_names())
    }

    /// The words of a text, after normalisation.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn segment(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    ) -> JsResult {
        let text = crate::text::normalize(&string_arg(&text, "text")?);
        let words: Vec<String> = crate::text::segment(&text)
            .into_iter()
            .map(|t| t.text)
            .collect();
        to_js(&words)
    }
}

#[derive(Serialize)]
struct Parsed<'a> {
    format: &'static str,
    /// How bytes were decoded; `null` when the input was a string.
    encoding: Option<Encoding>,
    notice: Option<&'a Notice>,
    outcomes: &'a [crate::Outcome],
    problems: &'a [Error],
}

/// An alignment handed back from JavaScript, possibly edited: its reverse
/// direction (who covers what) is rebuilt from the matches as they stand.
fn alignment_arg(value: &JsValue) -> Result<Alignment, JsValue> {
    let value = from_js(value, "alignment")?;
    let mut alignment: Alignment = serde_json::from_value(value).map_err(|e| {
        js_error(
            Error::new(
                ErrorKind::InvalidArgument,
                format!("alignment is not the shape align() returns: {e}"),
                format!("alignment ไม่ใช่รูปแบบที่ align() ส่งคืน: {e}"),
            )
            .at(argument("alignment")),
        )
    })?;
    // A code no indicator has (`ท 9.9 ป.4/99`, typed into a stored alignment) would be
    // counted nowhere and exported as if it were real.
    let curriculum = Curriculum::embedded();
    for (i, o) in alignment.outcomes.iter().enumerate() {
        for (j, m) in o.matches.iter().enumerate() {
            if curriculum.indicator(&m.code).is_none() {
                let mut at = argument("alignment");
                at.field = Some(format!("alignment.outcomes[{i}].matches[{j}].code"));
                return Err(js_error(crate::eval::unknown_code(&m.code).at(at)));
            }
        }
    }
    alignment.recount_covers();
    Ok(alignment)
}

fn decode(bytes: &[u8], encoding: Option<Encoding>, name: Option<&str>) -> Result<Decoded, Error> {
    match encoding {
        Some(e) => crate::text::encoding::decode_as(bytes, e, name),
        None => crate::text::encoding::decode(bytes, name),
    }
}

/// A `Uint8Array` (or an `ArrayBuffer`) as bytes.
fn bytes_arg(value: &JsValue, name: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(buffer).to_vec());
    }
    let (en, th) = if name == "input" {
        (
            "a string, a Uint8Array or an ArrayBuffer",
            "ข้อความ (string), Uint8Array หรือ ArrayBuffer",
        )
    } else {
        (
            "a Uint8Array or an ArrayBuffer",
            "Uint8Array หรือ ArrayBuffer",
        )
    };
    Err(js_error(bad_argument(name, en, th)))
}

fn string_arg(value: &JsValue, name: &str) -> Result<String, JsValue> {
    value
        .as_string()
        .ok_or_else(|| js_error(bad_argument(name, "a string", "ข้อความ (string)")))
}

/// An optional options object as a JSON value (`null` when left out).
fn value_arg<T: JsCast>(value: Option<T>, name: &str) -> Result<Value, JsValue> {
    match value {
        None => Ok(Value::Null),
        Some(v) => from_js(v.unchecked_ref(), name),
    }
}

/// A JavaScript value as plain data (`null` for `undefined`), refused with
/// `invalid_argument` naming the argument when it is not plain data or is
/// nested deeper than [`plain::MAX_DEPTH`] (a cycle is).
fn from_js(value: &JsValue, name: &str) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    let depth = plain::MAX_DEPTH;
    plain::read(value.clone()).map_err(|refusal| {
        let error = match refusal {
            plain::Refusal::TooDeep => Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "{name} is nested more than {depth} levels deep or contains itself (a cycle), so it cannot be read as plain data"
                ),
                format!(
                    "{name} ซ้อนกันลึกเกิน {depth} ชั้น หรือมีตัวเองอยู่ข้างใน (วนรอบ) จึงอ่านเป็นข้อมูลธรรมดาไม่ได้"
                ),
            ),
            plain::Refusal::NotPlain(e) => Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "{name} cannot be read as plain data (objects, arrays, strings, numbers): {e}"
                ),
                format!("อ่าน {name} เป็นข้อมูลธรรมดา (ออบเจกต์ อาร์เรย์ ข้อความ ตัวเลข) ไม่ได้: {e}"),
            ),
        };
        js_error(error.at(argument(name)))
    })
}

/// Plain JSON-compatible objects: `null`, not `undefined`; objects, not `Map`s.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

fn argument(name: &str) -> Location {
    Location {
        source: Some("argument".into()),
        field: Some(name.into()),
        ..Location::default()
    }
}

fn bad_argument(name: &str, en: &str, th: &str) -> Error {
    Error::new(
        ErrorKind::InvalidArgument,
        format!("{name} must be {en}"),
        format!("{name} ต้องเป็น{th}"),
    )
    .at(argument(name))
}

/// The first problem of outcomes handed to `align`, said as what it is there: the
/// readers' messages end with what they did about it ("this entry is skipped", "this
/// outcome is renamed …", "kept without a grade"), which is true of `parseOutcomes`
/// but not of `align`, which throws and aligns nothing. That ending is replaced.
fn refused(problem: Error) -> Error {
    const EN: [&str; 4] = [
        "; this entry is skipped",
        "; it is skipped",
        "; this outcome is renamed",
        "; the outcome is kept without",
    ];
    const TH: [&str; 3] = [" จึงข้าม", " เปลี่ยนรหัสของผลลัพธ์นี้เป็น", " เก็บผลลัพธ์ไว้โดยไม่มี"];
    let cut = |message: &str, endings: &[&str]| {
        let at = endings.iter().filter_map(|e| message.find(e)).min();
        message[..at.unwrap_or(message.len())].to_string()
    };
    let en = format!(
        "{}; align() refused the outcomes and aligned none of them",
        cut(problem.message_en(), &EN)
    );
    let th = format!(
        "{} align() จึงไม่รับผลลัพธ์การเรียนรู้ชุดนี้และไม่ได้จัดเทียบรายการใดเลย",
        cut(problem.message_th(), &TH)
    );
    let refused = Error::new(problem.kind(), en, th);
    match problem.location() {
        Some(at) => refused.at(at.clone()),
        None => refused,
    }
}

/// The core's error as a real JavaScript `Error` named `SapanError`, with the
/// stable `code`, both messages and the location as properties.
fn js_error(error: Error) -> JsValue {
    let js = js_sys::Error::new(&error.to_string());
    js.set_name("SapanError");
    let location = error
        .location()
        .and_then(|l| to_js(l).ok())
        .unwrap_or(JsValue::NULL);
    for (key, value) in [
        ("code", JsValue::from_str(error.code())),
        ("messageTh", JsValue::from_str(error.message_th())),
        ("messageEn", JsValue::from_str(error.message_en())),
        ("location", location),
    ] {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&js, &JsValue::from_str(key), &value);
    }
    js.into()
}
