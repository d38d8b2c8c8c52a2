package dev.hikyaku.delivery;

import java.net.InetSocketAddress;

/** One server to try for a domain: its name (for TLS and logs) and one address of it. */
record Destination(String host, InetSocketAddress address) {}
