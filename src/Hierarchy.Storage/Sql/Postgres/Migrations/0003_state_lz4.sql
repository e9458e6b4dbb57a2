-- Parents' states run to tens of kilobytes and are rewritten at every checkpoint; PostgreSQL compresses such values
-- with pglz unless told otherwise, which cost the writer's backend more than the rest of the checkpoint. lz4 is
-- several times cheaper. A server built without lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE grain_state ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported OR invalid_parameter_value THEN
    NULL;
END
$$;
