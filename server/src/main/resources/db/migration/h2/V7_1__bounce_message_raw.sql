-- The raw bytes of each received bounce message, as received (dot-unstuffed).
ALTER TABLE bounce_message ADD COLUMN raw BLOB NOT NULL;
