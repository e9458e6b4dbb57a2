SELECT DISTINCT grain_type, grain_key
FROM grain_state
WHERE wake;
