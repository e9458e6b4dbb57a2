-- Two silos (or a silo and a tool) starting at once must not both run the same migration, so migrations
-- take this lock first. It is released with the transaction.
SELECT pg_advisory_xact_lock(7421601832244);
