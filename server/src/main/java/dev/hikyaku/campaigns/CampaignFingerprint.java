package dev.hikyaku.campaigns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What approvers approve of a campaign, as a SHA-256 hash and as readable text: sender, subject,
 * bodies, charset and language, attachments (name, type, SHA-256), the audience chosen and the
 * schedule. The campaign's name and its test recipients are not sent to anyone and are left out, so
 * renaming a draft does not void its approval.
 */
record CampaignFingerprint(String hash, String text) {

  static CampaignFingerprint of(Campaign c, List<CampaignAttachment> attachments) {
    CampaignContent x = c.content();
    StringBuilder text = new StringBuilder();
    line(
        text,
        "From",
        (x.fromName().isEmpty() ? "" : x.fromName() + " ") + "<" + x.fromAddress() + ">");
    line(text, "Reply-To", x.replyTo());
    line(text, "Subject", x.subject());
    line(text, "Audience", x.audienceId().map(String::valueOf).orElse("-"));
    line(text, "Send at", x.sendAt().map(Object::toString).orElse("when started"));
    line(text, "Charset", x.charset().name());
    line(text, "Language", x.language().name());
    for (CampaignAttachment a : attachments) {
      line(
          text, "Attachment", a.fileName() + " (" + a.mediaType() + ", sha256 " + a.sha256() + ")");
    }
    // The lengths keep the two bodies apart: no text body can pass for the start of the HTML one.
    text.append("\n--- text body, ").append(x.bodyText().length()).append(" characters\n");
    text.append(x.bodyText());
    text.append("\n--- HTML body, ").append(x.bodyHtml().length()).append(" characters\n");
    text.append(x.bodyHtml());
    return new CampaignFingerprint(sha256(text.toString()), text.toString());
  }

  private static void line(StringBuilder text, String name, String value) {
    // One field per line: a value can hold no line break (the content's rules), so no two
    // different contents print alike.
    text.append(name).append(": ").append(value.replace("\n", "\\n")).append('\n');
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
