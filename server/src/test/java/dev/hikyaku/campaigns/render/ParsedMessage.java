package dev.hikyaku.campaigns.render;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a mail reader sees in a composed message, read by two independent parsers: Angus (Jakarta)
 * Mail and Python's {@code email} package with its modern policy. Agreement of both with the input
 * is the evidence that the bytes are right.
 */
record ParsedMessage(
    String subject,
    String fromName,
    String fromAddress,
    int toCount,
    String toName,
    String toAddress,
    String text,
    String html,
    List<String> attachmentNames,
    List<Integer> attachmentSizes) {

  static final Path PYTHON = Path.of("/usr/bin/python3");

  private static final String SCRIPT =
      """
      import sys, base64, email
      from email import policy
      m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
      def out(k, v):
          print(k + '\\t' + base64.b64encode(str(v).encode('utf-8')).decode('ascii'))
      out('subject', m['subject'])
      f = m['from'].addresses[0]
      out('fromName', f.display_name); out('fromAddress', f.addr_spec)
      t = m['to'].addresses
      out('toCount', len(t)); out('toName', t[0].display_name); out('toAddress', t[0].addr_spec)
      b = m.get_body(('plain',)); out('text', b.get_content() if b else '')
      h = m.get_body(('html',)); out('html', h.get_content() if h else '')
      for a in m.iter_attachments():
          out('attachmentName', a.get_filename()); out('attachmentSize', len(a.get_content()))
      defects = [str(d) for p in m.walk() for d in p.defects]
      defects += [k + ': ' + str(d) for k, v in m.items() for d in getattr(v, 'defects', [])]
      out('defects', '; '.join(defects))
      """;

  /** Parses with Jakarta Mail. */
  static ParsedMessage jakarta(byte[] bytes) throws MessagingException, IOException {
    MimeMessage message =
        new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    var to = message.getRecipients(Message.RecipientType.TO);
    InternetAddress firstTo = (InternetAddress) to[0];
    Parts parts = new Parts();
    parts.walk(message);
    return new ParsedMessage(
        message.getSubject(),
        nullToEmpty(from.getPersonal()),
        from.getAddress(),
        to.length,
        nullToEmpty(firstTo.getPersonal()),
        firstTo.getAddress(),
        parts.text,
        parts.html,
        parts.names,
        parts.sizes);
  }

  /** Parses with Python's email package; also fails on any defect Python reports. */
  static ParsedMessage python(byte[] bytes) throws IOException, InterruptedException {
    Path file = Files.createTempFile("hikyaku-render", ".eml");
    try {
      Files.write(file, bytes);
      Process process =
          new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, file.toString())
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("python3 failed: " + output);
      }
      return fromPython(output);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static ParsedMessage fromPython(String output) {
    java.util.Map<String, List<String>> values = new java.util.HashMap<>();
    for (String line : output.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new AssertionError("unexpected python output: " + output);
      }
      String value =
          new String(Base64.getDecoder().decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
      values.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(value);
    }
    String defects = values.get("defects").getFirst();
    if (!defects.isEmpty()) {
      throw new AssertionError("python reports defects: " + defects);
    }
    return new ParsedMessage(
        values.get("subject").getFirst(),
        values.get("fromName").getFirst(),
        values.get("fromAddress").getFirst(),
        Integer.parseInt(values.get("toCount").getFirst()),
        values.get("toName").getFirst(),
        values.get("toAddress").getFirst(),
        values.get("text").getFirst(),
        values.get("html").getFirst(),
        values.getOrDefault("attachmentName", List.of()),
        values.getOrDefault("attachmentSize", List.<String>of()).stream()
            .map(Integer::parseInt)
            .toList());
  }

  /** Text with line ends as LF and without trailing line breaks, to compare across parsers. */
  static String normalised(String text) {
    return text.replace("\r\n", "\n").stripTrailing();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Collects the first text/plain and text/html parts and every attachment. */
  private static final class Parts {
    String text = "";
    String html = "";
    final List<String> names = new ArrayList<>();
    final List<Integer> sizes = new ArrayList<>();

    void walk(Part part) throws MessagingException, IOException {
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          walk(child);
        }
      } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        names.add(part.getFileName());
        sizes.add(part.getInputStream().readAllBytes().length);
      } else if (part.isMimeType("text/plain") && text.isEmpty()) {
        text = (String) part.getContent();
      } else if (part.isMimeType("text/html") && html.isEmpty()) {
        html = (String) part.getContent();
      }
    }
  }
}
