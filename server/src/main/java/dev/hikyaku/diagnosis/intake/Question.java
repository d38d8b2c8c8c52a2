package dev.hikyaku.diagnosis.intake;

import static dev.hikyaku.diagnosis.intake.TroubleKind.NON_DELIVERY;
import static dev.hikyaku.diagnosis.intake.TroubleKind.SECURITY_INCIDENT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The questions of seed 000's two checklists, in the seed's order: what happened, then the person's
 * PC and mail software, then the mail server when the company runs its own (the seed's note: items
 * from "server OS" on apply to an own server or something like it). The headers and the logs the
 * seed asks for are attachments, not questions.
 *
 * <p>Each question's label is {@code intake.q.<key>} in the message bundles and each option's
 * {@code intake.q.<key>.<option>}.
 */
public enum Question {
  SUMMARY("summary", Section.WHAT, Input.LINE, both(), true),
  // Non-delivery (不達): the seed's items 1 to 6.
  DIRECTION("direction", Section.WHAT, NON_DELIVERY, true, "send", "receive", "both"),
  SCOPE("scope", Section.WHAT, NON_DELIVERY, false, "one-account", "section", "company"),
  COUNTERPART("counterpart", Section.WHAT, NON_DELIVERY, false, "one", "several", "all"),
  WHICH_MAIL("which-mail", Section.WHAT, NON_DELIVERY, false, "one-message", "one-person", "all"),
  SINCE("since", Section.WHAT, Input.LINE, Set.of(NON_DELIVERY), false),
  CHANGES(
      "changes",
      Section.WHAT,
      Input.MULTI,
      Set.of(NON_DELIVERY),
      false,
      "os-update",
      "mail-settings",
      "account-added",
      "server-software",
      "maintenance",
      "vendor-policy",
      "attachment-received",
      "power-outage"),
  CHANGES_OTHER("changes-other", Section.WHAT, Input.TEXT, Set.of(NON_DELIVERY), false),
  // Security incident (セキュリティ系): the seed's items 1 to 4.
  WHEN("when", Section.WHAT, Input.LINE, Set.of(SECURITY_INCIDENT), false),
  DAMAGE(
      "damage",
      Section.WHAT,
      Input.MULTI,
      Set.of(SECURITY_INCIDENT),
      true,
      "ransomware",
      "malware",
      "phishing-leak",
      "misdelivery",
      "spam-relay",
      "other"),
  HARM("harm", Section.WHAT, SECURITY_INCIDENT, false, "warning", "actual"),
  SCALE(
      "scale",
      Section.WHAT,
      SECURITY_INCIDENT,
      false,
      "one-person",
      "section",
      "company",
      "partners"),
  AFFECTED("affected", Section.WHAT, Input.MULTI, Set.of(SECURITY_INCIDENT), false, "pc", "server"),
  CAUSE(
      "cause",
      Section.WHAT,
      Input.MULTI,
      Set.of(SECURITY_INCIDENT),
      false,
      "web-access",
      "mail-received",
      "usb",
      "software-install",
      "mail-sent",
      "unknown"),
  CAUSE_DETAIL("cause-detail", Section.WHAT, Input.TEXT, Set.of(SECURITY_INCIDENT), false),
  // The person's PC and mail software.
  CLIENT("client", Section.CLIENT, Input.LINE, both(), false),
  PLUGINS("plugins", Section.CLIENT, Input.LINE, Set.of(NON_DELIVERY), false),
  OS("os", Section.CLIENT, Input.LINE, both(), false),
  ANTIVIRUS("antivirus", Section.CLIENT, Input.LINE, both(), false),
  PROTOCOL(
      "protocol",
      Section.CLIENT,
      NON_DELIVERY,
      false,
      "pop3",
      "imap",
      "webmail",
      "exchange",
      "other"),
  SERVICE(
      "service",
      Section.CLIENT,
      Input.CHOICE,
      both(),
      false,
      "own-server",
      "rental-server",
      "provider",
      "carrier",
      "free-mail",
      "cloud"),
  // The company's own mail server.
  SERVER_DAMAGE("server-damage", Section.SERVER, Input.TEXT, Set.of(SECURITY_INCIDENT), false),
  SERVER_OS("server-os", Section.SERVER, Input.LINE, both(), false),
  MTA("mta", Section.SERVER, Input.LINE, both(), false),
  PORTS("ports", Section.SERVER, Input.LINE, both(), false),
  PROGRAMS("programs", Section.SERVER, Input.LINE, both(), false),
  FILTERS("filters", Section.SERVER, Input.LINE, both(), false),
  MONITORING("monitoring", Section.SERVER, Input.LINE, both(), false),
  PROXY("proxy", Section.SERVER, Input.CHOICE, both(), false, "yes", "no", "unknown"),
  // What to look for in the logs.
  TRACE("trace", Section.ATTACHMENTS, Input.TEXT, both(), false);

  /** Where a question sits on the form and in the report. */
  public enum Section {
    WHAT,
    CLIENT,
    SERVER,
    ATTACHMENTS
  }

  /** How a question is answered. */
  public enum Input {
    /** One line of text. */
    LINE,
    /** Several lines of text. */
    TEXT,
    /** One of the options. */
    CHOICE,
    /** Any of the options. */
    MULTI
  }

  /** The longest one-line answer, in characters. */
  public static final int MAX_LINE = 500;

  /** The longest answer of several lines, in characters. */
  public static final int MAX_TEXT = 4000;

  private final String key;
  private final Section section;
  private final Input input;
  private final Set<TroubleKind> kinds;
  private final boolean required;
  private final List<String> options;

  Question(
      String key,
      Section section,
      Input input,
      Set<TroubleKind> kinds,
      boolean required,
      String... options) {
    this.key = key;
    this.section = section;
    this.input = input;
    this.kinds = Set.copyOf(kinds);
    this.required = required;
    this.options = List.of(options);
  }

  /** A single choice asked for one kind of trouble. */
  Question(String key, Section section, TroubleKind kind, boolean required, String... options) {
    this(key, section, Input.CHOICE, Set.of(kind), required, options);
  }

  private static Set<TroubleKind> both() {
    return EnumSet.allOf(TroubleKind.class);
  }

  public String key() {
    return key;
  }

  public Section section() {
    return section;
  }

  public Input input() {
    return input;
  }

  public boolean required() {
    return required;
  }

  public List<String> options() {
    return options;
  }

  /** Whether the checklist of {@code kind} asks this question. */
  public boolean asks(TroubleKind kind) {
    return kinds.contains(kind);
  }

  /** Whether the answer is chosen from options rather than typed. */
  public boolean chosen() {
    return input == Input.CHOICE || input == Input.MULTI;
  }

  /** The questions of {@code kind}'s checklist in {@code section}, in order. */
  public static List<Question> of(TroubleKind kind, Section section) {
    return Arrays.stream(values()).filter(q -> q.asks(kind) && q.section == section).toList();
  }

  /** The question with {@code key}, if there is one. */
  public static Optional<Question> byKey(String key) {
    return Arrays.stream(values()).filter(q -> q.key.equals(key)).findFirst();
  }
}
