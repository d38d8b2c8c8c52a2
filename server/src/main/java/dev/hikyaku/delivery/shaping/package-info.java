/**
 * Per-destination traffic shaping: how many connections, how many messages per minute and per
 * connection each recipient domain's group gets, and a back-off after it answers 421 or 4xx.
 *
 * <p>{@link dev.hikyaku.delivery.shaping.ShapingPolicy} resolves a recipient domain to its group
 * (presets for Japanese carriers and large providers in {@link
 * dev.hikyaku.delivery.shaping.ShapingPresets}, changed by {@link
 * dev.hikyaku.delivery.shaping.ShapingSettings} bound from {@code hikyaku.delivery.shaping.*}).
 * {@link dev.hikyaku.delivery.shaping.DestinationGate} enforces it. The node's global rate stays
 * with the engine's {@code RateLimiter}; this package adds the per-destination limits under it.
 *
 * <p>How the delivery engine uses it:
 *
 * <ol>
 *   <li>Once: {@code gate = new DestinationGate(ShapingPolicy.from(properties.shaping()))}; a bad
 *       configuration fails here, at start-up.
 *   <li>Per claimed batch, after grouping by domain: {@code admission = gate.admit(countsByDomain,
 *       now)}. Each {@link dev.hikyaku.delivery.shaping.Admission.Waiting} domain's rows go back to
 *       the queue with {@code next_attempt_at = retryAt}, without counting an attempt; each {@link
 *       dev.hikyaku.delivery.shaping.Admission.Admitted} domain goes to a worker with its first
 *       {@code permit.messages()} rows, the {@code leftOver} rows go back with {@code
 *       next_attempt_at = leftOverAt}. {@code admission.earliestRetry()} bounds the dispatcher's
 *       idle wait.
 *   <li>In the worker: one SMTP session carrying at most {@code permit.messages()} messages ({@code
 *       permit.maxMessagesPerConnection()} is the group's limit); then {@code gate.release(permit)}
 *       in a {@code finally}.
 *   <li>Per outcome: {@code reportSuccess} after a 2xx; {@code reportTransientFailure} after a 421
 *       or a session-level 4xx; {@code reportConnectionFailure} when no session could be opened.
 *       Per-recipient 4xx (mailbox full, greylisting of one address) are the message's own retry,
 *       not the group's back-off.
 *   <li>Now and then, e.g. when idle: {@code gate.forgetIdle(now)}.
 * </ol>
 *
 * <p>The gate is per node: with several nodes each enforces its limits on its own connections, so a
 * group's effective limits are multiplied by the number of sending nodes.
 */
package dev.hikyaku.delivery.shaping;
