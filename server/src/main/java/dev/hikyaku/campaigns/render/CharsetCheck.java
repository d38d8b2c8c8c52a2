package dev.hikyaku.campaigns.render;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the characters of a message its charset cannot hold. In ISO-2022-JP that is everything
 * outside ASCII and JIS X 0208 once the Windows siblings and half-width katakana are normalised
 * (NEC specials such as ① and ㈱, IBM extensions such as 髙, emoji); in UTF-8 only broken text, a
 * lone surrogate, which an encoder would otherwise turn into {@code ?}.
 */
final class CharsetCheck {

  private final MessageCharset charset;
  private final List<CharsetProblem> problems = new ArrayList<>();

  private CharsetCheck(MessageCharset charset) {
    this.charset = charset;
  }

  static List<CharsetProblem> problems(CampaignMessage message) {
    CharsetCheck check = new CharsetCheck(message.charset());
    check.scan(CharsetProblem.Part.SUBJECT, "", message.subject());
    check.scan(CharsetProblem.Part.FROM_NAME, "", message.from().displayName());
    message
        .replyTo()
        .ifPresent(r -> check.scan(CharsetProblem.Part.REPLY_TO_NAME, "", r.displayName()));
    check.scan(CharsetProblem.Part.TO_NAME, "", message.to().displayName());
    message.listId().ifPresent(id -> check.scan(CharsetProblem.Part.LIST_ID, "", id.description()));
    for (ExtraHeader header : message.extraHeaders()) {
      check.scan(CharsetProblem.Part.EXTRA_HEADER, header.name(), header.value());
    }
    check.scan(CharsetProblem.Part.TEXT_BODY, "", message.textBody());
    message.htmlBody().ifPresent(html -> check.scan(CharsetProblem.Part.HTML_BODY, "", html));
    for (Attachment attachment : message.attachments()) {
      check.scan(CharsetProblem.Part.ATTACHMENT_NAME, attachment.fileName(), attachment.fileName());
    }
    return List.copyOf(check.problems);
  }

  private void scan(CharsetProblem.Part part, String detail, String original) {
    String text = charset == MessageCharset.ISO_2022_JP ? Iso2022Jp.normalise(original) : original;
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!encodable(cp)) {
        problems.add(new CharsetProblem(part, detail, line, column, cp, suggestion(cp)));
      }
      if (cp == '\n') {
        line++;
        column = 1;
      } else if (cp != '\r') {
        column++;
      }
    }
  }

  private boolean encodable(int cp) {
    if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
      return false;
    }
    return charset != MessageCharset.ISO_2022_JP || Iso2022Jp.canEncode(cp);
  }

  /** The compatibility decomposition (NFKC) when the charset holds all of it. */
  private Optional<String> suggestion(int cp) {
    if (charset != MessageCharset.ISO_2022_JP
        || (cp <= 0xFFFF && Character.isSurrogate((char) cp))) {
      return Optional.empty();
    }
    String original = new String(Character.toChars(cp));
    String folded = Iso2022Jp.normalise(Normalizer.normalize(original, Normalizer.Form.NFKC));
    if (folded.equals(original) || folded.isEmpty()) {
      return Optional.empty();
    }
    return folded.codePoints().allMatch(Iso2022Jp::canEncode)
        ? Optional.of(folded)
        : Optional.empty();
  }
}
