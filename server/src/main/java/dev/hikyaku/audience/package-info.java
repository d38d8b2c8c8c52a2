/**
 * Audiences: lists of contacts with attributes, CSV import with a line-numbered dry run, and the
 * suppression list (bounced, complained, unsubscribed, manual) that every send honours.
 */
package dev.hikyaku.audience;
