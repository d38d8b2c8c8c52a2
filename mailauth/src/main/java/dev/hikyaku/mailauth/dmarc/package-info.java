/**
 * DMARC (RFC 9989): record parsing, policy discovery by DNS tree walk, alignment, verdicts.
 *
 * <p>Written from draft-ietf-dmarc-dmarcbis-41, the approved text of RFC 9989; section numbers in
 * comments ({@code §4.10}) are the draft's. Start at {@link
 * dev.hikyaku.mailauth.dmarc.DmarcEvaluator}.
 */
package dev.hikyaku.mailauth.dmarc;
