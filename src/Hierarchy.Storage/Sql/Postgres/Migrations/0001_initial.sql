-- Keys use the "C" collation: comparison is bytewise, so "01", "1" and "001" are different grains, and so
-- are the NFC and NFD spellings of the same Vietnamese name, whatever locale the database was created with.
-- Payloads are text rather than json/jsonb: jsonb would reorder keys and change the text a caller wrote,
-- and a malformed payload must fail only its own write, not the group commit it shares a statement with.
CREATE TABLE IF NOT EXISTS grain_state (
    grain_type text COLLATE "C" NOT NULL,
    state_name text COLLATE "C" NOT NULL,
    grain_key  text COLLATE "C" NOT NULL,
    etag       bigint NOT NULL,
    payload    text NOT NULL,
    wake       boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, state_name, grain_key)
) WITH (fillfactor = 50); -- room on each page for HOT updates, since every write rewrites the row

CREATE INDEX IF NOT EXISTS ix_grain_state_wake ON grain_state (grain_type, grain_key) WHERE wake;

CREATE TABLE IF NOT EXISTS grain_journal (
    sequence    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    grain_type  text COLLATE "C" NOT NULL,
    grain_key   text COLLATE "C" NOT NULL,
    entry_key   text COLLATE "C" NOT NULL,
    kind        text COLLATE "C" NOT NULL,
    payload     text NOT NULL,
    recorded_at timestamptz NOT NULL,
    CONSTRAINT ux_grain_journal_entry UNIQUE (grain_type, grain_key, entry_key)
);

CREATE INDEX IF NOT EXISTS ix_grain_journal_grain ON grain_journal (grain_type, grain_key, sequence);
