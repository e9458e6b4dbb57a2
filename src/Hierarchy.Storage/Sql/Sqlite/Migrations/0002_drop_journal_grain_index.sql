-- A grain's journal is found through the unique (grain_type, grain_key, entry_key) index and sorted by sequence
-- when read, which happens once per activation. The second index cost a random page write on every append.
DROP INDEX IF EXISTS ix_grain_journal_grain;
