/**
 * Bounce and complaint parsing: turns a message that arrived at the bounce address into a typed
 * verdict — a delivery status report (RFC 3464, RFC 6533, or the text of a known mail system), a
 * feedback-loop complaint (RFC 5965), an auto-reply, or none of these — classifies each failed
 * recipient as a hard, soft or policy bounce, and encodes and decodes VERP return paths.
 */
package dev.hikyaku.diagnose.bounce;
