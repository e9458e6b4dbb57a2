-- Zero rows changed means the entry key is already in this grain's journal.
INSERT INTO grain_journal (grain_type, grain_key, entry_key, kind, payload, recorded_at)
VALUES (@grain_type, @grain_key, @entry_key, @kind, @payload, @recorded_at)
ON CONFLICT DO NOTHING;
