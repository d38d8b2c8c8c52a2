/**
 * People and their access: personal accounts, roles, password and TOTP login, lockout, IP rules for
 * login, sending and API use, API tokens, and the HTTP security that enforces them.
 */
package dev.hikyaku.identity;
