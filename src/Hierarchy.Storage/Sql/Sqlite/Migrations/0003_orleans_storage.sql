-- The tables Orleans' stock ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet) reads and writes, so that
-- provider can be used on the same file as our store (OrleansAdoNetStorageExtensions). Orleans ships no SQL in its
-- packages; this schema and the queries below are ours, written to the contract the provider's code expects.
-- Our own store never touches these tables.

-- The provider loads its statements from here at start, by key.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per (service, state name, grain id). GrainTypeString holds the state name the provider is given, and
-- GrainIdExtensionString the key extension or, for a string key the provider does not read as a number, the key.
-- Version is the ETag; PayloadBinary is NULL once the state has been cleared, which the provider reads as
-- "no record" while keeping the version, so the next write still has something to compare against.
CREATE TABLE IF NOT EXISTS OrleansStorage (
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdExtensionString TEXT    NULL,
    ServiceId              TEXT    NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL,
    Version                INTEGER NOT NULL
);

-- Every query looks a row up by the two hashes first, so they lead the index. The index is also unique over the
-- whole identity so that a second insert of the same grain fails instead of leaving two rows; IFNULL because a
-- unique index treats NULLs as distinct, and most grains have no key extension.
CREATE UNIQUE INDEX IF NOT EXISTS ux_OrleansStorage ON OrleansStorage (
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, IFNULL(GrainIdExtensionString, '')
);

-- The statements. The provider binds @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
-- @GrainIdExtensionString and @ServiceId to every one of them, @GrainStateVersion (NULL for a grain that has never
-- been written) to write, clear and delete, and @PayloadBinary to write. It runs each as one command outside any
-- transaction, so each statement here is atomic on its own and never depends on a statement before it.
--
-- Write: an UPDATE when the grain holds a version, an INSERT when it holds none; only one of the two can match,
-- and the one that does returns the new version. No row back means the version was stale (or the row was created
-- meanwhile), which the provider turns into InconsistentStateException.
-- Read: the payload and version, or no row at all for a grain never written.
-- Clear: the payload goes, the version goes up, the row stays so the version keeps counting.
-- Delete (used with DeleteStateOnClear): the row goes; it returns the version the row would have had next, which
-- the provider only checks for being there and being new.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('WriteToStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString IS @GrainIdExtensionString
  AND @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary,
       strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''), 1
WHERE @GrainStateVersion IS NULL
  AND NOT EXISTS (
      SELECT 1 FROM OrleansStorage
      WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString IS @GrainIdExtensionString)
RETURNING Version AS NewGrainStateVersion;
'),
('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString IS @GrainIdExtensionString;
'),
('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = strftime(''%Y-%m-%dT%H:%M:%fZ'', ''now''),
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
'),
('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version + 1 AS NewGrainStateVersion;
')
-- Texts already there (say, from an earlier hand-made setup) give way to these, which match this schema.
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
