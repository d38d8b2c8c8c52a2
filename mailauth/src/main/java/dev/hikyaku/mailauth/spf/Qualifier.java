package dev.hikyaku.mailauth.spf;

/** The qualifier of a directive and the result it gives on a match (RFC 7208 §4.6.2). */
enum Qualifier {
  PASS('+', SpfResult.PASS),
  FAIL('-', SpfResult.FAIL),
  SOFTFAIL('~', SpfResult.SOFTFAIL),
  NEUTRAL('?', SpfResult.NEUTRAL);

  final char symbol;
  final SpfResult result;

  Qualifier(char symbol, SpfResult result) {
    this.symbol = symbol;
    this.result = result;
  }

  static Qualifier of(char c) {
    for (Qualifier q : values()) {
      if (q.symbol == c) {
        return q;
      }
    }
    return null;
  }
}
