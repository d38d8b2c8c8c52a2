package dev.hikyaku.delivery;

import java.time.Instant;

/**
 * One attempt at delivering one message: where to, what the server said, how the connection was
 * protected, and which node of the cluster made it. The support log when "it didn't arrive" comes
 * in.
 */
public record Attempt(
    long deliveryId,
    Instant at,
    String route,
    String host,
    String address,
    String outcome,
    Integer code,
    String enhanced,
    String reply,
    String tlsProtocol,
    String tlsCipher,
    boolean tlsVerified,
    long durationMs,
    String node) {}
