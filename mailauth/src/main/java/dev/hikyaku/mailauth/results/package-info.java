/**
 * Authentication-Results header fields (RFC 8601): generating ours and parsing others'.
 *
 * <p>Also the ARC-Authentication-Results form of RFC 8617 §4.1.1. Write with {@link
 * dev.hikyaku.mailauth.results.AuthenticationResultsWriter}, read with {@link
 * dev.hikyaku.mailauth.results.AuthenticationResultsParser}.
 */
package dev.hikyaku.mailauth.results;
