package dev.hikyaku.diagnose.bounce;

/**
 * What a message that arrived at the bounce address turned out to be.
 *
 * <p>{@link BounceParser} gives exactly one of these for every input; bad input gives {@link
 * Unparseable} or a report with problems, never an exception.
 */
public sealed interface BounceResult
    permits DeliveryStatusReport, ComplaintReport, AutoReply, NotABounce, Unparseable {}
