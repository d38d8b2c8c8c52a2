/**
 * The trouble intake: a guided form built from seed 000's two checklists (non-delivery and security
 * incident), whose attachments go through the {@code dev.hikyaku.diagnose} analyzers, and the
 * stored incident report that comes out of it, with the likely place of the trouble and the
 * redaction applied.
 */
package dev.hikyaku.diagnosis.intake;
