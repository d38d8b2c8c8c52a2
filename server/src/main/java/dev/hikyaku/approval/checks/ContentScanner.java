package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import dev.hikyaku.mailauth.dmarc.DnsDomain;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the content of a message before it is sent: addresses visible in a body (an address list
 * pasted in), recipient header lines copied from a mail client, My Numbers and card numbers, and
 * links whose text shows another organisation's domain than they go to.
 *
 * <p>The sender's own domains (and their subdomains) are left out of the address count: a contact
 * address of the sender is expected in every mail. So are template placeholders such as {@code
 * {{email}}}, which the campaign fills in for each recipient.
 */
public final class ContentScanner {

  // After NFKC, so ＣＣ： and Ｔｏ： match too; quoted lines ("> To: ...") are what a forwarded
  // mail pasted into the body looks like.
  private static final Pattern RECIPIENT_HEADER =
      Pattern.compile(
          "^\\s*(?:>\\s*)*(to|cc|bcc|宛先|送信先|同報)\\s*:",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Set<DataKind> BODY_KINDS =
      EnumSet.of(DataKind.ADDRESS, DataKind.MY_NUMBER, DataKind.CARD_NUMBER);

  private final CheckPolicy policy;

  public ContentScanner(CheckPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * The findings for a plain-text part.
   *
   * @param part what the part is called in locations: {@code text}, {@code subject}
   * @param text the part as the author wrote it, placeholders unrendered
   * @param ownDomains the sender's domains; addresses on them and their subdomains are not counted
   */
  public List<Finding> scanText(String part, String text, Set<String> ownDomains) {
    Objects.requireNonNull(text, "text");
    Findings findings = new Findings();
    scanLines(
        requirePart(part), List.of(text.split("\r\n|\r|\n", -1)), domains(ownDomains), findings);
    return findings.list();
  }

  /**
   * The findings for an HTML part: its visible text as {@link #scanText} checks it, line numbers
   * being those of the HTML source, and its links.
   */
  public List<Finding> scanHtml(String part, String html, Set<String> ownDomains) {
    Objects.requireNonNull(html, "html");
    String name = requirePart(part);
    Findings findings = new Findings();
    HtmlText parsed = HtmlText.parse(html);
    scanLines(name, parsed.lines(), domains(ownDomains), findings);
    for (HtmlText.Link link : parsed.links()) {
      LinkCheck.check(link)
          .ifPresent(mismatch -> {
            String location = name + " line " + link.line();
            findings.add(
                name,
                new Finding(
                    Severity.BLOCKING,
                    "content-link-mismatch",
                    location,
                    List.of(mismatch.shown(), mismatch.actual()),
                    "A link showing "
                        + mismatch.shown()
                        + " goes to "
                        + mismatch.actual()
                        + " at "
                        + location
                        + "."));
          });
    }
    return findings.list();
  }

  private void scanLines(String part, List<String> lines, List<String> own, Findings findings) {
    Tally tally = new Tally(policy, true);
    FreeTextScan text =
        new FreeTextScan(
            part + " ",
            Locations.Unit.LINE,
            BODY_KINDS,
            hit -> hit.kind() != DataKind.ADDRESS || !AddressFinder.onDomains(hit.value(), own),
            tally);
    int number = 0;
    for (String line : lines) {
      number++;
      text.line(number, line);
      recipientHeader(part, number, line, findings);
    }
    text.finish();
    tally.emit(findings, part);
  }

  private static void recipientHeader(String part, int number, String line, Findings findings) {
    String normalized = TextNormalizer.normalize(line);
    Matcher header = RECIPIENT_HEADER.matcher(normalized);
    if (!header.find()) {
      return;
    }
    int addresses = AddressFinder.find(normalized.substring(header.end())).size();
    if (addresses == 0) {
      return;
    }
    String location = part + " line " + number;
    String label = header.group(1);
    findings.add(
        part,
        new Finding(
            Severity.BLOCKING,
            "content-recipient-header",
            location,
            List.of(label, String.valueOf(addresses)),
            "A pasted " + label + ": line with " + addresses + " addresses at " + location + "."));
  }

  private static String requirePart(String part) {
    Objects.requireNonNull(part, "part");
    if (part.isBlank()) {
      throw new IllegalArgumentException("a content part needs a name, such as text or html");
    }
    return part.strip();
  }

  private static List<String> domains(Set<String> ownDomains) {
    List<String> domains = new ArrayList<>();
    for (String domain : Objects.requireNonNull(ownDomains, "ownDomains")) {
      String d = domain.strip();
      domains.add(
          DnsDomain.parse(d.startsWith("@") ? d.substring(1) : d)
              .orElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain))
              .name());
    }
    return domains;
  }
}
