package dev.hikyaku.campaigns;

/**
 * The visible unsubscribe line every campaign message ends with (besides the List-Unsubscribe
 * header): mailbox providers and Japan's Act on Specified Electronic Mail expect a way to opt out
 * in the message itself.
 */
final class UnsubscribeFooter {

  private UnsubscribeFooter() {}

  static String text(CampaignContent.Language language, String url) {
    return switch (language) {
      case JA -> "\n\n--\n配信停止はこちら: " + url + "\n";
      case EN -> "\n\n--\nUnsubscribe: " + url + "\n";
    };
  }

  static String html(CampaignContent.Language language, String url) {
    String label =
        switch (language) {
          case JA -> "配信停止はこちら";
          case EN -> "Unsubscribe";
        };
    String href = escape(url);
    return "\n<hr><p style=\"font-size:small\"><a href=\"" + href + "\">" + label + "</a></p>\n";
  }

  /** Appends the footer to an HTML body: before {@code </body>} when there is one. */
  static String appendHtml(String html, CampaignContent.Language language, String url) {
    String footer = html(language, url);
    int end = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
    return end < 0 ? html + footer : html.substring(0, end) + footer + html.substring(end);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
