package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;

/** Seed 000's two kinds of mail trouble: functional (nearly always non-delivery) and security. */
public enum TroubleKind {
  /** Mail does not arrive, is late, or arrives garbled (機能系トラブル). */
  NON_DELIVERY("non-delivery"),
  /** Virus or phishing mail, a leak, a mis-sent message, an abused server (セキュリティ系トラブル). */
  SECURITY_INCIDENT("security-incident");

  private final String key;

  TroubleKind(String key) {
    this.key = key;
  }

  /** The kind as forms, URLs and the API write it. */
  public String key() {
    return key;
  }

  /** The kind {@code text} names (its key or its enum name, any case). */
  public static TroubleKind parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (TroubleKind kind : values()) {
      if (kind.key.equals(wanted)) {
        return kind;
      }
    }
    throw new InvalidInputException("kind", "intake.kind.unknown", "choose the kind of trouble");
  }
}
