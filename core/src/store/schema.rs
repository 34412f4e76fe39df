//! The database schema and its migrations.
//!
//! Phones keep their database for a whole year (the 补拍 deadline is eleven months after the shoot)
//! while the app updates underneath, so the schema only moves forward, one numbered step at a time,
//! keyed on SQLite's `user_version`. A file from a newer build is refused, never downgraded.

/// Marks a SQLite file as PhotoDay's (`PRAGMA application_id`): "PhDy".
pub const APPLICATION_ID: i32 = 0x5068_4479;

/// Migration steps; step `i` takes the schema from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE blobs (
        key   TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE students (
        student_no INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        college    TEXT NOT NULL,
        cohort     TEXT NOT NULL,
        class      TEXT NOT NULL,
        paid       INTEGER NOT NULL,
        session    INTEGER NOT NULL
    );
    CREATE TABLE passes (
        student_no INTEGER PRIMARY KEY,
        serial     INTEGER NOT NULL,
        session    INTEGER NOT NULL,
        key_id     INTEGER NOT NULL,
        text       TEXT NOT NULL
    );
    CREATE TABLE revocations (
        student_no INTEGER PRIMARY KEY,
        min_serial INTEGER NOT NULL
    );
    CREATE TABLE records (
        device     TEXT NOT NULL,
        seq        INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        at_ms      INTEGER NOT NULL,
        session    INTEGER NOT NULL,
        student_no INTEGER,
        body       TEXT NOT NULL,
        PRIMARY KEY (device, seq)
    ) WITHOUT ROWID;
    CREATE INDEX records_student ON records (student_no);
    CREATE INDEX records_session ON records (session, device, seq);
    CREATE TABLE ticks (
        item  TEXT PRIMARY KEY,
        at_ms INTEGER NOT NULL
    );
    "#,
    // 2: roster imports are recorded (file, hash, what changed), and each student remembers the
    // import their row came from, so `roster history` shows what came from where.
    r#"
    CREATE TABLE roster_imports (
        id       INTEGER PRIMARY KEY,
        at_ms    INTEGER NOT NULL,
        file     TEXT NOT NULL,
        sha256   TEXT NOT NULL,
        sheet    TEXT,
        colleges TEXT NOT NULL,
        rows     INTEGER NOT NULL,
        added    INTEGER NOT NULL,
        changed  INTEGER NOT NULL,
        removed  INTEGER NOT NULL,
        replace  INTEGER NOT NULL,
        diff     TEXT NOT NULL
    );
    ALTER TABLE students ADD COLUMN import_id INTEGER;
    "#,
];

/// The schema version this build writes.
pub fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
