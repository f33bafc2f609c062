//! CSV and TSV: outcome sheets exported from Excel or Google Sheets, or copied from them.
//!
//! The table parser follows RFC 4180 (quoted fields, `""` for a quote, line breaks inside
//! quotes, CRLF or LF) and counts lines in the physical file, so that a problem points at the
//! line a teacher sees in a text editor. It is lenient where spreadsheets are sloppy: a quote
//! inside an unquoted cell (`5" ruler`) is a character, and a cell whose closing quote is
//! followed by more text (`"สมดุล" คือ`) is read as written, quotes and all.
//!
//! # Columns
//!
//! The first row is a header when one of its cells names a known column (see
//! [`Columns::from_header`]). Without a header, columns are taken by position: one column is
//! the text; two are id, text; three or more are id, text, grade, area, and a fifth or later
//! column is reported once and ignored.

use crate::error::ErrorKind;

use super::{strip_bom, Collector, Field, Labels, Outcomes, Place};

/// Reads a CSV (`delimiter` `,`) or TSV (`'\t'`) sheet of outcomes.
///
/// Problems: `parse_csv` for an unclosed quote (the quote is then read as a character and
/// the rest of the file read on) and for cells beyond the header (kept out of the outcome);
/// `missing_field` for a row with no text (the row is skipped); `invalid_field` for a grade or
/// area that cannot be read (the row is kept without it); `duplicate_id`. Rows with only
/// blank cells are skipped silently.
pub fn read_csv(content: &str, delimiter: char, source: Option<&str>) -> Outcomes {
    let mut out = Collector::new(source);
    let mut table = Table::new(strip_bom(content), delimiter);
    let mut rows = Vec::new();
    while let Some(row) = table.next_row() {
        match row {
            Ok(row) => {
                if row.cells.iter().any(|c| !c.trim().is_empty()) {
                    rows.push(row);
                }
            }
            Err(unclosed) => out.problem(
                ErrorKind::ParseCsv,
                format!(
                    "line {}, column {}: this quote is never closed; it is read as a character and the rows after it are read on",
                    unclosed.line, unclosed.column
                ),
                format!(
                    "บรรทัด {} คอลัมน์ {}: เครื่องหมายคำพูดนี้ไม่มีคู่ปิด จึงอ่านเป็นตัวอักษรธรรมดาและอ่านแถวต่อไป",
                    unclosed.line, unclosed.column
                ),
                Some(unclosed.line),
                Some(unclosed.column),
                None,
            ),
        }
    }
    let Some(first) = rows.first() else {
        return out.finish();
    };
    let (columns, body) = match Columns::from_header(&first.cells) {
        Some(columns) => (columns, &rows[1..]),
        None => (Columns::by_position(first.cells.len()), &rows[..]),
    };
    let Some(text_column) = columns.text else {
        out.problem(
            ErrorKind::MissingField,
            "line 1: the header names no text column (e.g. text, ผลลัพธ์การเรียนรู้, ข้อความ) and has no other column to read the text from".into(),
            "บรรทัด 1: หัวตารางไม่มีคอลัมน์ข้อความ (เช่น text, ผลลัพธ์การเรียนรู้, ข้อความ) และไม่มีคอลัมน์อื่นให้อ่านข้อความ".into(),
            Some(first.line),
            None,
            Some(Field::Text.as_str().into()),
        );
        return out.finish();
    };
    if !columns.from_header && first.cells.len() > 4 {
        out.problem(
            ErrorKind::ParseCsv,
            format!("line {}: without a header the columns are read as id, text, grade, area; the {} columns after the fourth are ignored (add a header row to name them)", first.line, first.cells.len() - 4),
            format!("บรรทัด {}: เมื่อไม่มีหัวตาราง จะอ่านคอลัมน์เป็น รหัส ข้อความ ชั้น กลุ่มสาระ ตามลำดับ และไม่อ่าน {} คอลัมน์หลังคอลัมน์ที่สี่ (เพิ่มแถวหัวตารางเพื่อระบุชื่อคอลัมน์)", first.line, first.cells.len() - 4),
            Some(first.line),
            None,
            None,
        );
    }
    for row in body {
        let place = Place::line(row.line);
        let cell = |i: Option<usize>| i.and_then(|i| row.cells.get(i)).map(String::as_str);
        if columns.from_header && row.cells.len() > columns.width {
            let extra = &row.cells[columns.width..];
            if extra.iter().any(|c| !c.trim().is_empty()) {
                out.problem(
                    ErrorKind::ParseCsv,
                    format!("line {}: the row has {} cells but the header has {}; the extra cells are ignored (a comma inside a text needs quotes)", row.line, row.cells.len(), columns.width),
                    format!("บรรทัด {}: แถวนี้มี {} ช่อง แต่หัวตารางมี {} ช่อง จึงไม่อ่านช่องที่เกิน (ข้อความที่มีจุลภาคต้องอยู่ในเครื่องหมายคำพูด)", row.line, row.cells.len(), columns.width),
                    Some(row.line),
                    None,
                    None,
                );
            }
        }
        let grade =
            cell(columns.grade).and_then(|g| out.grade(g, &place, &columns.name(Field::Grade)));
        let areas =
            cell(columns.area).and_then(|a| out.area(a, &place, &columns.name(Field::Area)));
        let stage =
            cell(columns.stage).and_then(|s| out.stage(s, &place, &columns.name(Field::Stage)));
        let framework_area = cell(columns.framework_area)
            .and_then(|a| out.framework_area(a, &place, &columns.name(Field::FrameworkArea)));
        let labels = Labels::read(grade, stage, areas, framework_area);
        out.push(
            cell(columns.id).map(str::to_string),
            cell(Some(text_column)).unwrap_or(""),
            labels,
            &place,
            &columns.name(Field::Text),
        );
    }
    out.finish()
}

/// Which cell holds which field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Columns {
    id: Option<usize>,
    text: Option<usize>,
    grade: Option<usize>,
    area: Option<usize>,
    stage: Option<usize>,
    framework_area: Option<usize>,
    /// The header's cells, for problem locations (empty without a header).
    names: Vec<String>,
    width: usize,
    from_header: bool,
}

impl Columns {
    /// The columns a header row names, or `None` when no cell names a known column (then
    /// the row is data). The first cell naming a field wins. A header that names no text
    /// column takes the first column it does not recognise as the text (`รหัส,รายละเอียด`);
    /// other unrecognised columns are ignored.
    pub(crate) fn from_header(cells: &[String]) -> Option<Columns> {
        let mut columns = Columns {
            names: cells.iter().map(|c| c.trim().to_string()).collect(),
            width: cells.len(),
            from_header: true,
            ..Columns::default()
        };
        let mut unknown = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let slot = match Field::from_name(cell) {
                Some(Field::Id) => &mut columns.id,
                Some(Field::Text) => &mut columns.text,
                Some(Field::Grade) => &mut columns.grade,
                Some(Field::Area) => &mut columns.area,
                Some(Field::Stage) => &mut columns.stage,
                Some(Field::FrameworkArea) => &mut columns.framework_area,
                None => {
                    unknown.push(i);
                    continue;
                }
            };
            slot.get_or_insert(i);
        }
        if unknown.len() == cells.len() {
            return None;
        }
        if columns.text.is_none() {
            columns.text = unknown.first().copied();
        }
        Some(columns)
    }

    /// Columns by position, for a sheet without a header (see the module documentation).
    fn by_position(width: usize) -> Columns {
        let at = |i: usize| (i < width).then_some(i);
        let (id, text, grade, area) = match width {
            0 | 1 => (None, Some(0), None, None),
            _ => (Some(0), Some(1), at(2), at(3)),
        };
        Columns {
            id,
            text,
            grade,
            area,
            stage: None,
            framework_area: None,
            names: Vec::new(),
            width,
            from_header: false,
        }
    }

    /// The name to give `field` in a problem: the header's own cell, else the English name.
    fn name(&self, field: Field) -> String {
        let index = match field {
            Field::Id => self.id,
            Field::Text => self.text,
            Field::Grade => self.grade,
            Field::Area => self.area,
            Field::Stage => self.stage,
            Field::FrameworkArea => self.framework_area,
        };
        index
            .and_then(|i| self.names.get(i))
            .filter(|n| !n.is_empty())
            .cloned()
            .unwrap_or_else(|| field.as_str().to_string())
    }
}

/// One row of the table and the physical line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    line: usize,
    cells: Vec<String>,
}

/// A quote that opens a cell and is never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Unclosed {
    line: usize,
    column: usize,
}

/// An RFC 4180 reader that yields rows one by one, so that after an unclosed quote it can go
/// back to the start of that row and read it again with the quote as a plain character.
struct Table<'a> {
    text: &'a str,
    delimiter: char,
    pos: usize,
    line: usize,
    /// Byte offsets of quotes found unclosed, to read as characters.
    literal_quotes: Vec<usize>,
}

impl<'a> Table<'a> {
    fn new(text: &'a str, delimiter: char) -> Table<'a> {
        Table {
            text,
            delimiter,
            pos: 0,
            line: 1,
            literal_quotes: Vec::new(),
        }
    }

    fn next_row(&mut self) -> Option<Result<Row, Unclosed>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let (start, start_line) = (self.pos, self.line);
        match self.read_row() {
            Ok(row) => Some(Ok(row)),
            Err(Retry::Unclosed(quote, unclosed)) => {
                self.literal_quotes.push(quote);
                self.pos = start;
                self.line = start_line;
                Some(Err(unclosed))
            }
        }
    }

    fn read_row(&mut self) -> Result<Row, Retry> {
        let line = self.line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut base = self.pos;
        let mut chars = self.text[base..].char_indices().peekable();
        let mut at_cell_start = true;
        // The open quote: (offset, line, where its line starts).
        let mut quoted: Option<(usize, usize, usize)> = None;
        let mut line_start = self.line_start(base);
        while let Some((i, c)) = chars.next() {
            let offset = base + i;
            if let Some((quote, quote_line, quote_line_start)) = quoted {
                match c {
                    '"' if chars.peek().map(|&(_, n)| n) == Some('"') => {
                        chars.next();
                        cell.push('"');
                    }
                    '"' => {
                        // The closing quote: only a delimiter or a line end may follow it.
                        match chars.peek().map(|&(_, n)| n) {
                            None | Some('\n' | '\r') => {}
                            Some(n) if n == self.delimiter => {}
                            Some(_) => {
                                // Text follows: the cell was not quoted after all. Read it
                                // again from its opening quote, as a character. Only this
                                // cell is read again, not the row: going back to the row's
                                // start for each such cell cost the row's length squared.
                                cell.clear();
                                cell.push('"');
                                self.line = quote_line;
                                line_start = quote_line_start;
                                base = quote + 1;
                                chars = self.text[base..].char_indices().peekable();
                                quoted = None;
                                continue;
                            }
                        }
                        quoted = None;
                    }
                    '\r' | '\n' => {
                        if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
                            chars.next();
                        }
                        cell.push('\n');
                        self.line += 1;
                        line_start = base + i + c.len_utf8();
                    }
                    c => cell.push(c),
                }
                continue;
            }
            match c {
                '"' if at_cell_start && !self.literal_quotes.contains(&offset) => {
                    quoted = Some((offset, self.line, line_start));
                    at_cell_start = false;
                }
                c if c == self.delimiter => {
                    cells.push(std::mem::take(&mut cell));
                    at_cell_start = true;
                }
                '\r' | '\n' => {
                    let mut end = i + 1;
                    if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
                        chars.next();
                        end += 1;
                    }
                    cells.push(cell);
                    self.pos = base + end;
                    self.line += 1;
                    return Ok(Row { line, cells });
                }
                c => {
                    cell.push(c);
                    at_cell_start = false;
                }
            }
        }
        if let Some((quote, quote_line, quote_line_start)) = quoted {
            // Counted only here: counting at every opening quote cost a long line's length
            // squared.
            let column = self.text[quote_line_start..quote].chars().count() + 1;
            return Err(Retry::Unclosed(
                quote,
                Unclosed {
                    line: quote_line,
                    column,
                },
            ));
        }
        cells.push(cell);
        self.pos = self.text.len();
        Ok(Row { line, cells })
    }

    /// The byte offset where the physical line holding `offset` starts.
    fn line_start(&self, offset: usize) -> usize {
        self.text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
    }
}

enum Retry {
    /// A quote opened a cell and the text ended before it closed.
    Unclosed(usize, Unclosed),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<Result<Row, Unclosed>> {
        let mut table = Table::new(text, ',');
        std::iter::from_fn(|| table.next_row()).collect()
    }

    fn row(line: usize, cells: &[&str]) -> Result<Row, Unclosed> {
        Ok(Row {
            line,
            cells: cells.iter().map(|c| c.to_string()).collect(),
        })
    }

    #[test]
    fn quoted_cells_keep_delimiters_quotes_and_line_breaks() {
        assert_eq!(
            rows("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\r\ny\",z\n"),
            vec![row(1, &["a", "b,c", "say \"hi\""]), row(2, &["x\ny", "z"])]
        );
    }

    #[test]
    fn a_row_after_a_multi_line_cell_starts_on_its_physical_line() {
        let r = rows("\"a\n\nb\",1\nc,2");
        assert_eq!(r[1], row(4, &["c", "2"]));
    }

    #[test]
    fn a_quote_inside_an_unquoted_cell_is_a_character() {
        assert_eq!(rows("5\" ruler,x"), vec![row(1, &["5\" ruler", "x"])]);
    }

    #[test]
    fn text_after_a_closing_quote_makes_the_cell_unquoted() {
        assert_eq!(rows("\"สมดุล\" คือ,x"), vec![row(1, &["\"สมดุล\" คือ", "x"])]);
    }

    #[test]
    fn a_cell_found_unquoted_after_a_line_break_is_read_again_from_its_quote() {
        assert_eq!(
            rows("x,\"a\nb\" c,y\nd,e"),
            vec![
                row(1, &["x", "\"a"]),
                row(2, &["b\" c", "y"]),
                row(3, &["d", "e"]),
            ]
        );
        assert_eq!(
            rows("\"a\"b,\"c\"d,\"e\""),
            vec![row(1, &["\"a\"b", "\"c\"d", "e"])]
        );
    }

    #[test]
    fn repeated_ids_take_the_next_free_suffix() {
        let ids = |sheet: &str| -> Vec<String> {
            read_csv(sheet, ',', None)
                .outcomes
                .into_iter()
                .map(|o| o.id)
                .collect()
        };
        assert_eq!(
            ids("id,text\n1,ก\n1,ข\n1,ค\n1-2,ง"),
            ["1", "1-2", "1-3", "1-2-2"]
        );
        assert_eq!(
            ids("id,text\n1-2,ก\n1,ข\n1,ค\n1,ง"),
            ["1-2", "1", "1-3", "1-4"]
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_then_read_as_a_character() {
        assert_eq!(
            rows("a,b\nc,\"d\ne,f"),
            vec![
                row(1, &["a", "b"]),
                Err(Unclosed { line: 2, column: 3 }),
                row(2, &["c", "\"d"]),
                row(3, &["e", "f"]),
            ]
        );
    }

    #[test]
    fn header_aliases_are_read_in_thai_and_english() {
        let cells = |s: &str| s.split(',').map(str::to_string).collect::<Vec<_>>();
        let c = Columns::from_header(&cells("ที่,ผลลัพธ์การเรียนรู้ (LO),ชั้น,กลุ่มสาระ")).unwrap();
        assert_eq!(
            (c.id, c.text, c.grade, c.area),
            (Some(0), Some(1), Some(2), Some(3))
        );
        let c = Columns::from_header(&cells("Code,Grade,Full Statement,x")).unwrap();
        assert_eq!((c.id, c.text, c.grade), (Some(0), Some(2), Some(1)));
        let c = Columns::from_header(&cells("รหัส,รายละเอียด")).unwrap();
        assert_eq!(c.text, Some(1));
        assert_eq!(Columns::from_header(&cells("1,อ่านออกเสียง")), None);
    }
}
