package dev.hikyaku.shared;

/**
 * Input that a person or client sent and that Hikyaku refuses, with the field it concerns and a
 * stable code for translation ({@code error.<code>} in the message bundles).
 */
public class InvalidInputException extends RuntimeException {

  private final String field;
  private final String code;

  public InvalidInputException(String field, String code, String message) {
    super(message);
    this.field = field;
    this.code = code;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }
}
