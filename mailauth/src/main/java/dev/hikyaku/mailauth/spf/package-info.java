/** SPF (RFC 7208): check_host() with macros, limits, explanations and HELO checks. */
package dev.hikyaku.mailauth.spf;
