//! The `.heft` export file: a one-line JSON header, then the rows as
//! gzip-compressed JSON lines; optionally the whole file encrypted with age
//! (passphrase, scrypt). The specification is docs/FORMATS.md.
//!
//! Reading is streaming and bounded: the header line, each row line, the
//! compressed body and the decompressed body all have limits, so a hostile
//! file cannot make the reader allocate without bound. Integrity is checked
//! twice: the body's byte count and SHA-256 (truncation, bit rot) and the row
//! counts per table (a valid gzip stream with rows missing).

use std::io::{self, BufRead, BufReader, Read, Write};

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::error::SyncError;
use super::tables::{
    Cells, MAX_NEWER_COLUMNS, TABLES, Table, Text, flag_at, is_newer_name, newer_names,
    newer_values, text_at, write_line,
};
use crate::store::meta_get;
use crate::{Error, Result};

/// The `format` field of every header.
pub const FORMAT_NAME: &str = "heft-export";
/// The major version this build writes and the newest it reads; a newer
/// major is refused.
pub const FORMAT_VERSION: u32 = 1;
/// The minor version this build writes (1: a set's role, effort source and
/// band). Files of any minor of [`FORMAT_VERSION`] are read; the columns and
/// tables of a newer minor are kept and passed on, or skipped
/// (docs/FORMATS.md, "Versions").
pub const FORMAT_MINOR: u32 = 1;
/// The `meta` key holding the newest minor version whose columns this
/// database keeps in `newer_columns`.
pub(crate) const NEWER_MINOR_KEY: &str = "newer_format_minor";
/// The scrypt work factor (log2 N) Heft encrypts with: 2^18 x 1 KiB = 256 MiB
/// of memory and about a second on a phone, fixed rather than measured on
/// the writing device so that every reader knows what to expect.
pub const WRITE_WORK_FACTOR: u8 = 18;
/// The highest work factor a reader accepts: what Heft writes, and one step
/// above it for files of earlier builds, which let age pick a factor by the
/// writing device's speed. A file asking for more (an edited header can ask
/// for 2^23 and gigabytes) is refused before any scrypt work is done, so a
/// wrong or hostile file costs at most one decryption attempt at 2^19
/// (512 MiB, a few seconds).
pub const MAX_WORK_FACTOR: u8 = 19;
/// How an age-encrypted file starts.
pub(crate) const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";
/// Longest header line.
pub const MAX_HEADER_BYTES: usize = 64 * 1024;
/// Longest row line (a custom program's source is the largest value).
pub const MAX_LINE_BYTES: usize = 1024 * 1024;
/// Largest compressed body accepted (many decades of training are a few
/// hundred megabytes at most).
pub const MAX_BODY_BYTES: u64 = 1 << 30;
/// Largest decompressed body accepted (guards against compression bombs):
/// ten years of training is about 100 MB.
pub const MAX_CONTENT_BYTES: u64 = 2 << 30;

/// The first line of an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`FORMAT_NAME`].
    pub format: String,
    /// Format major version ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// Format minor version: the newest minor whose columns the file may
    /// carry ([`FORMAT_MINOR`], or a newer minor whose columns the writer
    /// passes on). Absent in files of builds before minors: 0.
    #[serde(default)]
    pub minor: u32,
    /// Id of the device that wrote the file.
    pub device_id: String,
    /// When it was written (RFC 3339 with offset).
    pub created_at: String,
    /// Schema version of the writing database (informative).
    pub schema_version: u32,
    /// The tables in body order, with their columns and row counts.
    pub tables: Vec<TableHeader>,
    /// Body compression; always "gzip" in version 1.
    pub compression: String,
    /// Length of the compressed body in bytes.
    pub body_bytes: u64,
    /// SHA-256 of the compressed body, lowercase hex.
    pub body_sha256: String,
    /// SHA-256 of the decompressed body: the writer's content hash.
    pub content_sha256: String,
    /// Length of the decompressed body in bytes: a reader stops as soon as
    /// the body grows past it (a compression bomb fails fast). Absent in
    /// files of earlier builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_bytes: Option<u64>,
    /// SHA-256 of the header line as written with this field's value set to
    /// 64 zeros: a flipped bit anywhere in the header (a device id, a row
    /// count) is found before anything is read. Absent in files of earlier
    /// builds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_sha256: Option<String>,
}

/// The placeholder the header checksum is computed over.
const HEADER_HASH_PLACEHOLDER: &str =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// Where the value of `"header_sha256"` sits in a header line, if it does.
fn header_hash_span(line: &[u8]) -> Option<std::ops::Range<usize>> {
    const KEY: &[u8] = b"\"header_sha256\":\"";
    let at = line.windows(KEY.len()).position(|w| w == KEY)? + KEY.len();
    let end = at + 64;
    (line.get(at..end)?.iter().all(u8::is_ascii_hexdigit) && line.get(end) == Some(&b'"'))
        .then_some(at..end)
}

/// The header checksum of a header line (its own value taken as zeros).
fn header_hash(line: &[u8], span: std::ops::Range<usize>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(&line[..span.start]);
    hasher.update(HEADER_HASH_PLACEHOLDER.as_bytes());
    hasher.update(&line[span.end..]);
    hex(&hasher.finalize())
}

/// One table in a header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableHeader {
    /// Table name.
    pub name: String,
    /// Value columns, in the order of each row's value array.
    pub columns: Vec<String>,
    /// Number of rows of this table in the body.
    pub rows: u64,
}

/// The columns of a newer minor version that rows of `table` keep in
/// `newer_columns`, sorted by name: the ones an export lists after the
/// table's own columns.
pub(crate) fn newer_columns_of(conn: &Connection, table: &Table) -> Result<Vec<String>> {
    let filter = if table.filter.is_empty() {
        String::new()
    } else {
        format!(" AND {}", table.filter)
    };
    let mut stmt = conn.prepare(&format!(
        "SELECT newer_columns FROM {} WHERE newer_columns IS NOT NULL{filter}",
        table.name
    ))?;
    let mut rows = stmt.query([])?;
    let mut names = std::collections::BTreeSet::new();
    while let Some(row) = rows.next()? {
        names.extend(newer_names(text_at(row, 0)?));
    }
    // A later build that learns a column moves its values out of
    // `newer_columns` when it migrates; should one remain, the column's
    // own value is the one that travels.
    names.retain(|n| is_newer_name(n) && !table.columns.iter().any(|c| c.name == n));
    Ok(names.into_iter().collect())
}

/// Calls `f` with every synced row, table by table in [`TABLES`] order and
/// by key within a table, as the line the export writes: the table's
/// columns, then those of newer versions its rows keep. Returns the latter
/// per table.
pub(crate) fn for_each_line(
    conn: &Connection,
    mut f: impl FnMut(&'static Table, &[u8]) -> Result<()>,
) -> Result<Vec<Vec<String>>> {
    let mut line = Vec::with_capacity(512);
    let mut all_newer = Vec::with_capacity(TABLES.len());
    for table in TABLES {
        let newer = newer_columns_of(conn, table)?;
        let mut stmt = conn.prepare(&table.select_sql(false))?;
        let mut rows = stmt.query([])?;
        let n = table.columns.len();
        while let Some(row) = rows.next()? {
            let mut values = (1..=n)
                .map(|i| row.get_ref(i))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let kept = if newer.is_empty() {
                Vec::new()
            } else {
                let stored: Option<String> = row.get(n + 3)?;
                newer_values(stored.as_deref(), &newer)
            };
            values.extend(kept.iter().map(rusqlite::types::ValueRef::from));
            line.clear();
            write_line(
                table,
                text_at(row, 0)?,
                text_at(row, n + 1)?,
                flag_at(row, n + 2)?,
                values,
                &mut line,
            );
            f(table, &line)?;
        }
        all_newer.push(newer);
    }
    Ok(all_newer)
}

/// The minor version an export declares: this build's, or the newest minor
/// merged when the export passes on columns of a newer one (so that a
/// reader of this build's minor still reads them as newer columns, not as
/// damage).
fn minor_to_write(conn: &Connection, newer: &[Vec<String>]) -> Result<u32> {
    if newer.iter().all(Vec::is_empty) {
        return Ok(FORMAT_MINOR);
    }
    let seen = meta_get(conn, NEWER_MINOR_KEY)?
        .and_then(|m| m.parse::<u32>().ok())
        .unwrap_or(0);
    Ok(seen.max(FORMAT_MINOR + 1))
}

/// SHA-256 over every synced row as exported: equal on two devices exactly
/// when they hold the same data.
pub(crate) fn content_hash(conn: &Connection) -> Result<String> {
    let mut hasher = Sha256::new();
    for_each_line(conn, |_, line| {
        hasher.update(line);
        hasher.update(b"\n");
        Ok(())
    })?;
    Ok(hex(&hasher.finalize()))
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// What was written.
pub(crate) struct Written {
    pub header: Header,
}

/// Writes the database's synced rows as an export to `out`.
pub(crate) fn write_export(
    conn: &Connection,
    device_id: &str,
    created_at: &str,
    schema_version: u32,
    passphrase: Option<&Passphrase>,
    out: &mut dyn Write,
) -> Result<Written> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::new(6));
    let mut content = Sha256::new();
    let mut content_bytes = 0u64;
    let mut counts = vec![0u64; TABLES.len()];
    let newer = for_each_line(conn, |table, line| {
        content.update(line);
        content.update(b"\n");
        content_bytes += line.len() as u64 + 1;
        if let Some(i) = TABLES.iter().position(|t| t.name == table.name)
            && let Some(c) = counts.get_mut(i)
        {
            *c += 1;
        }
        gz.write_all(line)
            .and_then(|()| gz.write_all(b"\n"))
            .map_err(|e| io_error("compressing the export", e))
    })?;
    let body = gz
        .finish()
        .map_err(|e| io_error("compressing the export", e))?;
    let header = Header {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        minor: minor_to_write(conn, &newer)?,
        device_id: device_id.into(),
        created_at: created_at.into(),
        schema_version,
        tables: TABLES
            .iter()
            .zip(&counts)
            .zip(&newer)
            .map(|((t, &rows), newer)| TableHeader {
                name: t.name.into(),
                columns: t
                    .columns
                    .iter()
                    .map(|c| c.name.to_owned())
                    .chain(newer.iter().cloned())
                    .collect(),
                rows,
            })
            .collect(),
        compression: "gzip".into(),
        body_bytes: body.len() as u64,
        body_sha256: hex(&Sha256::digest(&body)),
        content_sha256: hex(&content.finalize()),
        content_bytes: Some(content_bytes),
        header_sha256: Some(HEADER_HASH_PLACEHOLDER.into()),
    };
    let mut head = serde_json::to_vec(&header).map_err(|e| Error::BadRow {
        table: "meta",
        column: "header",
        reason: e.to_string(),
    })?;
    // The checksum covers the line with its own value as zeros.
    if let Some(span) = header_hash_span(&head) {
        let sum = header_hash(&head, span.clone());
        head.splice(span, sum.bytes());
    }
    head.push(b'\n');
    let write = |out: &mut dyn Write| -> io::Result<()> {
        out.write_all(&head)?;
        out.write_all(&body)
    };
    match passphrase {
        None => write(out).map_err(|e| io_error("writing the export", e))?,
        Some(p) => {
            let mut recipient = age::scrypt::Recipient::new(p.secret());
            recipient.set_work_factor(
                p.work_factor
                    .unwrap_or(WRITE_WORK_FACTOR)
                    .clamp(1, MAX_WORK_FACTOR),
            );
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                    .map_err(|e| Error::Sync(SyncError::Encryption(e.to_string())))?;
            let mut w = encryptor
                .wrap_output(out)
                .map_err(|e| io_error("encrypting the export", e))?;
            write(&mut w).map_err(|e| io_error("encrypting the export", e))?;
            w.finish()
                .map_err(|e| io_error("encrypting the export", e))?;
        }
    }
    Ok(Written { header })
}

/// A passphrase for encrypting or decrypting an export.
#[derive(Clone)]
pub struct Passphrase {
    text: String,
    /// scrypt work factor (log2 N) for encryption; `None` writes
    /// [`WRITE_WORK_FACTOR`]. Tests lower it; nothing raises it above
    /// [`MAX_WORK_FACTOR`], which readers refuse.
    pub work_factor: Option<u8>,
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(***)")
    }
}

impl Passphrase {
    /// A passphrase; surrounding whitespace (a file's trailing newline) is
    /// not part of it. Must not be empty.
    pub fn new(text: &str) -> Result<Passphrase> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::Sync(SyncError::EmptyPassphrase));
        }
        Ok(Passphrase {
            text: text.to_owned(),
            work_factor: None,
        })
    }

    fn secret(&self) -> age::secrecy::SecretString {
        age::secrecy::SecretString::from(self.text.clone())
    }
}

fn io_error(context: &str, source: io::Error) -> Error {
    Error::Io {
        context: context.to_owned(),
        source,
    }
}

/// The body as decompressed lines over the hashed, size-limited bytes.
type BodyLines<'a> = BufReader<GzDecoder<HashingReader<io::Take<Box<dyn Read + 'a>>>>>;

/// An export being read: its header, then its rows one at a time.
pub(crate) struct ExportReader<'a> {
    /// The header.
    pub header: Header,
    lines: BodyLines<'a>,
    line: Vec<u8>,
    /// Rows read so far.
    pub rows_read: u64,
    /// Rows read so far per header table.
    rows_by_table: Vec<u64>,
    /// Rows the header declares, all tables together.
    rows_declared: u64,
    content: Sha256,
    content_bytes: u64,
}

/// Opens an export: detects encryption, reads and checks the header.
pub(crate) fn open_export<'a>(
    input: Box<dyn Read + 'a>,
    passphrase: Option<&Passphrase>,
) -> Result<ExportReader<'a>, SyncError> {
    let mut input = BufReader::new(input);
    let start = input.fill_buf().map_err(SyncError::read)?;
    if start.is_empty() {
        return Err(SyncError::Empty);
    }
    let mut plain: Box<dyn BufRead + 'a> = if start.starts_with(AGE_MAGIC) {
        let Some(p) = passphrase else {
            return Err(SyncError::NeedsPassphrase);
        };
        let decryptor = age::Decryptor::new_buffered(input).map_err(SyncError::decrypt)?;
        if !decryptor.is_scrypt() {
            return Err(SyncError::NotAnExport);
        }
        let mut identity = age::scrypt::Identity::new(p.secret());
        identity.set_max_work_factor(MAX_WORK_FACTOR);
        let reader = decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .map_err(SyncError::decrypt)?;
        Box::new(BufReader::new(reader))
    } else {
        Box::new(input)
    };
    let mut head = Vec::with_capacity(1024);
    let n = (&mut plain)
        .take(MAX_HEADER_BYTES as u64 + 1)
        .read_until(b'\n', &mut head)
        .map_err(SyncError::read)?;
    if n == 0 {
        return Err(SyncError::Empty);
    }
    if head.last() != Some(&b'\n') {
        return Err(if head.len() > MAX_HEADER_BYTES {
            SyncError::NotAnExport
        } else if head.starts_with(b"{\"format\":\"heft-export\"") {
            SyncError::Truncated("the header line is cut short".into())
        } else {
            SyncError::NotAnExport
        });
    }
    let header: Header = serde_json::from_slice(&head).map_err(|_| SyncError::NotAnExport)?;
    if header.format != FORMAT_NAME {
        return Err(SyncError::NotAnExport);
    }
    if header.content_bytes.is_some_and(|n| n > MAX_CONTENT_BYTES) {
        return Err(SyncError::TooLarge {
            what: "the decompressed body",
            limit: MAX_CONTENT_BYTES,
        });
    }
    if header.version == 0 {
        return Err(SyncError::Corrupt("format version 0 does not exist".into()));
    }
    if header.version > FORMAT_VERSION {
        return Err(SyncError::UnsupportedVersion {
            found: header.version,
            supported: FORMAT_VERSION,
        });
    }
    // After the version: a newer major version may sum its header otherwise,
    // and "update Heft" is the useful message then.
    if let Some(declared) = &header.header_sha256 {
        let line = &head[..head.len() - 1];
        match header_hash_span(line) {
            Some(span) if header_hash(line, span.clone()) == *declared => {}
            _ => {
                return Err(SyncError::Corrupt(
                    "the header checksum does not match: the header was altered or damaged".into(),
                ));
            }
        }
    }
    if header.compression != "gzip" {
        return Err(SyncError::Corrupt(format!(
            "unknown compression '{}'",
            header.compression.chars().take(20).collect::<String>()
        )));
    }
    if header.body_bytes > MAX_BODY_BYTES {
        return Err(SyncError::TooLarge {
            what: "the compressed body",
            limit: MAX_BODY_BYTES,
        });
    }
    check_tables(&header)?;
    let body: Box<dyn Read + 'a> = Box::new(plain);
    let hashed = HashingReader {
        inner: body.take(header.body_bytes),
        hasher: Sha256::new(),
        bytes: 0,
    };
    Ok(ExportReader {
        rows_declared: header
            .tables
            .iter()
            .fold(0u64, |sum, t| sum.saturating_add(t.rows)),
        rows_by_table: vec![0; header.tables.len()],
        header,
        lines: BufReader::with_capacity(64 * 1024, GzDecoder::new(hashed)),
        line: Vec::with_capacity(1024),
        rows_read: 0,
        content: Sha256::new(),
        content_bytes: 0,
    })
}

/// Checks the header's tables against this build's. A table or column
/// this build does not know is accepted only from a newer minor version
/// (its rows are skipped, its values kept); in a file of this build's minor
/// or an older one it can only be damage.
fn check_tables(header: &Header) -> Result<(), SyncError> {
    let newer = header.minor > FORMAT_MINOR;
    let unknown = |table: &str, column: &str| SyncError::UnknownColumn {
        table: table.chars().take(40).collect(),
        column: column.chars().take(40).collect(),
    };
    let mut names = std::collections::HashSet::new();
    for th in &header.tables {
        if !names.insert(th.name.as_str()) {
            return Err(SyncError::Corrupt(format!(
                "the header lists table {} twice",
                th.name.chars().take(40).collect::<String>()
            )));
        }
        let Some(table) = super::tables::table(&th.name) else {
            if newer && is_newer_name(&th.name) {
                continue;
            }
            return Err(unknown(&th.name, "*"));
        };
        let mut columns = std::collections::HashSet::new();
        let mut unknown_columns = 0;
        for c in &th.columns {
            if !columns.insert(c.as_str()) || c == table.key || c == "hlc" || c == "deleted" {
                return Err(SyncError::Corrupt(format!(
                    "the header lists column {}.{} twice",
                    table.name,
                    c.chars().take(40).collect::<String>()
                )));
            }
            if !table.columns.iter().any(|k| k.name == c) {
                if !newer || !is_newer_name(c) {
                    return Err(unknown(table.name, c));
                }
                unknown_columns += 1;
            }
        }
        if unknown_columns > MAX_NEWER_COLUMNS {
            return Err(SyncError::Corrupt(format!(
                "table {} has {unknown_columns} columns of a newer version; at most {MAX_NEWER_COLUMNS} are kept",
                table.name
            )));
        }
        for known in table.columns {
            if !known.nullable && !th.columns.iter().any(|c| c == known.name) {
                return Err(SyncError::Corrupt(format!(
                    "table {} lacks its column {}",
                    table.name, known.name
                )));
            }
        }
    }
    Ok(())
}

/// A raw row line: table, key, stamp, tombstone, values; text borrowed
/// from the line where it holds no escapes.
pub(crate) type RawRow<'l> = (Text<'l>, Text<'l>, Text<'l>, u8, Cells<'l>);

impl ExportReader<'_> {
    /// The next row and its number, or `None` at the end of a body whose
    /// size, checksum and row counts all check out.
    pub fn next_row(&mut self) -> Result<Option<(u64, RawRow<'_>)>, SyncError> {
        self.line.clear();
        let n = (&mut self.lines)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut self.line)
            .map_err(|e| self.body_error(e))?;
        if n == 0 {
            self.finish()?;
            return Ok(None);
        }
        self.content_bytes += n as u64;
        if self.content_bytes > MAX_CONTENT_BYTES {
            return Err(SyncError::TooLarge {
                what: "the decompressed body",
                limit: MAX_CONTENT_BYTES,
            });
        }
        // Fail as soon as the body outgrows what the header declares, not
        // after reading gigabytes of a compression bomb.
        if let Some(declared) = self.header.content_bytes
            && self.content_bytes > declared
        {
            return Err(SyncError::Corrupt(format!(
                "the body is longer than the {declared} bytes the header declares"
            )));
        }
        if self.rows_read >= self.rows_declared {
            return Err(SyncError::Corrupt(format!(
                "the body has more rows than the {} the header declares",
                self.rows_declared
            )));
        }
        let row_no = self.rows_read + 1;
        if self.line.last() != Some(&b'\n') {
            return Err(if self.line.len() > MAX_LINE_BYTES {
                SyncError::TooLarge {
                    what: "a row",
                    limit: MAX_LINE_BYTES as u64,
                }
            } else {
                SyncError::Truncated(format!("row {row_no} is cut short"))
            });
        }
        self.content.update(&self.line);
        self.rows_read = row_no;
        let text = &self.line[..self.line.len() - 1];
        let row = serde_json::from_slice::<RawRow>(text).map_err(|e| SyncError::BadRow {
            row: row_no,
            table: String::new(),
            field: String::new(),
            reason: format!("not a row: {e}"),
        })?;
        if let Some(i) = self.header.tables.iter().position(|t| t.name == *row.0)
            && let Some(n) = self.rows_by_table.get_mut(i)
        {
            *n += 1;
        }
        Ok(Some((row_no, row)))
    }

    /// Reads every row to the end without storing anything: sizes, row
    /// counts and both checksums checked, so a file can be verified whole
    /// before a merge takes the write lock.
    pub fn verify_rows(&mut self) -> Result<(), SyncError> {
        while self.next_row()?.is_some() {}
        Ok(())
    }

    /// Reads the compressed body without decompressing it and checks its
    /// length and checksum: the file is whole, and its content is what the
    /// header's content hash says (the writer hashed both).
    pub fn verify_body(&mut self) -> Result<(), SyncError> {
        // The decoder may have read ahead; the hashing reader counted and
        // hashed whatever it passed on, so reading it to its end covers all.
        let hashed = self.lines.get_mut().get_mut();
        io::copy(hashed, &mut io::sink()).map_err(SyncError::read)?;
        if hashed.bytes != self.header.body_bytes {
            return Err(SyncError::Truncated(format!(
                "{} of {} body bytes",
                hashed.bytes, self.header.body_bytes
            )));
        }
        let body = hex(&std::mem::take(&mut hashed.hasher).finalize());
        if body != self.header.body_sha256 {
            return Err(SyncError::Corrupt(
                "the body checksum does not match".into(),
            ));
        }
        Ok(())
    }

    /// Reads the rest of the body to tell damage from a bad row: when a row
    /// is invalid because the file is damaged, the checksum says so, and
    /// that is the error worth reporting.
    pub fn explain(&mut self, error: Error) -> Error {
        if !matches!(error, Error::Sync(SyncError::BadRow { .. })) {
            return error;
        }
        loop {
            match self.next_row() {
                Ok(Some(_)) | Err(SyncError::BadRow { .. }) => continue,
                Ok(None) => return error,
                Err(damage) => return Error::Sync(damage),
            }
        }
    }

    fn body_error(&self, e: io::Error) -> SyncError {
        match e.kind() {
            io::ErrorKind::UnexpectedEof => SyncError::Truncated("the body ends early".into()),
            io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                SyncError::Corrupt(format!("the compressed body is damaged ({e})"))
            }
            _ => SyncError::read(e),
        }
    }

    fn finish(&mut self) -> Result<(), SyncError> {
        let hashed = self.lines.get_mut().get_mut();
        // Anything left of the declared body means the gzip stream ended early.
        let mut rest = [0u8; 1];
        let more = hashed.read(&mut rest).map_err(SyncError::read)?;
        if more > 0 || hashed.bytes != self.header.body_bytes {
            return Err(if hashed.bytes < self.header.body_bytes && more == 0 {
                SyncError::Truncated(format!(
                    "{} of {} body bytes",
                    hashed.bytes, self.header.body_bytes
                ))
            } else {
                SyncError::Corrupt("the body does not end where the header says".into())
            });
        }
        // Bytes after the declared body (outside the Take) are not ours.
        let body = hex(&std::mem::take(&mut hashed.hasher).finalize());
        if body != self.header.body_sha256 {
            return Err(SyncError::Corrupt(
                "the body checksum does not match".into(),
            ));
        }
        let content = hex(&std::mem::take(&mut self.content).finalize());
        if content != self.header.content_sha256 {
            return Err(SyncError::Corrupt(
                "the content checksum does not match".into(),
            ));
        }
        for (table, &seen) in self.header.tables.iter().zip(&self.rows_by_table) {
            if table.rows != seen {
                return Err(SyncError::Corrupt(format!(
                    "the header declares {} rows of {} but the body has {seen}",
                    table.rows, table.name
                )));
            }
        }
        if self.rows_by_table.iter().sum::<u64>() != self.rows_read {
            return Err(SyncError::Corrupt(
                "the body has rows of a table the header does not list".into(),
            ));
        }
        Ok(())
    }
}

/// Passes bytes through while hashing and counting them.
struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(read) = buf.get(..n) {
            self.hasher.update(read);
        }
        self.bytes += n as u64;
        Ok(n)
    }
}
