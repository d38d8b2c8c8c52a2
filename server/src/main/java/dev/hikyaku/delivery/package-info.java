/**
 * Delivery: the durable queue (one row per recipient, expanded in batches, claimed with {@code FOR
 * UPDATE SKIP LOCKED} so several nodes share it), the routes (capture, relay, direct), retries and
 * outcomes, every attempt kept for support, and what comes back by mail afterwards (bounce reports,
 * complaints, mailto unsubscribes; see {@code inbound}).
 */
package dev.hikyaku.delivery;
