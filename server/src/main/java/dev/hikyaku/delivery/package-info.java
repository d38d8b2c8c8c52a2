/**
 * Delivery: the durable queue (one row per recipient, expanded in batches, claimed with {@code FOR
 * UPDATE SKIP LOCKED} so several nodes share it), the routes (capture, relay, direct), retries and
 * outcomes, and every attempt kept for support.
 */
package dev.hikyaku.delivery;
