/**
 * The domain check: MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT, reverse DNS and DNSBL listings of a
 * sending domain, each with pass / warn / fail and the fix.
 */
package dev.hikyaku.diagnose.domain;
