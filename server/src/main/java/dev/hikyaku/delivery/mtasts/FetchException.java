package dev.hikyaku.delivery.mtasts;

import java.util.Objects;

/** A policy fetch step failed; caught inside the fetcher and turned into a value. */
final class FetchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final MtaStsFailure failure;

  FetchException(MtaStsFailure failure, String message) {
    super(message);
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  MtaStsFailure failure() {
    return failure;
  }
}
