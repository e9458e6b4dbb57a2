SELECT sequence, grain_key, entry_key, kind, payload, recorded_at
FROM grain_journal
WHERE grain_type = @grain_type AND (@kind IS NULL OR kind = @kind)
ORDER BY sequence;
