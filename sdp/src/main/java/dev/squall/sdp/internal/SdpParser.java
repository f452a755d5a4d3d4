package dev.squall.sdp.internal;

import dev.squall.sdp.Attribute;
import dev.squall.sdp.Bandwidth;
import dev.squall.sdp.Connection;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.Origin;
import dev.squall.sdp.SdpParseException;
import dev.squall.sdp.SessionDescription;
import dev.squall.sdp.Timing;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SDP text into a {@link SessionDescription}, enforcing the field order of RFC 8866 §5 and
 * the grammar of the known attributes ({@link KnownAttributes}). Lines end in CRLF or LF; a missing
 * final line end is tolerated. Every error is an {@link SdpParseException} with the 1-based line
 * number, the line and what was expected.
 */
public final class SdpParser {
  private final List<String> lines;
  private int index;

  private SdpParser(List<String> lines) {
    this.lines = lines;
  }

  /** Parses {@code text}. */
  public static SessionDescription parse(String text) throws SdpParseException {
    if (text == null || text.isEmpty()) {
      throw new SdpParseException(1, "", "v=0 (the SDP text is empty)");
    }
    if (text.length() > SessionDescription.MAX_LENGTH) {
      throw new SdpParseException(
          0, "", "at most " + SessionDescription.MAX_LENGTH + " characters of SDP");
    }
    return new SdpParser(split(text)).session();
  }

  private static List<String> split(String text) throws SdpParseException {
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      int end = nl < 0 ? text.length() : nl;
      String line =
          text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
      int number = out.size() + 1;
      if (line.length() < 2
          || line.charAt(0) < 'a'
          || line.charAt(0) > 'z'
          || line.charAt(1) != '=') {
        throw new SdpParseException(number, line, "<type>=<value> with a lower-case type letter");
      }
      if (line.indexOf('\r') >= 0 || line.indexOf(0) >= 0) {
        throw new SdpParseException(number, line, "a line without CR or NUL inside it");
      }
      out.add(line);
      start = nl < 0 ? text.length() : nl + 1;
    }
    return out;
  }

  private SessionDescription session() throws SdpParseException {
    if (!"0".equals(valueIf('v'))) {
      throw fail("v=0 as the first line");
    }
    index++;
    if (valueIf('o') == null) {
      throw fail("o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address>");
    }
    String o = valueAt(index);
    index++;
    Origin origin = parsed(index - 1, () -> Origin.parse(o));
    String name = valueIf('s');
    if (name == null) {
      throw fail("s=<session name>");
    }
    index++;
    String information = optional('i');
    String uri = optional('u');
    List<String> emails = repeated('e');
    List<String> phones = repeated('p');
    String c = optional('c');
    Connection connection = c == null ? null : parsed(index - 1, () -> Connection.parse(c));
    List<Bandwidth> bandwidths = bandwidths();
    List<Timing> timings = new ArrayList<>();
    while (valueIf('t') != null) {
      String t = valueAt(index);
      index++;
      Timing timing = parsed(index - 1, () -> Timing.parse(t));
      List<String> repeats = new ArrayList<>();
      while (valueIf('r') != null) {
        if (valueAt(index).isEmpty()) {
          throw fail("r=<repeat interval> <active duration> <offsets>");
        }
        repeats.add(valueAt(index));
        index++;
      }
      timings.add(new Timing(timing.start(), timing.stop(), repeats));
    }
    if (timings.isEmpty()) {
      throw fail("t=<start> <stop> (after v o s [i] [u] *e *p [c] *b)");
    }
    String zones = optional('z');
    String key = optional('k');
    List<Attribute> attributes = attributes();
    List<MediaDescription> media = new ArrayList<>();
    while (valueIf('m') != null) {
      media.add(media());
    }
    if (index < lines.size()) {
      throw fail(
          media.isEmpty()
              ? "a= or m= (session fields in RFC 8866 order: v o s i u e p c b t r z k a)"
              : "a= or m= (media fields in RFC 8866 order: m i c b k a)");
    }
    try {
      return new SessionDescription(
          origin,
          name,
          information,
          uri,
          emails,
          phones,
          connection,
          bandwidths,
          timings,
          zones,
          key,
          attributes,
          media);
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(0, "", "a valid session description: " + e.getMessage());
    }
  }

  private MediaDescription media() throws SdpParseException {
    int mLine = index;
    String m = valueAt(index);
    index++;
    List<String> f = parsed(mLine, () -> Syntax.fields(m, "m=<media> <port> <proto> <fmt> ..."));
    if (f.size() < 4) {
      throw new SdpParseException(
          mLine + 1, lines.get(mLine), "m=<media> <port>[/<count>] <proto> 1*(SP <fmt>)");
    }
    String portText = f.get(1);
    int slash = portText.indexOf('/');
    int port =
        parsed(
            mLine,
            () ->
                Syntax.integer(
                    slash < 0 ? portText : portText.substring(0, slash), 0, 65535, "m= port"));
    Integer count =
        slash < 0
            ? null
            : parsed(
                mLine,
                () ->
                    Syntax.integer(portText.substring(slash + 1), 1, 65535, "m= number of ports"));
    for (int i = 0; i < f.size(); i++) {
      boolean ok = i == 2 ? Syntax.isProtocol(f.get(i)) : i == 1 || Syntax.isToken(f.get(i));
      if (!ok) {
        throw new SdpParseException(
            mLine + 1, lines.get(mLine), "m= media, protocol and formats as tokens");
      }
    }
    String information = optional('i');
    List<Connection> connections = new ArrayList<>();
    for (String c : repeated('c')) {
      connections.add(parsed(index - 1, () -> Connection.parse(c)));
    }
    List<Bandwidth> bandwidths = bandwidths();
    String key = optional('k');
    List<Attribute> attributes = attributes();
    try {
      return new MediaDescription(
          f.get(0),
          port,
          count,
          f.get(2),
          f.subList(3, f.size()),
          information,
          connections,
          bandwidths,
          key,
          attributes);
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(mLine + 1, lines.get(mLine), "a valid media section");
    }
  }

  private List<Bandwidth> bandwidths() throws SdpParseException {
    List<Bandwidth> out = new ArrayList<>();
    while (valueIf('b') != null) {
      String b = valueAt(index);
      index++;
      out.add(parsed(index - 1, () -> Bandwidth.parse(b)));
    }
    return out;
  }

  private List<Attribute> attributes() throws SdpParseException {
    List<Attribute> out = new ArrayList<>();
    while (valueIf('a') != null) {
      String text = valueAt(index);
      index++;
      Attribute a = parsed(index - 1, () -> Attribute.parse("a=" + text));
      parsed(
          index - 1,
          () -> {
            KnownAttributes.validate(a);
            return a;
          });
      out.add(a);
    }
    return out;
  }

  /** A step that may fail with a value-level error, to be located at line {@code at} (0-based). */
  @FunctionalInterface
  private interface Step<T> {
    T run() throws SdpParseException;
  }

  private <T> T parsed(int at, Step<T> step) throws SdpParseException {
    try {
      return step.run();
    } catch (SdpParseException e) {
      throw e.at(at + 1, lines.get(at));
    }
  }

  private String optional(char type) {
    String v = valueIf(type);
    if (v != null) {
      index++;
    }
    return v;
  }

  private List<String> repeated(char type) {
    List<String> out = new ArrayList<>();
    for (String v = valueIf(type); v != null; v = valueIf(type)) {
      out.add(v);
      index++;
    }
    return out;
  }

  private String valueIf(char type) {
    if (index >= lines.size() || lines.get(index).charAt(0) != type) {
      return null;
    }
    return valueAt(index);
  }

  private String valueAt(int i) {
    return lines.get(i).substring(2);
  }

  private SdpParseException fail(String expected) {
    if (index >= lines.size()) {
      return new SdpParseException(lines.size() + 1, "", expected + " (found the end of the text)");
    }
    return new SdpParseException(index + 1, lines.get(index), expected);
  }
}
