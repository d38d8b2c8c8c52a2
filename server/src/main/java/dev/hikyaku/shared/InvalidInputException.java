package dev.hikyaku.shared;

/**
 * Input that a person or client sent and that Hikyaku refuses, with the field it concerns and a
 * stable code for translation ({@code error.<code>} in the message bundles).
 */
public class InvalidInputException extends RuntimeException {

  private final String field;
  private final String code;
  private final transient Object[] args;

  public InvalidInputException(String field, String code, String message) {
    this(field, code, message, new Object[0]);
  }

  /**
   * With arguments for the translated message ({@code {0}}, {@code {1}} in {@code error.<code>}),
   * so that details such as a suggested correction reach every language.
   */
  public InvalidInputException(String field, String code, String message, Object... args) {
    super(message);
    this.field = field;
    this.code = code;
    this.args = args.clone();
  }

  public Object[] args() {
    return args.clone();
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
