//! The SQLite store under every role.
//!
//! The platform hands the core a path; the core owns the file. One schema serves the admin laptop,
//! a scanner phone and a student phone (each uses the tables it needs). Everything a user was shown
//! as done is committed with `synchronous=FULL` in WAL mode first, so a killed app or a flat battery
//! loses nothing. A file that is not PhotoDay's, or is damaged, is refused and left untouched: it is
//! never "repaired" by being recreated over the user's data.

pub mod schema;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// An open PhotoDay database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (or creates) the database at `path`, migrating it forward if needed.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent() {
            if !parent.as_os_str().is_empty() && !parent.exists() {
                return Err(Error::io(
                    parent,
                    std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "the folder for the database does not exist",
                    ),
                ));
            }
        }
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_db(&path, e))?;
        let mut store = Store { conn, path };
        store.prepare()?;
        Ok(store)
    }

    /// Opens a private in-memory database (tests, dry runs).
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
        };
        store.prepare()?;
        Ok(store)
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn prepare(&mut self) -> Result<()> {
        let path = self.path.clone();
        let nd = |e: rusqlite::Error| not_a_db(&path, e);
        // Read-only checks first: nothing is written to a file until we know it is ours.
        let app_id: i32 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(nd)?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(nd)?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(nd)?;
        let fresh = app_id == 0 && version == 0 && tables == 0;
        if !fresh && app_id != schema::APPLICATION_ID {
            return Err(Error::NotADatabase {
                path: self.path.clone(),
                detail: "it is a SQLite database of another program".into(),
            });
        }
        if !fresh {
            let check: String = self
                .conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(nd)?;
            if check != "ok" {
                return Err(Error::NotADatabase {
                    path: self.path.clone(),
                    detail: format!("integrity check failed: {check}"),
                });
            }
        }
        if version > schema::current_version() {
            return Err(Error::DatabaseTooNew {
                path: self.path.clone(),
                found: version,
                known: schema::current_version(),
            });
        }
        self.conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(nd)?;
        if self.path != Path::new(":memory:") {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
                .map_err(nd)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::NotADatabase {
                    path: self.path.clone(),
                    detail: format!("could not switch to WAL (got {mode})"),
                });
            }
        }
        self.conn
            .execute_batch("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
            .map_err(nd)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for (i, step) in schema::MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(step)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        if fresh {
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Runs `f` in a read transaction (a consistent snapshot).
    pub fn read<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.finish()?;
        Ok(out)
    }

    /// Runs `f` in a write transaction and commits it durably; on error nothing is written.
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }
}

fn not_a_db(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => Error::NotADatabase {
            path: path.to_path_buf(),
            detail: e.to_string(),
        },
        Some(CannotOpen | PermissionDenied | ReadOnly) => Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::PermissionDenied, e.to_string()),
        ),
        _ => Error::Sql(e),
    }
}

/// Reads a `meta` value.
pub fn get_meta(tx: &Connection, key: &str) -> Result<Option<String>> {
    Ok(tx
        .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()?)
}

/// Writes a `meta` value.
pub fn set_meta(tx: &Connection, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// Reads a blob.
pub fn get_blob(tx: &Connection, key: &str) -> Result<Option<Vec<u8>>> {
    Ok(tx
        .query_row("SELECT value FROM blobs WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Writes a blob.
pub fn set_blob(tx: &Connection, key: &str, value: &[u8]) -> Result<()> {
    tx.execute(
        "INSERT INTO blobs (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        rusqlite::params![key, value],
    )?;
    Ok(())
}

/// Whether a blob is stored, without reading it.
pub fn has_blob(tx: &Connection, key: &str) -> Result<bool> {
    Ok(tx
        .query_row("SELECT 1 FROM blobs WHERE key = ?1", [key], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Deletes a blob.
pub fn delete_blob(tx: &Connection, key: &str) -> Result<()> {
    tx.execute("DELETE FROM blobs WHERE key = ?1", [key])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reopened_database_keeps_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.db");
        {
            let mut s = Store::open(&path).unwrap();
            s.write(|tx| set_meta(tx, "device", "abc")).unwrap();
        }
        let mut s = Store::open(&path).unwrap();
        assert_eq!(
            s.read(|tx| get_meta(tx, "device")).unwrap().as_deref(),
            Some("abc")
        );
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        let content = b"these are my notes, not a database\n".repeat(200);
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
        assert!(err.to_string().contains("notes.db"));
        assert_eq!(std::fs::read(&path).unwrap(), content);
    }

    #[test]
    fn a_damaged_photoday_database_is_refused_not_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("door.db");
        {
            let mut s = Store::open(&path).unwrap();
            s.write(|tx| {
                for i in 0..2000 {
                    set_meta(tx, &format!("k{i}"), &"x".repeat(100))?;
                }
                Ok(())
            })
            .unwrap();
            s.conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
                .unwrap();
        }
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 16 * 4096);
        for b in &mut bytes[3 * 4096..6 * 4096] {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, Error::NotADatabase { .. }), "{err}");
        assert!(err.to_string().contains("left untouched"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn another_programs_sqlite_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(err.to_string().contains("another program"), "{err}");
    }
}
