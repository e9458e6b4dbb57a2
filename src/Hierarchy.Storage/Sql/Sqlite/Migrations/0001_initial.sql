-- Keys are TEXT compared with the BINARY collation: "01", "1" and "001" are different grains, and so are
-- the NFC and NFD spellings of the same Vietnamese name.
CREATE TABLE IF NOT EXISTS grain_state (
    grain_type TEXT    NOT NULL,
    state_name TEXT    NOT NULL,
    grain_key  TEXT    NOT NULL,
    etag       INTEGER NOT NULL,
    payload    TEXT    NOT NULL,
    wake       INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (grain_type, state_name, grain_key)
);

-- Only the few grains that ask to be woken are indexed, so the wake list is cheap to read at start.
CREATE INDEX IF NOT EXISTS ix_grain_state_wake ON grain_state (grain_type, grain_key) WHERE wake = 1;

-- "sequence" is the rowid alias. AUTOINCREMENT is left out on purpose: journal rows are never deleted
-- once committed, so rowids already grow monotonically, and AUTOINCREMENT costs an extra write per insert.
CREATE TABLE IF NOT EXISTS grain_journal (
    sequence    INTEGER PRIMARY KEY,
    grain_type  TEXT NOT NULL,
    grain_key   TEXT NOT NULL,
    entry_key   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (grain_type, grain_key, entry_key)
);

CREATE INDEX IF NOT EXISTS ix_grain_journal_grain ON grain_journal (grain_type, grain_key, sequence);
