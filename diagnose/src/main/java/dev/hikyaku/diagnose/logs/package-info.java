/**
 * Postfix log analysis: a parser that turns one syslog line into a typed event, and a streaming
 * analyzer that follows each queued message through smtpd, cleanup, qmgr, the delivery agents and
 * bounce into a trace, and counts a pflogsumm-like summary in bounded memory.
 */
package dev.hikyaku.diagnose.logs;
