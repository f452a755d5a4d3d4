package dev.squall.ice;

/** A {@code candidate:} attribute value that does not follow RFC 8839 §5.1. */
public final class CandidateParseException extends Exception {

  private static final long serialVersionUID = 1L;

  public CandidateParseException(String message) {
    super(message);
  }
}
