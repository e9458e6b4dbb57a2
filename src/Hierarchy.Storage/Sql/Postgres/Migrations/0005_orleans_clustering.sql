-- The tables and statements of Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet), so that
-- silos on the same PostgreSQL database find each other and agree on who is alive. As for the grain storage in
-- 0004, Orleans ships no SQL; this is ours, written to the contract of the provider's code. Statements live in the
-- OrleansQuery table of 0004. DeploymentId is Orleans' ClusterId.

-- One row per cluster. Version is the membership table's ETag: every change of a member's row counts it on, and a
-- change made against an older version is refused, which is how silos agree on one sequence of membership changes.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
    DeploymentId varchar(150) COLLATE "C" NOT NULL PRIMARY KEY,
    Timestamp    timestamptz NOT NULL DEFAULT now(),
    Version      integer     NOT NULL DEFAULT 0
);

-- One row per start of a silo: a silo restarted on the same address and port is a new generation. Status is
-- Orleans' SiloStatus (3 active, 6 dead); SuspectTimes the votes of silos that found it unresponsive.
CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
    DeploymentId varchar(150) COLLATE "C" NOT NULL
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE,
    Address      varchar(45)  NOT NULL,
    Port         integer      NOT NULL,
    Generation   integer      NOT NULL,
    SiloName     varchar(150) NOT NULL,
    HostName     varchar(150) NOT NULL,
    Status       integer      NOT NULL,
    ProxyPort    integer      NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime    timestamptz  NOT NULL,
    IAmAliveTime timestamptz  NOT NULL,
    PRIMARY KEY (DeploymentId, Address, Port, Generation)
);

-- The provider binds @DeploymentId to every statement, @Address, @Port and @Generation (a silo's address) to those
-- about one silo, and @Version (the table version the caller read) to those that change a member. Each runs as
-- one command, so each is one statement; the ones that insert or update return one integer row, 1 when the change
-- was made and 0 when the table version was stale, which the provider reads as a lost race and retries.
--
-- A member is inserted or updated only together with counting the version on. The version row is updated first,
-- which also locks it, so concurrent changes are serialised and the loser's condition on @Version fails.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $query$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer FROM inserted;
$query$),
('InsertMembershipKey', $query$
WITH version AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND NOT EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), inserted AS (
    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
    SELECT DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM version
    RETURNING 1
)
SELECT count(*)::integer FROM inserted;
$query$),
('UpdateMembershipKey', $query$
WITH version AS (
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1, Timestamp = now()
    WHERE DeploymentId = @DeploymentId AND Version = @Version
      AND EXISTS (
          SELECT 1 FROM OrleansMembershipTable
          WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation)
    RETURNING DeploymentId
), updated AS (
    UPDATE OrleansMembershipTable AS m
    SET Status = @Status, SuspectTimes = @SuspectTimes, IAmAliveTime = @IAmAliveTime
    FROM version
    WHERE m.DeploymentId = version.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    RETURNING 1
)
SELECT count(*)::integer FROM updated;
$query$),
-- The heartbeat a silo writes about itself; it changes no version, and the provider reads no result.
('UpdateIAmAlivetimeKey', $query$
UPDATE OrleansMembershipTable
SET IAmAliveTime = @IAmAliveTime
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$query$),
-- Both reads return the version row even when no member matches (the member columns are then NULL), because the
-- provider takes the table version from the first row.
('MembershipReadRowKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m
       ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$query$),
('MembershipReadAllKey', $query$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
       m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable AS v
LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$query$),
-- What clients connect to: the active silos' gateway endpoints (@Status is bound to "active").
('GatewaysQueryKey', $query$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$query$),
-- The cluster's rows go with its version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $query$
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$query$),
-- Dead silos' rows are removed once they are old; an active silo's row never is, however old its heartbeat.
('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
$query$),
('CleanupDefunctSiloEntryKey', $query$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation AND Status = 6;
$query$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
