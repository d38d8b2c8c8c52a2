package dev.hikyaku.diagnosis.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files as {@link Upload}s, read from their temporary files, never copied to memory. */
final class MultipartUploads {

  private MultipartUploads() {}

  /** The file as an upload, or null when none was chosen. */
  static Upload of(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    String name =
        file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
            ? file.getName()
            : file.getOriginalFilename();
    return new Upload() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public InputStream open() throws IOException {
        return file.getInputStream();
      }
    };
  }

  /** The files chosen, in order; empty parts (no file chosen) are left out. */
  static List<Upload> of(List<MultipartFile> files) {
    List<Upload> out = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        Upload u = of(f);
        if (u != null) {
          out.add(u);
        }
      }
    }
    return out;
  }
}
