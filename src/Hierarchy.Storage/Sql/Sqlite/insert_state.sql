-- A write without an ETag may only create the record: zero rows changed means one already exists.
INSERT INTO grain_state (grain_type, state_name, grain_key, etag, payload, wake, updated_at)
VALUES (@grain_type, @state_name, @grain_key, @etag, @payload, @wake, @updated_at)
ON CONFLICT DO NOTHING;
