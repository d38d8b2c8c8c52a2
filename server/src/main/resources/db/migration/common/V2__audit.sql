-- audit: the append-only, hash-chained operation log (操作履歴).

CREATE TABLE audit_event (
    seq            BIGINT        PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(128)  NOT NULL,
    source_ip      VARCHAR(64)   NOT NULL,
    action         VARCHAR(64)   NOT NULL,
    target         VARCHAR(256)  NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    before_summary VARCHAR(2000) NOT NULL,
    after_summary  VARCHAR(2000) NOT NULL,
    prev_hash      VARCHAR(64)   NOT NULL,
    hash           VARCHAR(64)   NOT NULL
);
CREATE INDEX audit_event_time_ix ON audit_event (occurred_at);

-- The chain's end, locked for each append (serialises writers on every node) and compared with the
-- last row by `audit verify` so that deleting entries from the end is detected too.
CREATE TABLE audit_head (
    id        INT         PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
