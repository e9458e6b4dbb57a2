-- Which migrations have been applied. It is created before anything else so a half-migrated file is detectable.
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);
