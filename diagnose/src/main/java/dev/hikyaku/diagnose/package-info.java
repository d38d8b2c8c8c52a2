/**
 * Trouble diagnosis: header analysis, MTA log analysis, DSN and bounce parsing, domain health
 * checks. No framework dependency; builds on {@code dev.hikyaku.mailauth}.
 */
package dev.hikyaku.diagnose;
