DELETE FROM grain_state
WHERE grain_type = @grain_type AND state_name = @state_name AND grain_key = @grain_key AND etag = @expected;
