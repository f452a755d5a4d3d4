package dev.squall.signal.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * The relay fast path: reads an {@code offer}, {@code answer}, {@code candidate} or {@code message}
 * frame from its UTF-8 bytes with Jackson's streaming parser (no tree, no {@code String} of the
 * frame), validates it as {@link dev.squall.signal.message.SignalingCodec#decodeClient} would, and
 * copies the payload value byte for byte into a {@link RelayFrame}.
 *
 * <p>It only accepts what the full decoder accepts, with the same meaning: well-formed JSON (same
 * parser features: duplicate names, nesting depth, no NaN), one object and nothing after it, a
 * relay {@code type}, {@code to} and the payload field with the right types, the candidate's fields
 * checked the same way, a {@code ref} that is absent, null or a string, and numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters. Everything else, errors included, returns null and the
 * caller falls back to the full decoder, which produces the exact error. Thread-safe.
 */
public final class RelayDecoder {

  static final int MAX_NUMBER_LENGTH = 200;
  static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

  private final JsonFactory factory;

  /** {@code factory}: the codec's, so parser features and read constraints are the same. */
  public RelayDecoder(JsonFactory factory) {
    this.factory = factory;
  }

  /** The relay in {@code utf8[offset, offset + length)}, or null to use the full decoder. */
  public RelayFrame decode(byte[] utf8, int offset, int length) {
    if (length < 2 || length > MAX_STRING_LENGTH || utf8[offset] != '{') {
      return null;
    }
    try (JsonParser p = factory.createParser(utf8, offset, length)) {
      if (!(p instanceof UTF8StreamJsonParser) || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null;
      String to = null;
      JsonNode ref = null;
      // spans of sdp, candidate, data: [start, end) relative to offset; start -1 = absent,
      // -2 = present with a shape the type cannot use
      int[] spans = {-1, -1, -1, -1, -1, -1};
      int open = -1; // the span whose end is the start of the next token
      JsonToken t;
      while (true) {
        t = p.nextToken();
        if (open >= 0) {
          spans[open + 1] = trimEnd(utf8, offset, tokenStart(p));
          open = -1;
        }
        if (t != JsonToken.FIELD_NAME) {
          break;
        }
        String name = p.currentName();
        JsonToken v = p.nextToken();
        switch (name) {
          case "type" -> {
            type = v == JsonToken.VALUE_STRING ? relayType(p.getText()) : null;
            if (type == null) {
              return null;
            }
          }
          case "to" -> {
            if (v == JsonToken.VALUE_STRING) {
              to = p.getText();
            } else if (v == JsonToken.VALUE_NULL) {
              to = null;
            } else {
              return null;
            }
          }
          case "ref" -> {
            if (v == JsonToken.VALUE_STRING) {
              ref = TextNode.valueOf(p.getText());
            } else if (v == JsonToken.VALUE_NULL) {
              ref = null;
            } else {
              return null; // a number: the tree decides its node type
            }
          }
          case "sdp", "candidate", "data" -> {
            int i = name.equals("sdp") ? 0 : name.equals("candidate") ? 2 : 4;
            int s = tokenStart(p);
            boolean ok;
            if (i == 2 && v == JsonToken.START_OBJECT) {
              if (!candidate(p)) {
                return null; // the full decoder finds the fault, or accepts it for another type
              }
              ok = true;
            } else {
              ok = i == 0 ? v == JsonToken.VALUE_STRING : i == 4 || v == JsonToken.VALUE_NULL;
              if (!skip(p)) {
                return null;
              }
            }
            spans[i] = ok ? s : -2;
            open = ok ? i : -1;
          }
          default -> {
            if (!skip(p)) {
              return null;
            }
          }
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null || type == null) {
        return null;
      }
      int i = type.equals("candidate") ? 2 : type.equals("message") ? 4 : 0;
      if (spans[i] < 0 || (to == null && !type.equals("message"))) {
        return null;
      }
      int n = spans[i + 1] - spans[i];
      byte[] bytes = new byte[RelayFrame.RESERVE + n + 1];
      System.arraycopy(utf8, offset + spans[i], bytes, RelayFrame.RESERVE, n);
      bytes[bytes.length - 1] = '}';
      return new RelayFrame(type, to, ref, bytes);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Where the current token starts, relative to the parser's input start. */
  private static int tokenStart(JsonParser p) {
    return (int) p.currentTokenLocation().getByteOffset();
  }

  /** {@code end} moved back over whitespace and the comma that separates two members. */
  private static int trimEnd(byte[] utf8, int offset, int end) {
    int e = end;
    boolean comma = false;
    while (e > 0) {
      byte b = utf8[offset + e - 1];
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        e--;
      } else if (b == ',' && !comma) {
        comma = true;
        e--;
      } else {
        break;
      }
    }
    return e;
  }

  /** The interned relay type, or null for any other type. */
  private static String relayType(String type) {
    return switch (type) {
      case "offer" -> "offer";
      case "answer" -> "answer";
      case "candidate" -> "candidate";
      case "message" -> "message";
      default -> null;
    };
  }

  /**
   * Checks an RTCIceCandidateInit object (parser on its START_OBJECT) as the full decoder does:
   * {@code candidate} a string, {@code sdpMid} and {@code usernameFragment} absent, null or
   * strings, {@code sdpMLineIndex} absent, null or an integer in 0..65535; others ignored. Leaves
   * the parser on the object's END_OBJECT.
   */
  private static boolean candidate(JsonParser p) throws IOException {
    boolean hasCandidate = false;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "candidate" -> {
          if (v != JsonToken.VALUE_STRING) {
            return false;
          }
          hasCandidate = true;
        }
        case "sdpMid", "usernameFragment" -> {
          if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
            return false;
          }
        }
        case "sdpMLineIndex" -> {
          if (v == JsonToken.VALUE_NUMBER_INT) {
            if (p.getTextLength() > MAX_NUMBER_LENGTH
                || p.getNumberType() != JsonParser.NumberType.INT
                || p.getIntValue() < 0
                || p.getIntValue() > 65535) {
              return false;
            }
          } else if (v != JsonToken.VALUE_NULL) {
            return false;
          }
        }
        default -> {
          if (!skip(p)) {
            return false;
          }
        }
      }
    }
    return t == JsonToken.END_OBJECT && hasCandidate;
  }

  /**
   * Moves past the value the parser is on (its last token for containers), checking number and
   * string lengths as the tree would. False when a limit is exceeded.
   */
  private static boolean skip(JsonParser p) throws IOException {
    int depth = 0;
    JsonToken t = p.currentToken();
    while (true) {
      if (t == null) {
        return false;
      }
      switch (t) {
        case START_OBJECT, START_ARRAY -> depth++;
        case END_OBJECT, END_ARRAY -> depth--;
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          if (p.getTextLength() > MAX_NUMBER_LENGTH) {
            return false;
          }
        }
        default -> {}
      }
      if (depth == 0) {
        return true;
      }
      t = p.nextToken();
    }
  }
}
