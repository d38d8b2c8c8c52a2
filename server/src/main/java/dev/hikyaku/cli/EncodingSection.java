package dev.hikyaku.cli;

import dev.hikyaku.diagnose.encoding.DeclaredDecoding;
import dev.hikyaku.diagnose.encoding.Detection;
import dev.hikyaku.diagnose.encoding.EncodingFinding;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.encoding.HeaderText;
import dev.hikyaku.diagnose.encoding.PartText;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "Encoding" section of {@link HeadersCommand}: text for people, a JSON object for machines.
 */
final class EncodingSection {

  private EncodingSection() {}

  static void print(EncodingReport report, PrintWriter out) {
    out.println();
    out.println("Encoding");
    if (report.headers().isEmpty() && report.parts().isEmpty()) {
      out.println("  nothing to decode");
    }
    for (HeaderText h : report.headers()) {
      out.printf("  %s: %s%n", h.where(), h.decoded());
      out.printf(
          "    raw: %s%s%n",
          h.raw(),
          h.charsets().isEmpty() ? "" : "  (charsets " + String.join(", ", h.charsets()) + ")");
    }
    for (PartText p : report.parts()) {
      out.printf(
          "  %s: %s, charset %s, %s; detected %s%s%n",
          p.where(),
          p.contentType(),
          p.declaredCharset().orElse("not declared"),
          p.transferEncoding().orElse("7bit (default)"),
          p.detectedCharsetName(),
          decoding(p.declaredDecoding()));
      p.preview()
          .filter(v -> !v.text().isEmpty())
          .ifPresent(v -> out.printf("    preview (%s): %s%n", v.charset(), v.text()));
      if (p.truncated()) {
        out.printf("    analysed %d of %d bytes%n", p.analysedBytes(), p.totalBytes());
      }
    }
    out.println();
    if (report.findings().isEmpty()) {
      out.println("no encoding findings");
    }
    for (EncodingFinding f : report.findings()) {
      out.printf("%-8s %-22s %s (%s)%n", f.severity(), f.code(), f.message(), f.where());
    }
  }

  private static String decoding(DeclaredDecoding decoding) {
    return switch (decoding) {
      case DeclaredDecoding.Clean c -> "";
      case DeclaredDecoding.Replacements r ->
          "; as declared: " + r.count() + " replacement characters";
      case DeclaredDecoding.Implausible i -> "; as declared: implausible (\"" + i.sample() + "\")";
      case DeclaredDecoding.UnknownCharset u -> "; declared charset unknown";
      case DeclaredDecoding.NotChecked n -> "";
    };
  }

  static Map<String, Object> json(EncodingReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("mimeVersion", report.mimeVersion());
    root.put("bytesRead", report.bytesRead());
    root.put("truncated", report.truncated());
    root.put("headers", report.headers().stream().map(EncodingSection::header).toList());
    root.put("parts", report.parts().stream().map(EncodingSection::part).toList());
    root.put("findings", report.findings().stream().map(EncodingSection::finding).toList());
    return root;
  }

  private static Map<String, Object> header(HeaderText h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("where", h.where());
    m.put("raw", h.raw());
    m.put("decoded", h.decoded());
    m.put("charsets", h.charsets());
    m.put("rawBytes", h.rawBytes().map(EncodingSection::detection).orElse(null));
    m.put("problems", h.problems());
    return m;
  }

  private static Map<String, Object> part(PartText p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("where", p.where());
    m.put("contentType", p.contentType());
    m.put("charset", p.declaredCharset().orElse(null));
    m.put("transferEncoding", p.transferEncoding().orElse(null));
    m.put("detected", detection(p.detected()));
    m.put("declaredDecoding", declaredDecoding(p.declaredDecoding()));
    m.put("previewCharset", p.preview().map(v -> v.charset()).orElse(null));
    m.put("preview", p.preview().map(v -> v.text()).orElse(null));
    m.put("analysedBytes", p.analysedBytes());
    m.put("totalBytes", p.totalBytes());
    m.put("problems", p.problems());
    return m;
  }

  private static Map<String, Object> detection(Detection detection) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (detection) {
      case Detection.Detected d -> {
        m.put("charset", d.charset().mimeName());
        m.put("why", d.evidence());
      }
      case Detection.Undetermined u -> {
        m.put("charset", null);
        m.put("why", u.reason());
      }
    }
    return m;
  }

  private static Map<String, Object> declaredDecoding(DeclaredDecoding decoding) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (decoding) {
      case DeclaredDecoding.Clean c -> m.put("result", "clean");
      case DeclaredDecoding.Replacements r -> {
        m.put("result", "replacements");
        m.put("count", r.count());
      }
      case DeclaredDecoding.Implausible i -> {
        m.put("result", "implausible");
        m.put("sample", i.sample());
      }
      case DeclaredDecoding.UnknownCharset u -> m.put("result", "unknown-charset");
      case DeclaredDecoding.NotChecked n -> {
        m.put("result", "not-checked");
        m.put("reason", n.reason());
      }
    }
    return m;
  }

  private static Map<String, Object> finding(EncodingFinding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("severity", f.severity().name());
    m.put("code", f.code());
    m.put("cause", f.cause());
    m.put("fix", f.fix());
    m.put("where", f.where());
    return m;
  }
}
