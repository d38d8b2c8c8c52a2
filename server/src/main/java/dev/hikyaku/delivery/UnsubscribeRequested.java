package dev.hikyaku.delivery;

/**
 * The recipient of a delivery asked to unsubscribe by mail, to the {@code unsubscribe+<token>@}
 * address of its List-Unsubscribe (RFC 2369 §3.2); the audience suppresses the address.
 *
 * @param deliveryId the delivery the token names
 * @param recipient that delivery's recipient
 * @param how how the request arrived, for the suppression's detail
 */
public record UnsubscribeRequested(long deliveryId, String recipient, String how) {}
