//! The streaming CSV reader: finds the header, the delimiter and the app that
//! wrote a file, then turns one record at a time into [`CsvRow`]s.
//!
//! Memory stays bounded whatever the input: bytes are pulled through a guard
//! that follows the CSV quoting rules and fails with [`CsvError::TooLarge`]
//! as soon as one record passes [`MAX_RECORD_BYTES`], before the record is
//! held in memory. Cells must be UTF-8: a record that is not is a
//! [`CsvError::Malformed`] naming its line (no lossy decoding, so a name is
//! never silently garbled). An error ends the iteration.

use std::collections::{HashMap, VecDeque};
use std::io::{self, Read};

use super::numbers::{normalise_header, quote};
use super::{CsvError, CsvRow, Source};
use super::{fitnotes, heft_layout, hevy, liftosaur, strong, stronglifts};
use crate::model::WeightUnit;

/// Largest record (one row, or one header) accepted, in bytes.
pub const MAX_RECORD_BYTES: u64 = 1 << 20;

/// How to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// The app that wrote the file; `None` to recognise it from the header.
    pub source: Option<Source>,
    /// The unit of weights in files that name none anywhere (Strong's plain
    /// header has a `Weight` column and no unit).
    pub default_unit: WeightUnit,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            source: None,
            default_unit: WeightUnit::Kg,
        }
    }
}

/// The app whose export starts with `header_line` (the file's first line;
/// a UTF-8 byte-order mark and a line ending are allowed), or `None`.
pub fn sniff(header_line: &str) -> Option<Source> {
    let line = header_line.trim_start_matches('\u{feff}');
    let line = line.split(['\n', '\r']).next().unwrap_or("");
    let delim = detect_delimiter(line.as_bytes());
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let mut rec = csv::StringRecord::new();
    match rdr.read_record(&mut rec) {
        Ok(true) => sniff_header(&Header::new(rec.iter().map(str::to_string).collect())),
        _ => None,
    }
}

/// The source whose layout `header` matches, most specific first.
fn sniff_header(header: &Header) -> Option<Source> {
    if heft_layout::matches(header) {
        Some(Source::Heft)
    } else if hevy::matches(header) {
        Some(Source::Hevy)
    } else if liftosaur::matches(header) {
        Some(Source::Liftosaur)
    } else if stronglifts::matches(header) {
        Some(Source::StrongLifts)
    } else if fitnotes::matches(header) {
        Some(Source::FitNotes)
    } else if strong::matches(header) {
        Some(Source::Strong)
    } else {
        None
    }
}

/// The delimiter of a header line: whichever of `,` `;` and tab appears most
/// often outside quotes (`,` on a tie or when none does).
fn detect_delimiter(line: &[u8]) -> u8 {
    let (mut comma, mut semi, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for &b in line {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semi += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semi > comma && semi >= tab {
        b';'
    } else if tab > comma && tab > semi {
        b'\t'
    } else {
        b','
    }
}

/// A file's header: the names as written and as normalised for matching.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    names: Vec<String>,
    norm: Vec<String>,
}

impl Header {
    pub(crate) fn new(names: Vec<String>) -> Self {
        let names: Vec<String> = names
            .into_iter()
            .map(|n| n.trim_start_matches('\u{feff}').trim().to_string())
            .collect();
        let norm = names.iter().map(|n| normalise_header(n)).collect();
        Header { names, norm }
    }

    /// Number of columns.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The normalised names, in order.
    pub(crate) fn normalised(&self) -> &[String] {
        &self.norm
    }

    /// The first column whose normalised name is one of `candidates`
    /// (given in any spelling; they are normalised too).
    pub(crate) fn find(&self, candidates: &[&str]) -> Option<Col> {
        let wanted: Vec<String> = candidates.iter().map(|c| normalise_header(c)).collect();
        self.norm
            .iter()
            .position(|n| wanted.iter().any(|w| w == n))
            .and_then(|i| self.col(i))
    }

    /// Column `i`, named as the file spells it.
    pub(crate) fn col(&self, i: usize) -> Option<Col> {
        self.names.get(i).map(|n| Col {
            idx: i,
            name: if n.is_empty() {
                format!("column {}", i + 1)
            } else {
                n.clone()
            },
        })
    }

    /// The header shortened for an error message.
    pub(crate) fn summary(&self) -> String {
        quote(&self.names.join(","))
    }
}

/// A column: where it is, and its name as the file spells it (for skip reasons).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Col {
    pub(crate) idx: usize,
    pub(crate) name: String,
}

/// One record of a file: its line and its cells.
pub(crate) struct Row<'a> {
    pub(crate) line: u64,
    pub(crate) fields: &'a [&'a str],
}

impl<'a> Row<'a> {
    /// The cell in `col`, or "" when the column is absent or the record short.
    pub(crate) fn get(&self, col: &Col) -> &'a str {
        self.fields.get(col.idx).copied().unwrap_or("")
    }

    /// The cell in an optional column ("" when there is none).
    pub(crate) fn opt(&self, col: &Option<Col>) -> &'a str {
        col.as_ref().map_or("", |c| self.get(c))
    }
}

/// `Err(MissingColumn)` for a required column.
pub(crate) fn need(
    header: &Header,
    layout: &'static str,
    candidates: &[&str],
) -> Result<Col, CsvError> {
    header
        .find(candidates)
        .ok_or_else(|| CsvError::MissingColumn {
            layout,
            column: candidates.first().copied().unwrap_or("?").to_string(),
        })
}

/// Numbers sets within each exercise of a workout in file order, from 1.
///
/// Files group their rows by workout, so only the current workout's counts
/// are kept (constant memory); a file that came back to an earlier workout
/// after another would number that workout's later rows from 1 again.
#[derive(Debug, Default)]
pub(crate) struct SetCounter {
    workout: Option<String>,
    counts: HashMap<String, u32>,
}

impl SetCounter {
    /// The next number for `exercise` in the workout keyed `workout`.
    pub(crate) fn next(&mut self, workout: &str, exercise: &str) -> u32 {
        if self.workout.as_deref() != Some(workout) {
            self.workout = Some(workout.to_string());
            self.counts.clear();
        }
        if let Some(n) = self.counts.get_mut(exercise) {
            *n = n.saturating_add(1);
            return *n;
        }
        self.counts.insert(exercise.to_string(), 1);
        1
    }
}

/// The per-source record mapper.
enum Layout {
    Strong(Box<strong::Strong>),
    Hevy(Box<hevy::Hevy>),
    FitNotes(Box<fitnotes::FitNotes>),
    StrongLifts(Box<stronglifts::StrongLifts>),
    Liftosaur(Box<liftosaur::Liftosaur>),
    Heft(Box<heft_layout::HeftLayout>),
}

impl Layout {
    fn new(source: Source, header: &Header, opts: &ReadOptions) -> Result<Layout, CsvError> {
        Ok(match source {
            Source::Strong => Layout::Strong(Box::new(strong::Strong::new(header, opts)?)),
            Source::Hevy => Layout::Hevy(Box::new(hevy::Hevy::new(header)?)),
            Source::FitNotes => Layout::FitNotes(Box::new(fitnotes::FitNotes::new(header, opts)?)),
            Source::StrongLifts => {
                Layout::StrongLifts(Box::new(stronglifts::StrongLifts::new(header, opts)?))
            }
            Source::Liftosaur => {
                Layout::Liftosaur(Box::new(liftosaur::Liftosaur::new(header, opts)?))
            }
            Source::Heft => Layout::Heft(Box::new(heft_layout::HeftLayout::new(header)?)),
        })
    }

    fn read(&mut self, row: &Row<'_>, out: &mut VecDeque<CsvRow>) {
        match self {
            Layout::Strong(l) => l.read(row, out),
            Layout::Hevy(l) => l.read(row, out),
            Layout::FitNotes(l) => l.read(row, out),
            Layout::StrongLifts(l) => l.read(row, out),
            Layout::Liftosaur(l) => l.read(row, out),
            Layout::Heft(l) => l.read(row, out),
        }
    }

    fn repaired(&self) -> u64 {
        match self {
            Layout::FitNotes(l) => l.repaired(),
            _ => 0,
        }
    }

    fn names_weight_unit(&self) -> bool {
        match self {
            Layout::Strong(l) => l.names_weight_unit(),
            Layout::FitNotes(l) => l.names_weight_unit(),
            Layout::Liftosaur(l) => l.names_weight_unit(),
            Layout::Hevy(_) | Layout::StrongLifts(_) | Layout::Heft(_) => true,
        }
    }
}

/// Where the guard is in the CSV grammar (the same states as csv-core's
/// reader with default quoting, so both agree on where records end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    RecordStart,
    FieldStart,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// The byte source under the CSV parser: serves the bytes already read for
/// the header, then the file; counts bytes; and fails a read once the
/// record in progress passes [`MAX_RECORD_BYTES`].
struct Guard<R> {
    inner: R,
    prefix: Vec<u8>,
    prefix_pos: usize,
    bytes_read: u64,
    delim: u8,
    state: Quoting,
    record_bytes: u64,
    line: u64,
    record_line: u64,
    /// Start lines of the records seen but not yet taken by the parser
    /// (bounded by the parser's read-ahead buffer).
    starts: VecDeque<u64>,
    tripped: Option<u64>,
}

impl<R: Read> Guard<R> {
    fn new(inner: R) -> Self {
        Guard {
            inner,
            prefix: Vec::new(),
            prefix_pos: 0,
            bytes_read: 0,
            delim: b',',
            state: Quoting::RecordStart,
            record_bytes: 0,
            line: 1,
            record_line: 1,
            starts: VecDeque::new(),
            tripped: None,
        }
    }

    fn step(&mut self, b: u8) {
        let term = b == b'\r' || b == b'\n';
        if self.state == Quoting::RecordStart {
            if term {
                self.line += u64::from(b == b'\n');
                return;
            }
            self.record_line = self.line;
            self.starts.push_back(self.line);
            self.record_bytes = 0;
            self.state = Quoting::FieldStart;
        }
        self.record_bytes += 1;
        self.state = match self.state {
            Quoting::FieldStart if b == b'"' => Quoting::InQuoted,
            Quoting::FieldStart | Quoting::InField | Quoting::QuoteInQuoted if b == self.delim => {
                Quoting::FieldStart
            }
            Quoting::FieldStart | Quoting::InField | Quoting::QuoteInQuoted if term => {
                Quoting::RecordStart
            }
            Quoting::QuoteInQuoted if b == b'"' => Quoting::InQuoted,
            Quoting::FieldStart | Quoting::InField | Quoting::QuoteInQuoted => Quoting::InField,
            Quoting::InQuoted if b == b'"' => Quoting::QuoteInQuoted,
            Quoting::InQuoted => Quoting::InQuoted,
            // Not reached: a record start became FieldStart above.
            Quoting::RecordStart => Quoting::FieldStart,
        };
        self.line += u64::from(b == b'\n');
    }
}

/// The error a tripped guard gives the CSV parser.
#[derive(Debug)]
struct RecordTooLarge;

impl std::fmt::Display for RecordTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("record too large")
    }
}

impl std::error::Error for RecordTooLarge {}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.tripped.is_some() {
            return Err(io::Error::other(RecordTooLarge));
        }
        let n = if let Some(rest) = self.prefix.get(self.prefix_pos..).filter(|r| !r.is_empty()) {
            let n = rest.len().min(buf.len());
            if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
                dst.copy_from_slice(src);
            }
            self.prefix_pos += n;
            if self.prefix_pos >= self.prefix.len() {
                self.prefix = Vec::new();
                self.prefix_pos = 0;
            }
            n
        } else {
            let n = self.inner.read(buf)?;
            self.bytes_read += n as u64;
            n
        };
        for i in 0..n {
            let Some(&b) = buf.get(i) else { break };
            self.step(b);
            if self.record_bytes > MAX_RECORD_BYTES {
                self.tripped = Some(self.record_line);
                return Err(io::Error::other(RecordTooLarge));
            }
        }
        Ok(n)
    }
}

/// A streaming reader of another app's CSV export (or Heft's own layout):
/// an iterator of [`CsvRow`]s, one record at a time.
pub struct CsvReader<R: Read> {
    csv: csv::Reader<Guard<R>>,
    record: csv::ByteRecord,
    layout: Layout,
    source: Source,
    queue: VecDeque<CsvRow>,
    done: bool,
    /// The header's fields and delimiter, to explain rows that do not fit.
    shape: Shape,
}

/// What every row should look like: the header's field count and delimiter.
#[derive(Debug, Clone, Copy)]
struct Shape {
    fields: usize,
    delim: u8,
}

impl<R: Read> std::fmt::Debug for CsvReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvReader")
            .field("source", &self.source)
            .field("bytes_read", &self.bytes_read())
            .finish_non_exhaustive()
    }
}

impl<R: Read> CsvReader<R> {
    /// Reads the header (after a UTF-8 byte-order mark), detects the
    /// delimiter (`,` `;` or tab), recognises the app unless
    /// `opts.source` names it, and maps the columns by name.
    ///
    /// Errors: [`CsvError::UnknownFormat`] when no layout matches,
    /// [`CsvError::MissingColumn`] when the named layout lacks a column it
    /// needs, [`CsvError::Malformed`] for text that is not UTF-8,
    /// [`CsvError::TooLarge`] for a header over 1 MiB, [`CsvError::Io`].
    pub fn new(reader: R, opts: &ReadOptions) -> Result<Self, CsvError> {
        let mut guard = Guard::new(reader);
        let mut head = read_first_line(&mut guard)?;
        if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
            return Err(CsvError::Malformed {
                line: 1,
                reason: "the file is UTF-16 text; save it as UTF-8".to_string(),
            });
        }
        if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
            head.drain(..3);
        }
        let first_line_end = head
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(head.len());
        let delim = detect_delimiter(head.get(..first_line_end).unwrap_or(&[]));
        guard.delim = delim;
        guard.prefix = head;
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(delim)
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(8 * 1024)
            .from_reader(guard);
        let mut record = csv::ByteRecord::new();
        let header = match next_record(&mut csv, &mut record) {
            Ok(Some(line)) => decode_all(&record, line)?,
            Ok(None) => {
                return Err(CsvError::UnknownFormat {
                    detail: "the file is empty".to_string(),
                });
            }
            Err(e) => return Err(map_csv_error(e, csv.get_ref())),
        };
        let header = Header::new(header);
        let shape = Shape {
            fields: header.len(),
            delim,
        };
        let mut queue = VecDeque::new();

        let (source, layout) = match opts.source.or_else(|| sniff_header(&header)) {
            Some(source) => match Layout::new(source, &header, opts) {
                Ok(layout) => (source, layout),
                Err(e) if source == Source::Strong => {
                    // Last resort: a Strong export whose header we cannot
                    // read (an untranslated language) mapped by position.
                    match strong_by_position(&mut csv, &mut record, &header, opts, &mut queue)? {
                        Some(l) => (Source::Strong, l),
                        None => return Err(e),
                    }
                }
                Err(e) => return Err(e),
            },
            None => match strong_by_position(&mut csv, &mut record, &header, opts, &mut queue)? {
                Some(l) => (Source::Strong, l),
                None => {
                    return Err(CsvError::UnknownFormat {
                        detail: header.summary(),
                    });
                }
            },
        };
        Ok(CsvReader {
            csv,
            record,
            layout,
            source,
            queue,
            done: false,
            shape,
        })
    }

    /// The app that wrote the file.
    pub fn source(&self) -> Source {
        self.source
    }

    /// Rows recovered from shifted columns so far (FitNotes names with
    /// unquoted commas).
    pub fn repaired(&self) -> u64 {
        self.layout.repaired()
    }

    /// Whether the file names the unit of its weights (in a column's name,
    /// a unit column or per value). When it does not, every weight is in
    /// [`ReadOptions::default_unit`]: see [`super::UnitEvidence`] for
    /// telling the unit from the values.
    pub fn names_weight_unit(&self) -> bool {
        self.layout.names_weight_unit()
    }

    /// The underlying reader.
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.csv.get_mut().inner
    }

    /// Bytes read from the underlying reader so far (for a progress bar;
    /// runs a little ahead of the rows returned, by the read buffer).
    pub fn bytes_read(&self) -> u64 {
        self.csv.get_ref().bytes_read
    }
}

impl<R: Read> Iterator for CsvReader<R> {
    type Item = Result<CsvRow, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(row) = self.queue.pop_front() {
                return Some(Ok(row));
            }
            if self.done {
                return None;
            }
            match next_record(&mut self.csv, &mut self.record) {
                Ok(Some(line)) => {
                    if let Err(e) = process(
                        &self.record,
                        line,
                        self.shape,
                        &mut self.layout,
                        &mut self.queue,
                    ) {
                        self.done = true;
                        return Some(Err(e));
                    }
                }
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(map_csv_error(e, self.csv.get_ref())));
                }
            }
        }
    }
}

/// The next record and the physical line it starts on. (csv's own
/// `position()` is where the previous record ended: before the `\n` of a
/// CRLF and before blank lines; the guard, which follows the same grammar,
/// knows where each record really starts.)
fn next_record<R: Read>(
    csv: &mut csv::Reader<Guard<R>>,
    record: &mut csv::ByteRecord,
) -> Result<Option<u64>, csv::Error> {
    if !csv.read_byte_record(record)? {
        return Ok(None);
    }
    let fallback = record.position().map_or(0, |p| p.line());
    Ok(Some(csv.get_mut().starts.pop_front().unwrap_or(fallback)))
}

/// Decodes one record and hands it to the layout. Records whose cells are
/// all blank are passed over silently (like blank lines).
fn process(
    record: &csv::ByteRecord,
    line: u64,
    shape: Shape,
    layout: &mut Layout,
    out: &mut VecDeque<CsvRow>,
) -> Result<(), CsvError> {
    let mut fields: Vec<&str> = Vec::with_capacity(record.len());
    for (i, f) in record.iter().enumerate() {
        match std::str::from_utf8(f) {
            Ok(s) => fields.push(s),
            Err(_) => return Err(not_utf8(line, i)),
        }
    }
    if fields.iter().all(|f| f.trim().is_empty()) {
        return Ok(());
    }
    // A row with a single field where the header has several was written
    // with another delimiter (or pasted from elsewhere): say so, rather than
    // letting the layout read its empty columns as some other kind of row.
    if let Some(reason) = misfit(&fields, shape) {
        out.push_back(CsvRow::Skip { line, reason });
        return Ok(());
    }
    layout.read(
        &Row {
            line,
            fields: &fields,
        },
        out,
    );
    Ok(())
}

/// Why a row cannot be read as the header's layout, when it has one field
/// where the header has several.
fn misfit(fields: &[&str], shape: Shape) -> Option<String> {
    if shape.fields < 3 || fields.len() != 1 {
        return None;
    }
    let name = |d: u8| match d {
        b'\t' => "tab".to_string(),
        d => format!("'{}'", d as char),
    };
    let other = [b',', b';', b'\t']
        .into_iter()
        .filter(|&d| d != shape.delim)
        .max_by_key(|&d| fields[0].bytes().filter(|&b| b == d).count())
        .filter(|&d| fields[0].bytes().any(|b| b == d));
    Some(match other {
        Some(d) => format!(
            "1 field where the header has {}: the row is separated by {} where the header uses {}",
            shape.fields,
            name(d),
            name(shape.delim)
        ),
        None => format!("1 field where the header has {}", shape.fields),
    })
}

fn not_utf8(line: u64, field: usize) -> CsvError {
    CsvError::Malformed {
        line,
        reason: format!(
            "field {} is not UTF-8 text (save the export as UTF-8)",
            field + 1
        ),
    }
}

/// Every cell of `record` as text.
fn decode_all(record: &csv::ByteRecord, line: u64) -> Result<Vec<String>, CsvError> {
    record
        .iter()
        .enumerate()
        .map(|(i, f)| {
            std::str::from_utf8(f)
                .map(str::to_string)
                .map_err(|_| not_utf8(line, i))
        })
        .collect()
}

/// Reads until the end of the first line (or EOF), at most
/// [`MAX_RECORD_BYTES`]; the bytes are later replayed to the CSV parser.
fn read_first_line<R: Read>(guard: &mut Guard<R>) -> Result<Vec<u8>, CsvError> {
    let mut head = Vec::new();
    let mut chunk = [0u8; 8 * 1024];
    loop {
        let n = loop {
            match guard.inner.read(&mut chunk) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(CsvError::Io(e.to_string())),
            }
        };
        guard.bytes_read += n as u64;
        let got = chunk.get(..n).unwrap_or(&[]);
        let searched_from = head.len();
        head.extend_from_slice(got);
        if n == 0
            || head
                .get(searched_from..)
                .is_some_and(|h| h.iter().any(|&b| b == b'\n' || b == b'\r'))
        {
            return Ok(head);
        }
        if head.len() as u64 > MAX_RECORD_BYTES {
            return Err(CsvError::TooLarge {
                line: 1,
                what: "the header line",
                limit: MAX_RECORD_BYTES,
            });
        }
    }
}

fn map_csv_error<R>(e: csv::Error, guard: &Guard<R>) -> CsvError {
    if let Some(line) = guard.tripped {
        return CsvError::TooLarge {
            line,
            what: "a record",
            limit: MAX_RECORD_BYTES,
        };
    }
    let line = e.position().map_or(0, |p| p.line());
    match e.into_kind() {
        csv::ErrorKind::Io(io) => CsvError::Io(io.to_string()),
        csv::ErrorKind::Utf8 { err, .. } => not_utf8(line, err.field()),
        other => CsvError::Malformed {
            line,
            reason: format!("{other:?}"),
        },
    }
}

/// Reads the first data record and, if the file has the shape of a Strong
/// export, returns a positional Strong layout (the record is mapped and
/// queued). `Ok(None)` when the shape does not match.
fn strong_by_position<R: Read>(
    csv: &mut csv::Reader<Guard<R>>,
    record: &mut csv::ByteRecord,
    header: &Header,
    opts: &ReadOptions,
    queue: &mut VecDeque<CsvRow>,
) -> Result<Option<Layout>, CsvError> {
    let line = loop {
        match next_record(csv, record) {
            Ok(None) => return Ok(None),
            Ok(Some(line)) if record.iter().any(|f| !f.trim_ascii().is_empty()) => break line,
            Ok(Some(_)) => {}
            Err(e) => return Err(map_csv_error(e, csv.get_ref())),
        }
    };
    let first = decode_all(record, line)?;
    let first_refs: Vec<&str> = first.iter().map(String::as_str).collect();
    let Some(s) = strong::Strong::by_position(header, &first_refs, opts) else {
        return Ok(None);
    };
    let mut layout = Layout::Strong(Box::new(s));
    layout.read(
        &Row {
            line,
            fields: &first_refs,
        },
        queue,
    );
    Ok(Some(layout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_every_layout() {
        let cases = [
            (
                "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes",
                Some(Source::Strong),
            ),
            (
                "\u{feff}Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\r\n",
                Some(Source::Strong),
            ),
            (
                "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"",
                Some(Source::Strong),
            ),
            (
                "Date;Nom de l'entraînement;Durée;Nom de l'exercice;Ordre des séries;Poids;Répétitions;Distance;Secondes;Notes;Notes de l'entraînement;RPE",
                Some(Source::Strong),
            ),
            (
                "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"",
                Some(Source::Hevy),
            ),
            (
                "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment",
                Some(Source::FitNotes),
            ),
            (
                "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time",
                Some(Source::FitNotes),
            ),
            (
                "Date (yyyy/mm/dd),Workout,Workout Name,Program Name,Body Weight (KG),Exercise,Notes,Set 1 (Reps), Set 1 (KG)",
                Some(Source::StrongLifts),
            ),
            (
                "Workout DateTime,Program,Day,Exercise,Is Warmup Set?,Required Reps,Completed Reps,RPE,Completed Reps Time,Required Weight Value,Required Weight Unit,Completed Weight Value,Completed Weight Unit,Is Completed?",
                Some(Source::Liftosaur),
            ),
            (
                "workout_id,workout_name,workout_started_at,workout_finished_at,workout_duration_s,workout_note,set_id,position,performed_at,exercise_id,exercise,kind,load_type,weight,weight_unit,reps,rir,rpe,duration_s,distance,distance_unit,landings,drop_height_cm,pain,note,target_weight,target_weight_unit,target_reps,target_rir",
                Some(Source::Heft),
            ),
            ("a,b,c", None),
            ("", None),
            ("\u{0}\u{1}garbage", None),
        ];
        for (line, want) in cases {
            assert_eq!(sniff(line), want, "{line}");
        }
    }

    #[test]
    fn a_row_in_another_delimiter_is_skipped_with_the_true_reason() {
        let shape = Shape {
            fields: 12,
            delim: b',',
        };
        assert_eq!(
            misfit(&["2024-01-01 10:00:00;Legs;Squat;1;100;5"], shape).as_deref(),
            Some(
                "1 field where the header has 12: the row is separated by ';' where the header uses ','"
            )
        );
        assert_eq!(
            misfit(&["stray text"], shape).as_deref(),
            Some("1 field where the header has 12")
        );
        assert_eq!(misfit(&["a", "b"], shape), None);
        assert_eq!(
            misfit(
                &["a"],
                Shape {
                    fields: 2,
                    delim: b','
                }
            ),
            None
        );
    }

    #[test]
    fn detects_the_delimiter_outside_quotes() {
        assert_eq!(detect_delimiter(b"a,b,c"), b',');
        assert_eq!(detect_delimiter(b"a;b;c"), b';');
        assert_eq!(detect_delimiter(b"a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter(b"\"a,b\";\"c,d\";e"), b';');
        assert_eq!(detect_delimiter(b"abc"), b',');
    }

    #[test]
    fn set_counter_numbers_within_the_current_workout() {
        let mut c = SetCounter::default();
        assert_eq!(c.next("w1", "Squat"), 1);
        assert_eq!(c.next("w1", "Squat"), 2);
        assert_eq!(c.next("w1", "Bench"), 1);
        assert_eq!(c.next("w2", "Squat"), 1);
    }

    #[test]
    fn guard_ends_records_where_csv_does() {
        let mut g = Guard::new(io::empty());
        for &b in b"a,\"x\ny\"\"z\",5\" plate\r\nb" {
            g.step(b);
        }
        assert_eq!(g.state, Quoting::InField);
        assert_eq!(g.starts, [1, 3]);
        assert_eq!(g.record_line, 3);
        assert_eq!(g.line, 3);
    }

    #[test]
    fn a_huge_record_is_too_large_not_held() {
        let mut data = b"Date,Exercise,Category,Weight,Weight Unit,Reps\n2020-01-01,\"".to_vec();
        data.extend(std::iter::repeat_n(b'x', 2 * MAX_RECORD_BYTES as usize));
        let mut r = CsvReader::new(&data[..], &ReadOptions::default()).unwrap();
        assert_eq!(r.source(), Source::FitNotes);
        assert_eq!(
            r.next(),
            Some(Err(CsvError::TooLarge {
                line: 2,
                what: "a record",
                limit: MAX_RECORD_BYTES
            }))
        );
        assert_eq!(r.next(), None);
        assert!(r.bytes_read() < 2 * MAX_RECORD_BYTES);
    }

    #[test]
    fn old_mac_line_endings_are_read() {
        let mut data = b"Date,Exercise,Category,Weight (kgs),Reps\r".to_vec();
        for _ in 0..50_000 {
            data.extend_from_slice(b"2020-01-01,Squat,Legs,100,5\r");
        }
        let r = CsvReader::new(&data[..], &ReadOptions::default()).unwrap();
        let sets = r.filter(|row| matches!(row, Ok(CsvRow::Set(_)))).count();
        assert_eq!(sets, 50_000);
    }

    #[test]
    fn a_header_without_end_is_too_large() {
        let data = vec![b'a'; 3 * MAX_RECORD_BYTES as usize];
        let e = CsvReader::new(&data[..], &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, CsvError::TooLarge { line: 1, .. }));
    }

    #[test]
    fn bad_encodings_and_unknown_headers_are_errors() {
        let e = CsvReader::new(&b"\xff\xfeD\0a\0"[..], &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, CsvError::Malformed { line: 1, .. }));
        let e = CsvReader::new(&b"Da\xfft,x\n"[..], &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, CsvError::Malformed { line: 1, .. }));
        let e = CsvReader::new(&b"a,b,c\n1,2,3\n"[..], &ReadOptions::default()).unwrap_err();
        assert_eq!(
            e,
            CsvError::UnknownFormat {
                detail: "a,b,c".to_string()
            }
        );
        let e = CsvReader::new(&b""[..], &ReadOptions::default()).unwrap_err();
        assert!(matches!(e, CsvError::UnknownFormat { .. }));
        let opts = ReadOptions {
            source: Some(Source::Hevy),
            ..ReadOptions::default()
        };
        let e = CsvReader::new(&b"a,b,c\n"[..], &opts).unwrap_err();
        assert!(matches!(e, CsvError::MissingColumn { layout: "Hevy", .. }));
    }

    #[test]
    fn a_row_that_is_not_utf8_stops_the_read_with_its_line() {
        let data = b"Date,Exercise,Category,Weight,Weight Unit,Reps\n2020-01-01,Squat,Legs,100,kgs,5\n2020-01-01,Sq\xe9at,Legs,100,kgs,5\n";
        let rows: Vec<_> = CsvReader::new(&data[..], &ReadOptions::default())
            .unwrap()
            .collect();
        assert_eq!(rows.len(), 2);
        assert!(matches!(rows.first(), Some(Ok(CsvRow::Set(_)))));
        assert_eq!(
            rows.get(1),
            Some(&Err(CsvError::Malformed {
                line: 3,
                reason: "field 2 is not UTF-8 text (save the export as UTF-8)".to_string()
            }))
        );
    }
}
