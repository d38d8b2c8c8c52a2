-- The claim reads due messages in (next_attempt_at, id) order; H2 has no partial indexes.
CREATE INDEX delivery_ready_ix ON delivery (next_attempt_at, id, state);
CREATE INDEX delivery_claimed_ix ON delivery (state, claimed_until, id);
