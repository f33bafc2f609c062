//! A 1EdTech CASE 1.1 package of the outcomes and their alignments, for
//! curriculum tools that import CASE.
//!
//! The package holds one `CFDocument` (the school's outcome set), one `CFItem`
//! per outcome, and `CFAssociations` of two kinds:
//! - `isChildOf` from every item to the document, which is how CASE tools
//!   build a framework's tree (without it the items show as orphans);
//! - one per outcome × indicator whose relation is worth writing down:
//!   `exactMatchOf` for สอดคล้อง, `isRelatedTo` for สอดคล้องบางส่วน (see
//!   [`crate::Relation::case_association_type`]); ไม่สอดคล้อง writes nothing. Its
//!   `sequenceNumber` is the match's rank for that outcome (as in the CSV),
//!   and its `notes` give the score and the evidence, and, for an outcome the engine split
//!   into several clauses, the clause (or clauses) the match answers: `clause 2: …`.
//!
//! The clause goes in `notes` because CFAssociation has no field of its own for a part of
//! its origin: the structural alternative, an `associationGroupingURI` pointing to a
//! `CFAssociationGrouping` per clause in `CFDefinitions`, would make every importer that
//! ignores groupings (most do) lose it, while `notes` is shown by every CASE tool.
//!
//! The indicators are not in any published CASE framework, so the destination
//! of an alignment is a link to an external node: `title` is the indicator
//! code (`ค 1.1 ป.4/15`), `identifier` a UUID derived from the code alone, the
//! same in every package Sapan writes, so tools can join packages of many
//! schools on it.
//!
//! # Identifiers
//! Every identifier is a UUIDv5 (SHA-1, name-based), never random: the same
//! input gives the same package on every machine. The Sapan namespace is
//! UUIDv5(URL namespace, `urn:sapan`) = `6f106cfb-424e-5a9b-86eb-8505d6bdda4b`.
//! Within it, with U+001F (unit separator) between parts:
//! - document: `document␟{creator}␟{title}`;
//! - item: in the document's identifier as namespace, `item␟{outcome id}`, so
//!   correcting a typo in an outcome's text keeps its identifier, as CASE
//!   expects of an edited statement (a repeated id gets `␟2`, `␟3`, …);
//! - association: in the document's namespace,
//!   `association␟{item identifier}␟{indicator code}` (or `␟document` for
//!   `isChildOf`);
//! - indicator: `indicator␟{code}`.
//!
//! Every `uri` is `urn:uuid:{identifier}` (RFC 9562's URN form): a valid,
//! stable URI that needs no server, where an invented `urn:sapan:` namespace
//! would not be a registered URN.
//!
//! # Dates
//! `lastChangeDateTime` is required on every record, but reading the clock
//! would make two runs differ. The caller passes it in [`CaseOptions`]; the
//! default is the fixed placeholder [`CaseOptions::DEFAULT_DATE_TIME`]
//! (`1970-01-01T00:00:00Z`), which no one will mistake for a real edit time.

use serde::Serialize;

use crate::curriculum::Curriculum;
use crate::engine::Alignment;
use crate::error::{Error, ErrorKind, Result};

use super::uuid::{Uuid, NAMESPACE_URL};
use super::{answered_clauses, evidence_summary, format_score};

/// What the package says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseOptions {
    /// The document's title, e.g. the school and year of the outcome set.
    pub title: String,
    /// Who stands behind the outcomes (CASE's `creator`): the school, ideally.
    pub creator: String,
    /// The `lastChangeDateTime` of every record, an RFC 3339 date-time in UTC
    /// such as `2025-05-16T09:30:00Z`; see [`CaseOptions::check`].
    pub date_time: String,
}

impl CaseOptions {
    /// The date-time used when the caller gives none: fixed so that output is
    /// reproducible, and plainly a placeholder.
    pub const DEFAULT_DATE_TIME: &'static str = "1970-01-01T00:00:00Z";

    /// Checks `date_time` is `YYYY-MM-DDThh:mm:ss`, optional fraction, then `Z`
    /// or `±hh:mm`, so a CASE importer will accept it. Call it on values that
    /// came from a user; [`write_case`] writes whatever it is given.
    pub fn check(&self) -> Result<()> {
        if is_date_time(&self.date_time) {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::InvalidArgument,
                format!(
                    "date-time \"{}\": expected the form 2025-05-16T09:30:00Z",
                    self.date_time
                ),
                format!(
                    "วันเวลา \"{}\": ต้องอยู่ในรูป 2025-05-16T09:30:00Z (ปี ค.ศ.)",
                    self.date_time
                ),
            ))
        }
    }
}

impl Default for CaseOptions {
    fn default() -> Self {
        CaseOptions {
            title: "ผลลัพธ์การเรียนรู้ / Learning outcomes".to_string(),
            creator: "Sapan".to_string(),
            date_time: CaseOptions::DEFAULT_DATE_TIME.to_string(),
        }
    }
}

fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let head = b.len() >= 19
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !head {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &frac[n..];
    }
    let r = rest.as_bytes();
    rest == "Z"
        || (r.len() == 6
            && matches!(r[0], b'+' | b'-')
            && r[1..3].iter().all(u8::is_ascii_digit)
            && r[3] == b':'
            && r[4..6].iter().all(u8::is_ascii_digit))
}

/// The namespace all of Sapan's identifiers descend from.
fn sapan_namespace() -> Uuid {
    Uuid::v5(NAMESPACE_URL, "urn:sapan")
}

/// The identifier every package gives this indicator.
fn indicator_identifier(code: &str) -> Uuid {
    Uuid::v5(sapan_namespace(), &format!("indicator\u{1f}{code}"))
}

fn urn(id: Uuid) -> String {
    format!("urn:uuid:{id}")
}

#[derive(Serialize)]
struct Package {
    #[serde(rename = "CFDocument")]
    document: Document,
    #[serde(rename = "CFItems")]
    items: Vec<Item>,
    #[serde(rename = "CFAssociations")]
    associations: Vec<Association>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    identifier: String,
    uri: String,
    creator: String,
    title: String,
    last_change_date_time: String,
    language: &'static str,
    case_version: &'static str,
    notes: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Item {
    identifier: String,
    uri: String,
    full_statement: String,
    human_coding_scheme: String,
    list_enumeration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    education_level: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Vec<String>>,
    language: &'static str,
    last_change_date_time: String,
    #[serde(rename = "CFDocumentURI")]
    document_uri: Link,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Association {
    identifier: String,
    uri: String,
    association_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    sequence_number: Option<usize>,
    #[serde(rename = "originNodeURI")]
    origin: Link,
    #[serde(rename = "destinationNodeURI")]
    destination: Link,
    #[serde(skip_serializing_if = "Option::is_none")]
    notes: Option<String>,
    last_change_date_time: String,
    #[serde(rename = "CFDocumentURI")]
    document_uri: Link,
}

#[derive(Serialize, Clone)]
struct Link {
    title: String,
    identifier: String,
    uri: String,
}

impl Link {
    fn new(title: impl Into<String>, id: Uuid) -> Link {
        Link {
            title: title.into(),
            identifier: id.to_string(),
            uri: urn(id),
        }
    }
}

/// The outcomes and their alignments as a CASE 1.1 package (pretty JSON,
/// ending with a newline). `curriculum` is consulted so that an alignment to a
/// code the curriculum does not have says so in its notes instead of passing
/// as a real indicator.
pub fn write_case(alignment: &Alignment, curriculum: &Curriculum, options: &CaseOptions) -> String {
    let when = options.date_time.clone();
    let doc_id = Uuid::v5(
        sapan_namespace(),
        &format!("document\u{1f}{}\u{1f}{}", options.creator, options.title),
    );
    let doc_link = Link::new(options.title.clone(), doc_id);
    let document = Document {
        identifier: doc_id.to_string(),
        uri: urn(doc_id),
        creator: options.creator.clone(),
        title: options.title.clone(),
        last_change_date_time: when.clone(),
        language: "th",
        case_version: "1.1",
        notes: format!(
            "Alignments with the indicators of the Basic Education Core Curriculum B.E. 2551 \
             suggested by Sapan {} from the wording of each outcome; a teacher should review them. \
             / ความสอดคล้องกับตัวชี้วัดหลักสูตรแกนกลางการศึกษาขั้นพื้นฐาน พุทธศักราช 2551 \
             ที่ Sapan เสนอจากถ้อยคำของผลลัพธ์การเรียนรู้ ครูควรตรวจสอบ",
            crate::VERSION
        ),
    };

    let mut items = Vec::with_capacity(alignment.outcomes.len());
    let mut associations = Vec::new();
    let mut seen_ids: Vec<&str> = Vec::new();
    for (position, oa) in alignment.outcomes.iter().enumerate() {
        let o = &oa.outcome;
        let repeats = seen_ids.iter().filter(|id| **id == o.id).count();
        seen_ids.push(&o.id);
        let name = if repeats == 0 {
            format!("item\u{1f}{}", o.id)
        } else {
            format!("item\u{1f}{}\u{1f}{}", o.id, repeats + 1)
        };
        let item_id = Uuid::v5(doc_id, &name);
        let item_link = Link::new(o.id.clone(), item_id);
        items.push(Item {
            identifier: item_id.to_string(),
            uri: urn(item_id),
            full_statement: o.text.clone(),
            human_coding_scheme: o.id.clone(),
            list_enumeration: (position + 1).to_string(),
            // CASE uses the two-digit CEDS grade codes.
            education_level: o.grade.map(|g| vec![format!("{g:02}")]),
            subject: o.area.map(|a| vec![a.name_th().to_string()]),
            language: "th",
            last_change_date_time: when.clone(),
            document_uri: doc_link.clone(),
        });

        let child_id = Uuid::v5(doc_id, &format!("association\u{1f}{item_id}\u{1f}document"));
        associations.push(Association {
            identifier: child_id.to_string(),
            uri: urn(child_id),
            association_type: "isChildOf",
            sequence_number: Some(position + 1),
            origin: item_link.clone(),
            destination: doc_link.clone(),
            notes: None,
            last_change_date_time: when.clone(),
            document_uri: doc_link.clone(),
        });

        let mut linked: Vec<String> = Vec::new();
        for (rank, m) in oa.matches.iter().enumerate() {
            let Some(kind) = m.relation.case_association_type() else {
                continue;
            };
            let code = m.code.to_string();
            // One association per pair, even if a hand-built alignment repeats a code.
            if linked.contains(&code) {
                continue;
            }
            let id = Uuid::v5(doc_id, &format!("association\u{1f}{item_id}\u{1f}{code}"));
            let mut notes = format!(
                "score {} ({} / {})",
                format_score(m.score),
                m.relation.name_th(),
                m.relation.name_en()
            );
            let evidence = evidence_summary(&m.evidence);
            if !evidence.is_empty() {
                notes.push_str("; evidence: ");
                notes.push_str(&evidence);
            }
            for (i, clause) in answered_clauses(oa, m) {
                notes.push_str(&format!("; clause {}: {}", i + 1, clause.text));
            }
            if curriculum.indicator(&m.code).is_none() {
                notes.push_str("; code not in the embedded curriculum");
            }
            associations.push(Association {
                identifier: id.to_string(),
                uri: urn(id),
                association_type: kind,
                sequence_number: Some(rank + 1),
                origin: item_link.clone(),
                destination: Link::new(code.clone(), indicator_identifier(&code)),
                notes: Some(notes),
                last_change_date_time: when.clone(),
                document_uri: doc_link.clone(),
            });
            linked.push(code);
        }
    }
    let package = Package {
        document,
        items,
        associations,
    };
    let mut out = serde_json::to_string_pretty(&package).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sapan_namespace_is_the_documented_constant() {
        assert_eq!(
            sapan_namespace().to_string(),
            "6f106cfb-424e-5a9b-86eb-8505d6bdda4b"
        );
    }

    #[test]
    fn date_times_in_rfc_3339_form_pass_and_others_fail() {
        for ok in [
            "2025-05-16T09:30:00Z",
            "2025-05-16T09:30:00.123Z",
            "2025-05-16T16:30:00+07:00",
            CaseOptions::DEFAULT_DATE_TIME,
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2025-05-16",
            "16/05/2568",
            "2025-05-16T09:30:00",
            "2025-05-16T09:30:00.Z",
            "",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
        let o = CaseOptions {
            date_time: "16/05/2568".into(),
            ..CaseOptions::default()
        };
        assert_eq!(o.check().unwrap_err().code(), "invalid_argument");
    }
}
