package dev.hikyaku.identity.network;

/** Thrown where a {@code @RequiresNetwork} handler is called from a network its rule excludes. */
public class NetworkDeniedException extends RuntimeException {

  private final transient NetworkDenial denial;

  public NetworkDeniedException(NetworkDenial denial) {
    super(denial.message());
    this.denial = denial;
  }

  public NetworkDenial denial() {
    return denial;
  }
}
