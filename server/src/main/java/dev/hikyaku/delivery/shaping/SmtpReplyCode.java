package dev.hikyaku.delivery.shaping;

/**
 * The three-digit code of an SMTP reply (RFC 5321 §4.2), as the delivery outcome records it.
 *
 * @param value 200 to 599; RFC 5321 §4.2.1 defines no 1yz replies for SMTP
 */
public record SmtpReplyCode(int value) {

  /** 421: the service is not available and the server closes the connection (RFC 5321 §3.8). */
  public static final SmtpReplyCode SERVICE_NOT_AVAILABLE = new SmtpReplyCode(421);

  public SmtpReplyCode {
    if (value < 200 || value > 599) {
      throw new IllegalArgumentException("SMTP reply code out of range 200-599: " + value);
    }
  }

  /** A 4yz reply: transient negative completion, try again later (RFC 5321 §4.2.1). */
  public boolean isTransient() {
    return value / 100 == 4;
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
