-- One round of a group commit: writes to distinct grains, each checked and applied or refused on its own,
-- in one statement (one round trip) instead of several per write.
--
-- Every write (w) is checked against the state the statement started from: its ETag must match the stored
-- one (or both be absent), and none of its journal entries (e) may already exist. Only writes that pass are
-- applied, so a refused write leaves nothing behind and no savepoint is needed. The client puts writes that
-- touch the same grain into separate rounds, which is why one snapshot is enough to check a whole round.
-- The UPDATE/DELETE conditions repeat the ETag check so a concurrent writer in another process is caught
-- as well: such a write is simply not applied, and the client reports it as an ETag conflict.
--
-- op: 0 = write state (and append), 1 = clear state, 2 = check only (the write repeats an entry key),
-- 3 = append only: the state row keeps its payload and ETag, and is at most marked to wake.
WITH w AS (
    SELECT *
    FROM unnest(@w_idx::integer[], @w_op::smallint[], @w_type::text[], @w_name::text[], @w_key::text[],
                @w_expected::bigint[], @w_etag::bigint[], @w_payload::text[], @w_wake::boolean[])
         AS t (idx, op, grain_type, state_name, grain_key, expected, etag, payload, wake)
),
e AS (
    -- Each entry carries its grain, so finding duplicates is one index probe per entry with no join on w.
    SELECT *
    FROM unnest(@e_idx::integer[], @e_type::text[], @e_grain::text[], @e_key::text[], @e_kind::text[],
                @e_payload::text[], @e_recorded_at::timestamptz[])
         WITH ORDINALITY AS t (idx, grain_type, grain_key, entry_key, kind, payload, recorded_at, ord)
),
duplicates AS (
    SELECT DISTINCT ON (e.idx) e.idx, e.entry_key
    FROM e
    WHERE EXISTS (
        SELECT 1 FROM grain_journal j
        WHERE j.grain_type = e.grain_type AND j.grain_key = e.grain_key AND j.entry_key = e.entry_key)
    ORDER BY e.idx, e.ord
),
checked AS (
    SELECT w.*, s.etag AS stored, (s.grain_key IS NOT NULL) AS present, d.entry_key AS duplicate_key
    FROM w
    LEFT JOIN grain_state s
           ON s.grain_type = w.grain_type AND s.state_name = w.state_name AND s.grain_key = w.grain_key
    LEFT JOIN duplicates d ON d.idx = w.idx
),
good AS (
    SELECT *
    FROM checked
    WHERE op <> 2
      AND duplicate_key IS NULL
      AND ((expected IS NULL AND NOT present) OR (present AND stored = expected))
),
woken AS (
    -- Rows already marked are skipped, so a grain that stays pending costs no row version per append.
    UPDATE grain_state s
    SET wake = true
    FROM good g
    WHERE g.op = 3 AND g.wake AND NOT s.wake
      AND s.grain_type = g.grain_type AND s.state_name = g.state_name AND s.grain_key = g.grain_key
    RETURNING g.idx
),
updated AS (
    UPDATE grain_state s
    SET etag = g.etag, payload = g.payload, wake = g.wake, updated_at = now()
    FROM good g
    WHERE g.op = 0 AND g.expected IS NOT NULL
      AND s.grain_type = g.grain_type AND s.state_name = g.state_name AND s.grain_key = g.grain_key
      AND s.etag = g.expected
    RETURNING g.idx
),
inserted AS (
    INSERT INTO grain_state (grain_type, state_name, grain_key, etag, payload, wake, updated_at)
    SELECT grain_type, state_name, grain_key, etag, payload, wake, now()
    FROM good
    WHERE op = 0 AND expected IS NULL
    ON CONFLICT DO NOTHING
    RETURNING grain_type, state_name, grain_key
),
deleted AS (
    DELETE FROM grain_state s
    USING good g
    WHERE g.op = 1 AND g.expected IS NOT NULL
      AND s.grain_type = g.grain_type AND s.state_name = g.state_name AND s.grain_key = g.grain_key
      AND s.etag = g.expected
    RETURNING g.idx
),
applied AS (
    SELECT idx FROM updated
    UNION ALL
    SELECT g.idx
    FROM inserted i
    JOIN good g ON g.op = 0 AND g.expected IS NULL
               AND g.grain_type = i.grain_type AND g.state_name = i.state_name AND g.grain_key = i.grain_key
    UNION ALL
    SELECT idx FROM deleted
    UNION ALL
    -- clearing a record that does not exist, with no ETag, succeeds without touching anything
    SELECT idx FROM good WHERE op = 1 AND expected IS NULL
    UNION ALL
    SELECT idx FROM good WHERE op = 3
),
appended AS (
    -- ORDER BY makes the identity values follow the order the entries were given in.
    INSERT INTO grain_journal (grain_type, grain_key, entry_key, kind, payload, recorded_at)
    SELECT e.grain_type, e.grain_key, e.entry_key, e.kind, e.payload, e.recorded_at
    FROM e
    WHERE e.idx IN (SELECT idx FROM applied)
    ORDER BY e.ord
    RETURNING 1
)
SELECT c.idx, (a.idx IS NOT NULL) AS applied, c.stored, c.present, c.duplicate_key
FROM checked c
LEFT JOIN applied a ON a.idx = c.idx;
