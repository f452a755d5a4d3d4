package dev.squall.sdp;

/**
 * A session description, or one of its lines, does not follow the grammar of RFC 8866 (or of the
 * RFC that defines the attribute). The only exception the SDP parsers throw.
 *
 * <p>When the error was found while parsing a whole description, {@link #lineNumber()} (1-based)
 * and {@link #line()} locate it; {@link #expected()} says what the parser wanted there. Parsers of
 * a single value (for example {@link Candidate#parse(String)}) leave the line number at 0.
 */
public final class SdpParseException extends Exception {
  private static final int MAX_QUOTED = 120;

  private final int lineNumber;
  private final String line;
  private final String expected;

  /** An error in a value, not yet tied to a line. */
  public SdpParseException(String expected) {
    this(0, null, expected);
  }

  /** An error at {@code lineNumber} (1-based), whose text is {@code line}. */
  public SdpParseException(int lineNumber, String line, String expected) {
    super(message(lineNumber, line, expected));
    this.lineNumber = lineNumber;
    this.line = line;
    this.expected = expected;
  }

  /** The same error located at {@code lineNumber} with text {@code line}. */
  public SdpParseException at(int lineNumber, String line) {
    SdpParseException located = new SdpParseException(lineNumber, line, expected);
    located.initCause(this);
    return located;
  }

  /** 1-based line number, or 0 when the error is not tied to a line. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The offending line's text, or null when not tied to a line. */
  public String line() {
    return line;
  }

  /** What the parser expected. */
  public String expected() {
    return expected;
  }

  private static String message(int lineNumber, String line, String expected) {
    if (line == null) {
      return "expected " + expected;
    }
    String quoted = line.length() > MAX_QUOTED ? line.substring(0, MAX_QUOTED) + "..." : line;
    return "line " + lineNumber + " \"" + quoted + "\": expected " + expected;
  }
}
