SELECT sequence, grain_key, entry_key, kind, payload, recorded_at
FROM grain_journal
WHERE grain_type = @grain_type AND (@kind::text IS NULL OR kind = @kind::text)
ORDER BY sequence;
