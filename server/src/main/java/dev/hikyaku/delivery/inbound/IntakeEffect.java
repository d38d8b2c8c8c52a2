package dev.hikyaku.delivery.inbound;

import java.util.Objects;

/** One thing a received message does to its delivery; {@link BounceIntake} applies them. */
sealed interface IntakeEffect {

  /** Add an attempt-like entry to the delivery's history. */
  record Record(String outcome, Integer code, String enhanced, String reply, String host)
      implements IntakeEffect {
    public Record {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(enhanced, "enhanced");
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(host, "host");
    }
  }

  /** Mark the delivery bounced and suppress its recipient. */
  record Bounce(Integer code, String reply) implements IntakeEffect {
    public Bounce {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** Suppress the recipient as complained. */
  record Complaint(String feedbackType) implements IntakeEffect {
    public Complaint {
      Objects.requireNonNull(feedbackType, "feedbackType");
    }
  }

  /** Suppress the recipient as unsubscribed. */
  record Unsubscribe(String how) implements IntakeEffect {
    public Unsubscribe {
      Objects.requireNonNull(how, "how");
    }
  }
}
