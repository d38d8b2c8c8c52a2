package dev.hikyaku.delivery;

/**
 * A message was given up: refused permanently (5xx at delivery or a bounce report later) or retried
 * past the maximum age. {@code hard} means the address itself is bad and is suppressed.
 */
public record MessageBounced(long deliveryId, String recipient, boolean hard, String reply) {}
