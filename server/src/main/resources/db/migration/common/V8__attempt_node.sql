-- Which node made an attempt: several nodes share one database and one queue.
ALTER TABLE delivery_attempt ADD COLUMN node VARCHAR(128) NOT NULL DEFAULT '';
