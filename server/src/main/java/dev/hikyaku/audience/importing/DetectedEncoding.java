package dev.hikyaku.audience.importing;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * The charset a file is read with and why, for the dry-run report ("Shift_JIS, guessed because the
 * file is not UTF-8").
 *
 * @param charset the charset the bytes are decoded with (after any byte order mark)
 * @param evidence why this charset was chosen
 */
public record DetectedEncoding(Charset charset, Evidence evidence) {

  /** Shift_JIS as Excel writes it, with the NEC and IBM extensions (①, ㈱, 髙). */
  public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  /** EUC-JP, still written by old Unix systems. */
  public static final Charset EUC_JP = Charset.forName("EUC-JP");

  /** Why a charset was chosen. */
  public enum Evidence {
    /** A byte order mark at the start (UTF-8 or UTF-16); it is not part of the first header. */
    BYTE_ORDER_MARK,
    /** Every byte of the detection prefix is valid UTF-8 and some are not ASCII. */
    VALID_UTF_8,
    /**
     * The detection prefix is plain ASCII, so UTF-8 is assumed; the first byte further on that is
     * not UTF-8 switches to windows-31j (see {@link DryRunReport#windows31jFromLine()}).
     */
    ASCII_ONLY,
    /** Not UTF-8 and not EUC-JP, so windows-31j: what Excel on Japanese Windows writes. */
    NOT_UTF_8,
    /** Valid EUC-JP and without the lead bytes that nearly all Shift_JIS text has. */
    LOOKS_LIKE_EUC_JP,
    /** The caller said which charset to use. */
    OVERRIDE
  }

  public DetectedEncoding {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(evidence, "evidence");
  }
}
