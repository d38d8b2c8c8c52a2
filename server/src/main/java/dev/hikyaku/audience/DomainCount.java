package dev.hikyaku.audience;

/** How many recipients of an audience are at one destination domain. */
public record DomainCount(String domain, long recipients) {}
