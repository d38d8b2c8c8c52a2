package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnosis.intake.ReportView.AnswerGroup;
import dev.hikyaku.diagnosis.intake.ReportView.AnswerView;
import dev.hikyaku.diagnosis.intake.ReportView.FindingView;
import dev.hikyaku.diagnosis.intake.ReportView.Labeled;
import dev.hikyaku.diagnosis.intake.ReportView.PlaceView;
import dev.hikyaku.diagnosis.intake.ReportView.RedactionView;
import dev.hikyaku.diagnosis.intake.ReportView.VoteView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts a stored report into words in Japanese or English, from the console's message bundles. */
@Component
class ReportViews {

  /** The languages a report is written in; anything else falls back to English. */
  static final List<String> LANGUAGES = List.of("ja", "en");

  private final MessageSource messages;

  ReportViews(MessageSource messages) {
    this.messages = messages;
  }

  /** {@code ja} or {@code en}: the first of {@code wanted} that is one of them, else English. */
  static Locale language(String... wanted) {
    for (String w : wanted) {
      if (w != null && LANGUAGES.contains(w.strip().toLowerCase(Locale.ROOT))) {
        return Locale.forLanguageTag(w.strip().toLowerCase(Locale.ROOT));
      }
    }
    return Locale.ENGLISH;
  }

  ReportView view(StoredIncident stored, Locale locale) {
    IncidentReport r = stored.report();
    return new ReportView(
        stored.id(),
        locale.getLanguage(),
        new Labeled(r.kind().key(), text(locale, "intake.kind." + r.kind().key())),
        r.summary(),
        stored.author(),
        stored.createdAt().toString(),
        place(r.place(), locale),
        answers(r, locale),
        r.findings().stream().map(f -> finding(f, locale)).toList(),
        r.message(),
        r.logs(),
        redaction(r.redaction(), locale));
  }

  /** The message {@code key} in {@code locale}, or {@code fallback} if the bundles lack it. */
  String textOr(Locale locale, String key, String fallback, Object... args) {
    return messages.getMessage(key, args, fallback, locale);
  }

  String text(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private PlaceView place(PlaceVerdict verdict, Locale locale) {
    String code = verdict.place().name();
    List<VoteView> votes =
        verdict.votes().stream()
            .map(v ->
                new VoteView(
                    v.rule(),
                    text(locale, "intake.place." + v.place().name()),
                    v.weight(),
                    textOr(locale, "intake.rule." + v.rule(), v.rule(), v.args().toArray())))
            .toList();
    return new PlaceView(
        code,
        text(locale, "intake.place." + code),
        text(locale, "intake.place." + code + ".explain"),
        votes);
  }

  private List<AnswerGroup> answers(IncidentReport r, Locale locale) {
    List<AnswerGroup> groups = new ArrayList<>();
    for (Question.Section section : Question.Section.values()) {
      List<AnswerView> views = new ArrayList<>();
      for (Question q : Question.of(r.kind(), section)) {
        String value = r.answers().get(q.key());
        if (value != null && !value.isEmpty()) {
          views.add(
              new AnswerView(
                  q.key(),
                  text(locale, "intake.q." + q.key()),
                  value,
                  answerText(q, value, locale)));
        }
      }
      if (!views.isEmpty()) {
        groups.add(
            new AnswerGroup(
                section.name(), text(locale, "intake.section." + section.name()), views));
      }
    }
    return groups;
  }

  private String answerText(Question q, String value, Locale locale) {
    if (!q.chosen()) {
      return value;
    }
    String separator = locale.getLanguage().equals("ja") ? "、" : ", ";
    return Arrays.stream(value.split(","))
        .map(o -> textOr(locale, "intake.q." + q.key() + "." + o, o))
        .collect(Collectors.joining(separator));
  }

  private FindingView finding(ReportFinding f, Locale locale) {
    return new FindingView(
        f.source(),
        f.severity(),
        f.code(),
        textOr(locale, "intake.code." + f.code(), f.code()),
        f.message(),
        f.where());
  }

  private RedactionView redaction(RedactionNote note, Locale locale) {
    if (!note.any()) {
      return new RedactionView(false, text(locale, "intake.redaction.none"), note.masked());
    }
    List<String> what = new ArrayList<>();
    if (note.addresses()) {
      what.add(text(locale, "intake.redaction.addresses"));
    }
    if (note.names()) {
      what.add(text(locale, "intake.redaction.names"));
    }
    if (note.subject()) {
      what.add(text(locale, "intake.redaction.subject"));
    }
    if (note.ipAddresses()) {
      what.add(text(locale, "intake.redaction.ips"));
    }
    String separator = locale.getLanguage().equals("ja") ? "、" : ", ";
    String kept =
        note.keptDomains().isEmpty()
            ? ""
            : " " + text(locale, "intake.redaction.kept", String.join(", ", note.keptDomains()));
    return new RedactionView(
        true,
        text(locale, "intake.redaction.applied", String.join(separator, what)) + kept,
        note.masked());
  }
}
