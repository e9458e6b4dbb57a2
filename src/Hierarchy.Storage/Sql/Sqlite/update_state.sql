-- Zero rows changed means the stored ETag differs from the one the writer read (or the record is gone).
UPDATE grain_state
SET etag = @etag, payload = @payload, wake = @wake, updated_at = @updated_at
WHERE grain_type = @grain_type AND state_name = @state_name AND grain_key = @grain_key AND etag = @expected;
