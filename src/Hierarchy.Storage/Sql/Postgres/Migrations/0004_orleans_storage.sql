-- The tables Orleans' stock ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet) reads and writes, so that
-- provider can be used on the same database as our store (OrleansAdoNetStorageExtensions). Orleans ships no SQL in
-- its packages; this schema and the queries below are ours, written to the contract the provider's code expects.
-- Our own store never touches these tables. Identifiers are unquoted, so PostgreSQL folds them to lower case, as
-- the provider's unquoted names in its own statement (SELECT QueryKey, QueryText FROM OrleansQuery) are folded too.

-- The provider loads its statements from here at start, by key. Orleans' clustering and reminder providers load
-- theirs from a table of the same name and shape, so this one can hold their keys as well.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text NOT NULL
);

-- One row per (service, state name, grain id). GrainTypeString holds the state name the provider is given, and
-- GrainIdExtensionString the key extension or, for a string key the provider does not read as a number, the key;
-- both compare bytewise ("C"). Version is the ETag and an int because the provider parses it as one.
-- PayloadBinary is NULL once the state has been cleared, which the provider reads as "no record" while keeping
-- the version, so the next write still has something to compare against.
CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text COLLATE "C" NOT NULL,
    GrainIdExtensionString text COLLATE "C" NULL,
    ServiceId              text COLLATE "C" NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL DEFAULT now(),
    Version                integer     NOT NULL
);

-- Every query looks a row up by the two hashes first, so they lead the index. The index is also unique over the
-- whole identity so that two silos inserting the same grain at once cannot leave two rows (the write below uses
-- ON CONFLICT against it); COALESCE because a unique index treats NULLs as distinct, and most grains have no key
-- extension.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage ON OrleansStorage (
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, COALESCE(GrainIdExtensionString, '')
);

-- The statements. The provider binds @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString and @ServiceId to every one of them, @GrainStateVersion (NULL for a grain that has never
-- been written) to write, clear and delete, and @PayloadBinary to write. It runs each as one command outside any
-- transaction, so each is a single statement.
--
-- Write, clear and delete always return exactly one row: the new version, or NULL when the grain's version was
-- stale (or, for a first write, the row was created meanwhile), which the provider turns into
-- InconsistentStateException. Write updates when the grain holds a version and inserts when it holds none.
-- Read returns the payload and version, or no row at all for a grain never written.
-- Clear drops the payload and counts the version on; delete (used with DeleteStateOnClear) drops the row and
-- returns the version it would have had next, which the provider only checks for being there and being new.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE OrleansStorage
    SET PayloadBinary = @PayloadBinary, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
), inserted AS (
    INSERT INTO OrleansStorage
        (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, Version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING Version
)
SELECT (SELECT Version FROM updated UNION ALL SELECT Version FROM inserted LIMIT 1) AS NewGrainStateVersion;
$query$),
('ReadFromStorageKey', $query$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$query$),
('ClearStorageKey', $query$
WITH cleared AS (
    UPDATE OrleansStorage
    SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version FROM cleared) AS NewGrainStateVersion;
$query$),
('DeleteStorageKey', $query$
WITH deleted AS (
    DELETE FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
      AND Version = @GrainStateVersion
    RETURNING Version
)
SELECT (SELECT Version + 1 FROM deleted) AS NewGrainStateVersion;
$query$)
-- Texts already there (say, from an earlier hand-made setup) give way to these, which match this schema.
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
