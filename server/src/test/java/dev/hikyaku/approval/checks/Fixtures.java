package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The checked-in files of {@code src/test/resources/checks} and small files built in memory. */
final class Fixtures {

  static final AttachmentScanner SCANNER = new AttachmentScanner(CheckPolicy.defaults());

  private Fixtures() {}

  /** The bytes of the fixture {@code name} (see the README.md beside them). */
  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/checks/" + name)) {
      assertThat(in).as("fixture " + name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Scans the fixture {@code name} with the default policy. */
  static List<Finding> scan(String name) {
    return SCANNER.scan(name, null, bytes(name));
  }

  static List<Finding> withCode(List<Finding> findings, String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }

  /** The one finding with {@code code}; fails if there is none or more than one. */
  static Finding only(List<Finding> findings, String code) {
    List<Finding> matching = withCode(findings, code);
    assertThat(matching).as("findings %s among %s", code, findings).hasSize(1);
    return matching.get(0);
  }

  /** A ZIP written by {@code java.util.zip}, entries in the given order. */
  static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
