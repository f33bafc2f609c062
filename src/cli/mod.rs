//! The `sapan` command line: align outcomes, rank texts, evaluate, list
//! indicators, normalise and segment Thai text.
//!
//! Every error says what was wrong and what was expected, in Thai and English,
//! and exits with status 2 (bad usage) or 1 (bad input).

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use serde_json::Value;

use sapan::curriculum::{Curriculum, Indicator, IndicatorFilter, LearningArea};
use sapan::framework::AreaReading;
use sapan::options::{
    check_grade_in_stage, check_stage, read_area_value, read_either_area_value, read_grade_value,
};
use sapan::report::csv::csv_field;
use sapan::text::{normalize, segment};
use sapan::{Error, ErrorKind};

mod align;
mod bench;
mod eval;
mod rank;

const USAGE: &str = r#"sapan — align Thai curriculum text with the B.E. 2551 indicators (ป.4–6)

usage:
  sapan indicators [--grade 4|5|6] [--area ท|ค|ว|ส|พ|ศ|ง|ต] [--stage 2] [--format table|jsonl|csv]
  sapan normalize TEXT|-
  sapan segment TEXT|- [--format lines|json|jsonl]
  sapan align --outcomes FILE [--format csv|json|case|md] [--grade 4|5|6] [--area X]
              [--stage 2] [--top K] [--min-score S] [--prior]
              [--input-format csv|tsv|json|case|text]
  sapan rank --input FILE.jsonl|- [--top K]
  sapan eval --gold FILE.jsonl [--grade-filter] [--misses]
  sapan tune --gold FILE.jsonl [--why ID] [--weights W1,W2,…]
  sapan bench [--reference data/thai/newmm_reference.jsonl] [--texts data/gold/dev.jsonl]
  sapan --version | --help

TEXT may be given as one argument or, with -, read from standard input.
segment --format lines prints one token a line; json, the tokens with their
kind and position; jsonl segments each input line on its own and prints one
JSON array of tokens per line.

align reads outcomes (ผลลัพธ์การเรียนรู้) from FILE (- = standard input): CSV or
TSV with a header such as id,text,grade,area; JSON; a 1EdTech CASE package; or
text pasted from a PDF or Word file. The input format is detected from the name
and content unless --input-format is given. Each outcome's own grade and area
restrict its candidates; --grade and --area apply to outcomes without them
(with --prior they are preferred instead of required). The draft framework's
own outcomes are read too: a key stage (--stage 2, a stage column, or a header
such as ผลลัพธ์การเรียนรู้เมื่อจบช่วงชั้นที่ 2) and a draft area (--area
วิทยาศาสตร์และระบบธรรมชาติ, an area column, or a header such as
สาระการเรียนรู้เทคโนโลยีดิจิทัล). Only stage 2 (ป.4–6) is held, and it narrows
nothing; another stage is a stage_not_held error. A draft area is a prior over
the 2551 areas and strands it draws on, never a filter. Output (default md)
goes to standard output; problems in the input go to standard error.

rank reads JSON Lines {"id": …, "text": …, "grade": …?, "area": …?, "stage": …?}
(blank lines skipped) and writes one line per input line, in input order:
  {"id": …, "ranked": [{"code": "ท 1.1 ป.4/1", "score": 0.4321, "relation": "aligned"}, …]}
with at most K matches (default 10; 0 = every candidate), best first. id is
echoed as given (string, number, or null when absent). A grade (4, "5",
"ป.6") or an area (ท or a name such as คณิตศาสตร์) restricts the candidates to
it; without them all 582 indicators are ranked. A draft area's name
(เทคโนโลยีดิจิทัล) is a prior instead; a stage (2, "ช่วงชั้นที่ 2") narrows nothing,
and a stage other than 2 is the line's stage_not_held error. relation is aligned, partial
or none. A line that cannot be ranked (not JSON, no text, a bad grade or area)
still gets its line, {"id": …, "ranked": [], "error": {"code", "messageEn",
"messageTh", "location": {"source", "line", "column", "field"}}}; its problems
are written to standard error, and the exit status is 1 once all lines are done.

eval reads a gold file of texts with their indicator codes and prints Hit@k and
MRR; a file of LO-shaped composites (lines with "parts", as
../shared/tools/make_composites.py writes them) gets, with the draft area given
and without, the share of parts with a code in the top 10 and 20, the share
labelled aligned or partial in the top 10, and recall of the union."#;

/// Every command `run` knows, in the usage's order.
const COMMANDS: [&str; 8] = [
    "indicators",
    "normalize",
    "segment",
    "align",
    "rank",
    "eval",
    "tune",
    "bench",
];

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sapan: {e}");
            // A stage not held reaches here only from --stage: a usage error like any flag's.
            if matches!(
                e.kind(),
                ErrorKind::InvalidArgument | ErrorKind::StageNotHeld
            ) {
                eprintln!("\n{USAGE}");
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn run(args: &[String]) -> Result<(), Error> {
    let Some((command, rest)) = args.split_first() else {
        println!("{USAGE}");
        return Ok(());
    };
    match command.as_str() {
        "indicators" => indicators(rest),
        "normalize" | "normalise" => normalize_command(rest),
        "segment" => segment_command(rest),
        "bench" => {
            let opts = Options::parse(rest, &["reference", "texts"])?;
            bench::run(
                opts.get("reference")
                    .unwrap_or("data/thai/newmm_reference.jsonl"),
                opts.get("texts").unwrap_or("data/gold/dev.jsonl"),
            )
        }
        "align" => align::align(rest),
        "rank" => rank::rank(rest),
        "eval" => eval::eval(rest),
        "tune" => eval::tune(rest),
        "--version" | "-V" => {
            println!("sapan {}", sapan::VERSION);
            Ok(())
        }
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => {
            // One list for the message, so a new command cannot be left out of it again.
            let (last, rest) = COMMANDS.split_last().expect("commands");
            let rest = rest.join(", ");
            Err(bad_argument(
                format!("unknown command \"{other}\"; expected {rest} or {last}"),
                format!("ไม่รู้จักคำสั่ง \"{other}\" ต้องเป็น {rest} หรือ {last}"),
            ))
        }
    }
}

fn bad_argument(en: String, th: String) -> Error {
    Error::new(ErrorKind::InvalidArgument, en, th)
}

/// Options of the form `--name value` plus at most one positional argument.
struct Options {
    pairs: Vec<(String, String)>,
    positional: Option<String>,
}

impl Options {
    fn parse(args: &[String], allowed: &[&str]) -> Result<Options, Error> {
        Options::parse_with_flags(args, allowed, &[])
    }

    /// As [`Options::parse`], plus `flags`: options that take no value.
    fn parse_with_flags(
        args: &[String],
        allowed: &[&str],
        flags: &[&str],
    ) -> Result<Options, Error> {
        let mut pairs = Vec::new();
        let mut positional = None;
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if let Some(name) = arg.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (name, None),
                };
                if flags.contains(&name) && inline.is_none() {
                    pairs.push((name.to_string(), "true".to_string()));
                    continue;
                }
                if !allowed.contains(&name) {
                    let list = allowed
                        .iter()
                        .chain(flags)
                        .map(|a| format!("--{a}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(bad_argument(
                        format!("unknown option --{name}; expected one of: {list}"),
                        format!("ไม่รู้จักตัวเลือก --{name} ใช้ได้เฉพาะ: {list}"),
                    ));
                }
                let value = match inline.or_else(|| it.next().cloned()) {
                    Some(v) => v,
                    None => {
                        return Err(bad_argument(
                            format!("option --{name} needs a value"),
                            format!("ตัวเลือก --{name} ต้องมีค่าตามหลัง"),
                        ))
                    }
                };
                pairs.push((name.to_string(), value));
            } else if positional.is_none() {
                positional = Some(arg.clone());
            } else {
                return Err(bad_argument(
                    format!("unexpected argument \"{arg}\"; put text with spaces in quotes, or use - to read standard input"),
                    format!("มีอาร์กิวเมนต์เกิน \"{arg}\" ข้อความที่มีช่องว่างให้ใส่ในเครื่องหมายคำพูด หรือใช้ - เพื่ออ่านจาก standard input"),
                ));
            }
        }
        Ok(Options { pairs, positional })
    }

    fn flag(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn choice<'a>(
    opts: &'a Options,
    name: &str,
    allowed: &[&'a str],
    default: &'a str,
) -> Result<&'a str, Error> {
    match opts.get(name) {
        None => Ok(default),
        Some(v) if allowed.contains(&v) => Ok(v),
        Some(v) => Err(bad_argument(
            format!("--{name} {v}: expected one of {}", allowed.join(", ")),
            format!("--{name} {v}: ค่าที่ใช้ได้คือ {}", allowed.join(", ")),
        )),
    }
}

fn indicators(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args, &["grade", "area", "stage", "format"])?;
    if let Some(p) = &opts.positional {
        return Err(bad_argument(
            format!("indicators takes no text argument, got \"{p}\""),
            format!("คำสั่ง indicators ไม่รับข้อความ แต่ได้รับ \"{p}\""),
        ));
    }
    let grade = grade_and_stage_flags(&opts)?;
    let area = opts.get("area").map(area_flag).transpose()?;
    let format = choice(&opts, "format", &["table", "jsonl", "csv"], "table")?;
    let list: Vec<&Indicator> = Curriculum::embedded()
        .filter(IndicatorFilter { grade, area })
        .collect();
    let mut out = BufWriter::new(io::stdout().lock());
    write_indicators(&mut out, &list, format)
        .and_then(|()| out.flush())
        .or_else(output_error)
}

/// `--grade`, read as every front end reads a grade ([`sapan::options::read_grade_value`]).
fn grade_flag(g: &str) -> Result<u8, Error> {
    read_grade_value(&Value::from(g)).ok_or_else(|| {
        bad_argument(
            format!("--grade {g}: expected 4, 5 or 6 (the embedded curriculum covers ป.4–ป.6)"),
            format!("--grade {g}: ต้องเป็น 4, 5 หรือ 6 (ข้อมูลหลักสูตรครอบคลุม ป.4–ป.6)"),
        )
    })
}

/// `--stage`, read and checked as every front end does ([`sapan::options::check_stage`]):
/// only stage 2 (ป.4–6) is held; a stage not held is `stage_not_held`.
fn stage_flag(s: &str) -> Result<u8, Error> {
    check_stage(&Value::from(s), "--stage", flag_place("stage"))
}

/// `--grade` and `--stage` together: the grade, checked to be one of the stage's.
fn grade_and_stage_flags(opts: &Options) -> Result<Option<u8>, Error> {
    let stage = opts.get("stage").map(stage_flag).transpose()?;
    let grade = opts.get("grade").map(grade_flag).transpose()?;
    if let (Some(g), Some(n)) = (grade, stage) {
        check_grade_in_stage(g, n, "--grade", flag_place("grade"))?;
    }
    Ok(grade)
}

fn flag_place(flag: &str) -> sapan::Location {
    sapan::Location {
        source: Some("argument".into()),
        field: Some(format!("--{flag}")),
        ..sapan::Location::default()
    }
}

/// `--area` where a draft area is taken too (`sapan align`): a 2551 area or a draft area's
/// name ([`sapan::options::read_either_area_value`]).
fn either_area_flag(a: &str) -> Result<AreaReading, Error> {
    read_either_area_value(&Value::from(a)).ok_or_else(|| {
        bad_argument(
            format!("--area {a}: expected a learning-area letter ท ค ว ส พ ศ ง ต or its name (e.g. คณิตศาสตร์, math), or a draft framework area (e.g. วิทยาศาสตร์และระบบธรรมชาติ)"),
            format!("--area {a}: ต้องเป็นอักษรกลุ่มสาระ ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ (เช่น คณิตศาสตร์) หรือสาระการเรียนรู้ของกรอบหลักสูตร (ร่าง) (เช่น วิทยาศาสตร์และระบบธรรมชาติ)"),
        )
    })
}

/// `--area`, read as every front end reads an area ([`sapan::options::read_area_value`]).
fn area_flag(a: &str) -> Result<LearningArea, Error> {
    read_area_value(&Value::from(a)).ok_or_else(|| {
        bad_argument(
            format!("--area {a}: expected a learning-area letter ท ค ว ส พ ศ ง ต or its name (e.g. คณิตศาสตร์, math)"),
            format!("--area {a}: ต้องเป็นอักษรกลุ่มสาระ ท ค ว ส พ ศ ง ต หรือชื่อกลุ่มสาระ (เช่น คณิตศาสตร์)"),
        )
    })
}

fn write_indicators(out: &mut impl Write, list: &[&Indicator], format: &str) -> io::Result<()> {
    match format {
        "jsonl" => {
            for i in list {
                serde_json::to_writer(&mut *out, i)?;
                writeln!(out)?;
            }
        }
        "csv" => {
            // The BOM makes Excel read the file as UTF-8, so Thai shows correctly.
            write!(
                out,
                "\u{FEFF}code,area,strand,standard,grade,seq,text,verified\r\n"
            )?;
            for i in list {
                let verified = serde_json::to_value(i.verified).ok();
                let fields = [
                    i.code.to_string(),
                    i.area.letter().to_string(),
                    i.strand.clone(),
                    i.standard.clone(),
                    i.grade.to_string(),
                    i.seq.to_string(),
                    i.text.clone(),
                    verified
                        .as_ref()
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string(),
                ];
                let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                write!(out, "{}\r\n", row.join(","))?;
            }
        }
        _ => {
            for i in list {
                writeln!(out, "{:<14}{}", i.code.to_string(), i.text)?;
            }
            writeln!(out, "({} indicators / ตัวชี้วัด {} ข้อ)", list.len(), list.len())?;
        }
    }
    Ok(())
}

/// The contents of a file named on the command line (`-` = standard input), as text.
///
/// Read through the core's decoder, the one the npm package and the app use: UTF-8,
/// UTF-16 with a BOM and Windows-874 are read (the last two with a notice on standard
/// error); a binary file or broken UTF-8 is refused with its line and byte. There is no
/// size limit: big valid input is processed.
fn read_input(path: &str, option: &str) -> Result<String, Error> {
    let (bytes, source) = if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| {
            Error::new(
                ErrorKind::InvalidEncoding,
                format!("cannot read standard input: {e}"),
                format!("อ่าน standard input ไม่ได้: {e}"),
            )
        })?;
        (bytes, "standard input")
    } else {
        let bytes = std::fs::read(path).map_err(|e| {
            bad_argument(
                format!("--{option} {path}: cannot read the file ({e})"),
                format!("--{option} {path}: อ่านไฟล์ไม่ได้ ({e})"),
            )
        })?;
        (bytes, path)
    };
    let decoded = sapan::text::encoding::decode(&bytes, Some(source))?;
    if let Some(notice) = &decoded.notice {
        eprintln!("sapan: {} / {}", notice.message_th, notice.message_en);
    }
    Ok(decoded.text)
}

/// The text argument, or standard input when it is `-`.
fn text_input(opts: &Options, command: &str) -> Result<String, Error> {
    match opts.positional.as_deref() {
        Some("-") => read_input("-", command),
        Some(text) => Ok(text.to_string()),
        None => Err(bad_argument(
            format!("{command} needs TEXT, or - to read standard input"),
            format!("คำสั่ง {command} ต้องมีข้อความ หรือ - เพื่ออ่านจาก standard input"),
        )),
    }
}

fn normalize_command(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args, &[])?;
    let text = text_input(&opts, "normalize")?;
    let mut out = io::stdout().lock();
    write!(out, "{}", normalize(&text))
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                writeln!(out)
            }
        })
        .or_else(output_error)
}

fn segment_command(args: &[String]) -> Result<(), Error> {
    let opts = Options::parse(args, &["format"])?;
    let format = choice(&opts, "format", &["lines", "json", "jsonl"], "lines")?;
    let input = text_input(&opts, "segment")?;
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match format {
        "jsonl" => input.lines().try_for_each(|line| {
            let tokens: Vec<String> = segment(&normalize(line))
                .into_iter()
                .map(|t| t.text)
                .collect();
            serde_json::to_writer(&mut out, &tokens).map_err(io::Error::from)?;
            writeln!(out)
        }),
        "json" => {
            let tokens = segment(&normalize(&input));
            serde_json::to_writer(&mut out, &tokens)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        }
        _ => segment(&normalize(&input))
            .iter()
            .try_for_each(|t| writeln!(out, "{}", t.text)),
    };
    written.and_then(|()| out.flush()).or_else(output_error)
}

/// A closed pipe (`sapan indicators | head`) is the reader's choice, not an error.
fn output_error(e: io::Error) -> Result<(), Error> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::InvalidArgument,
        format!("cannot write output: {e}"),
        format!("เขียนผลลัพธ์ไม่ได้: {e}"),
    ))
}
