/** DKIM (RFC 6376, RFC 8463): signing and verification with RSA-SHA256 and Ed25519-SHA256. */
package dev.hikyaku.mailauth.dkim;
