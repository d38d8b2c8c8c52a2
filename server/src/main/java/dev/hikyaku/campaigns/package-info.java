/**
 * Campaigns: what is sent (subject, HTML and text bodies, charset, language), from which verified
 * domain, to which audience; previews, test sends, and starting the send through the delivery
 * engine, one message per recipient.
 */
package dev.hikyaku.campaigns;
