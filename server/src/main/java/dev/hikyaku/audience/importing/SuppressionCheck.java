package dev.hikyaku.audience.importing;

/**
 * Whether an address must not be imported because it is suppressed (hard bounce, complaint,
 * unsubscribe). The caller supplies it from the database; such rows are rejected as {@link
 * RejectionReason#SUPPRESSED}.
 */
@FunctionalInterface
public interface SuppressionCheck {

  /** Nothing is suppressed. */
  SuppressionCheck NONE = address -> false;

  /** Whether {@code address} is suppressed; called once per distinct valid address. */
  boolean isSuppressed(ContactAddress address);
}
