/**
 * Encoding diagnosis for mojibake (文字化け): declared charsets against the ones the bytes are really
 * in, RFC 2047 encoded-words decoded, ISO-2022-JP, Shift_JIS and UTF-8 mix-ups, missing
 * MIME-Version and 8-bit data where only 7-bit is allowed, each with a named cause and a fix.
 */
package dev.hikyaku.diagnose.encoding;
