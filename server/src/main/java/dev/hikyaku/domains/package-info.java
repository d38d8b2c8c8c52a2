/**
 * Sending domains: DKIM keys (RSA-2048 and Ed25519, sealed at rest, rotated with a grace period),
 * the DNS records to publish, and their verification; a domain signs mail only once verified.
 */
package dev.hikyaku.domains;
