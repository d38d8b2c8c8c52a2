/**
 * Header redaction: masks addresses, names, subjects and chosen fields consistently so a header
 * block can go to a partner without the private data in it.
 */
package dev.hikyaku.diagnose.redaction;
