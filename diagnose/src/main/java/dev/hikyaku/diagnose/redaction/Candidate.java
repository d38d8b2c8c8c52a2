package dev.hikyaku.diagnose.redaction;

import dev.hikyaku.diagnose.redaction.Redaction.Kind;

/**
 * A span of the header that a scanner wants masked; tokens are assigned only to the spans that
 * survive overlap resolution, in order of position, so numbering follows first appearance.
 */
record Candidate(int start, int end, Kind kind, String original) {}
