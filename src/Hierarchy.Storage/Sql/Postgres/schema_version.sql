-- Which migrations have been applied. It is created before anything else so a half-migrated database is detectable.
CREATE TABLE IF NOT EXISTS schema_version (
    version    integer PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);
