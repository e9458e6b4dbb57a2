-- Settings of the writer's own connection. The batch statement is prepared once and its plan kept; a plan
-- made while the tables were still small could scan them in full, which only gets slower as they grow.
-- Every row the writer touches is found through a primary or unique key, so index access is always right.
SET enable_seqscan = off;
