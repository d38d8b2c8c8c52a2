/** DMARC (RFC 9989): record parsing, policy discovery by DNS tree walk, alignment, verdicts. */
package dev.hikyaku.mailauth.dmarc;
