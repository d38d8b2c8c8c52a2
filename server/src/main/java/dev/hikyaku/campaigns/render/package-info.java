/**
 * Campaign message rendering: personalisation templates ({@link Template}), a text part derived
 * from HTML ({@link HtmlToText}) and the composition of one recipient's message as RFC 5322 bytes
 * in UTF-8 or ISO-2022-JP ({@link MessageComposer}).
 *
 * <p>Plain Java without Spring. The steps are separate so that the console can preview one
 * recipient: render each {@link Template} with the recipient's fields, build a {@link
 * CampaignMessage}, then compose it.
 */
package dev.hikyaku.campaigns.render;
