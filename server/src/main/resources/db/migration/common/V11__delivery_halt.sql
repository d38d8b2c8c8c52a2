-- delivery: the emergency stop, one row that every node reads before it claims or expands, and the
-- cancel window of a send (nothing of a job is expanded or sent before its not_before).

CREATE TABLE delivery_halt (
    id        INT          PRIMARY KEY CHECK (id = 1),
    halted    BOOLEAN      NOT NULL,
    halted_by VARCHAR(200),                 -- actor label, e.g. user:sato
    halted_at TIMESTAMP WITH TIME ZONE,
    reason    VARCHAR(500)
);
INSERT INTO delivery_halt (id, halted) VALUES (1, FALSE);

ALTER TABLE send_job ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
UPDATE send_job SET not_before = created_at;
ALTER TABLE send_job ALTER COLUMN not_before SET NOT NULL;
