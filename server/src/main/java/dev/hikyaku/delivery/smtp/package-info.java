/**
 * The outbound SMTP client of the delivery engine (RFC 5321): sessions to a relay or an MX host
 * with STARTTLS (RFC 3207), AUTH (RFC 4954), PIPELINING (RFC 2920), SIZE (RFC 1870), 8BITMIME (RFC
 * 6152) and SMTPUTF8 (RFC 6531), reporting every outcome as a value.
 *
 * <p>Plain Java without Spring; MX lookup and retry scheduling belong to the engine around it.
 * Entry point: {@link dev.hikyaku.delivery.smtp.SmtpClient}.
 */
package dev.hikyaku.delivery.smtp;
