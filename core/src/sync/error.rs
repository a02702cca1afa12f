//! What can be wrong with an export file.

/// An export file could not be read or merged. The database is untouched
/// whenever one of these is returned.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// The file is not a Heft export (no header, or another kind of file).
    #[error("not a Heft export file")]
    NotAnExport,
    /// The file is encrypted and no passphrase was given.
    #[error("the file is encrypted; give its passphrase (--passphrase-file)")]
    NeedsPassphrase,
    /// The passphrase does not open the file (or the file was altered).
    #[error("the passphrase does not open this file (wrong passphrase, or the file was altered)")]
    WrongPassphrase,
    /// An empty passphrase was given.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// Encryption could not be set up.
    #[error("encryption failed: {0}")]
    Encryption(String),
    /// The file ends before its declared end.
    #[error("the file is cut short: {0}")]
    Truncated(String),
    /// The file's checksums or structure do not match.
    #[error("the file is damaged: {0}")]
    Corrupt(String),
    /// The file was written in a newer major version of the format, which
    /// this build cannot read: the person should update Heft here.
    #[error(
        "the file was written by a newer Heft (export format {found}; this Heft reads format {supported}): update Heft on this device to merge it"
    )]
    UnsupportedVersion {
        /// Major version in the file.
        found: u32,
        /// Newest major version this build reads.
        supported: u32,
    },
    /// The file has a table or column that its own format version does not
    /// have (those of a newer minor version are accepted): it is damaged.
    #[error(
        "the file has {table}.{column}, which its format version does not have; the file is damaged"
    )]
    UnknownColumn {
        /// Table name.
        table: String,
        /// Column name (`*`: the whole table is unknown).
        column: String,
    },
    /// Part of the file exceeds a size limit.
    #[error("{what} is larger than the limit of {limit} bytes")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// The limit.
        limit: u64,
    },
    /// A row is invalid; names its position, table and field.
    #[error("row {row}{}: {reason}", where_(.table, .field))]
    BadRow {
        /// 1-based row number in the body.
        row: u64,
        /// Table, when known.
        table: String,
        /// Column, when known.
        field: String,
        /// What is wrong.
        reason: String,
    },
    /// The file could not be read.
    #[error("reading the file: {0}")]
    Read(#[source] std::io::Error),
}

fn where_(table: &str, field: &str) -> String {
    match (table.is_empty(), field.is_empty()) {
        (true, _) => String::new(),
        (false, true) => format!(" ({table})"),
        (false, false) => format!(" ({table}.{field})"),
    }
}

impl SyncError {
    pub(crate) fn read(e: std::io::Error) -> SyncError {
        SyncError::Read(e)
    }

    pub(crate) fn decrypt(e: age::DecryptError) -> SyncError {
        match e {
            age::DecryptError::DecryptionFailed
            | age::DecryptError::NoMatchingKeys
            | age::DecryptError::InvalidMac
            | age::DecryptError::KeyDecryptionFailed => SyncError::WrongPassphrase,
            age::DecryptError::ExcessiveWork { required, .. } => SyncError::Corrupt(format!(
                "the file asks for an scrypt work factor of {required}; Heft writes {} and reads at most {}, so the file was not written by Heft or was altered",
                super::format::WRITE_WORK_FACTOR,
                super::format::MAX_WORK_FACTOR
            )),
            age::DecryptError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                SyncError::Truncated("the encrypted file ends early".into())
            }
            age::DecryptError::Io(e) => SyncError::Read(e),
            other => SyncError::Corrupt(format!("the encrypted file is damaged ({other})")),
        }
    }
}
