/** Authentication-Results header fields (RFC 8601): generating ours and parsing others'. */
package dev.hikyaku.mailauth.results;
