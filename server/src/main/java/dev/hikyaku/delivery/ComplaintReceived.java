package dev.hikyaku.delivery;

/**
 * A feedback-loop report (RFC 5965) says the recipient of a delivery complained about it; the
 * audience suppresses the address.
 *
 * @param deliveryId the delivery the report's VERP token names
 * @param recipient that delivery's recipient (the token is trusted, not the report's address)
 * @param feedbackType the report's Feedback-Type token, such as {@code abuse}
 */
public record ComplaintReceived(long deliveryId, String recipient, String feedbackType) {}
