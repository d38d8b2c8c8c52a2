/**
 * Inbound mail for the return-path domains: an SMTP listener that takes bounce reports,
 * feedback-loop complaints and mailto unsubscribes for known delivery tokens, stores each message
 * and applies what it says to the delivery and the suppression list in one transaction.
 */
package dev.hikyaku.delivery.inbound;
