package dev.squall.sdp.internal;

import dev.squall.sdp.Attribute;
import dev.squall.sdp.Bandwidth;
import dev.squall.sdp.Connection;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SessionDescription;
import dev.squall.sdp.Timing;

/** Writes a {@link SessionDescription} as SDP text in RFC 8866 field order, CRLF line ends. */
public final class SdpWriter {
  private SdpWriter() {}

  /** The SDP text of {@code sd}. */
  public static String write(SessionDescription sd) {
    StringBuilder sb = new StringBuilder(1024);
    line(sb, 'v', "0");
    line(sb, 'o', sd.origin().toString());
    line(sb, 's', sd.sessionName());
    optional(sb, 'i', sd.information());
    optional(sb, 'u', sd.uri());
    sd.emails().forEach(e -> line(sb, 'e', e));
    sd.phones().forEach(p -> line(sb, 'p', p));
    if (sd.connection() != null) {
      line(sb, 'c', sd.connection().toString());
    }
    for (Bandwidth b : sd.bandwidths()) {
      line(sb, 'b', b.toString());
    }
    for (Timing t : sd.timings()) {
      line(sb, 't', t.toString());
      t.repeats().forEach(r -> line(sb, 'r', r));
    }
    optional(sb, 'z', sd.timeZones());
    optional(sb, 'k', sd.key());
    for (Attribute a : sd.attributes()) {
      line(sb, 'a', a.text());
    }
    for (MediaDescription m : sd.media()) {
      line(sb, 'm', m.mediaLine());
      optional(sb, 'i', m.information());
      for (Connection c : m.connections()) {
        line(sb, 'c', c.toString());
      }
      for (Bandwidth b : m.bandwidths()) {
        line(sb, 'b', b.toString());
      }
      optional(sb, 'k', m.key());
      for (Attribute a : m.attributes()) {
        line(sb, 'a', a.text());
      }
    }
    return sb.toString();
  }

  private static void optional(StringBuilder sb, char type, String value) {
    if (value != null) {
      line(sb, type, value);
    }
  }

  private static void line(StringBuilder sb, char type, String value) {
    sb.append(type).append('=').append(value).append("\r\n");
  }
}
