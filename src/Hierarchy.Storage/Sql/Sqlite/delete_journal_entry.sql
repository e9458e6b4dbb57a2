-- Only used to take back an entry inserted earlier in the same, still uncommitted, transaction.
DELETE FROM grain_journal
WHERE grain_type = @grain_type AND grain_key = @grain_key AND entry_key = @entry_key;
