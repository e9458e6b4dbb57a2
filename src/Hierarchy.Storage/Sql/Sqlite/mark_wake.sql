-- An append that leaves the state as it is may still ask for a wake-up at start. Rows already marked are left
-- untouched, so a grain that stays pending costs no page write per append.
UPDATE grain_state
SET wake = 1
WHERE grain_type = @grain_type AND state_name = @state_name AND grain_key = @grain_key AND wake = 0;
