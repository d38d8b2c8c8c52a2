/**
 * Header analysis: Received trace fields (RFC 5321 §4.4), lenient RFC 5322 dates, the hop table of
 * a message with delays, clock skew and TLS per hop, and findings about them.
 */
package dev.hikyaku.diagnose.headers;
