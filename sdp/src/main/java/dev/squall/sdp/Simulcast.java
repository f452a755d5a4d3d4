package dev.squall.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Simulcast streams of a media section, {@code a=simulcast} (RFC 8853 §5.1).
 *
 * <pre>
 * sc-value     = ( sc-send [SP sc-recv] ) / ( sc-recv [SP sc-send] )
 * sc-send      = %s"send" SP sc-str-list
 * sc-recv      = %s"recv" SP sc-str-list
 * sc-str-list  = sc-alt-list *( ";" sc-alt-list )
 * sc-alt-list  = sc-id *( "," sc-id )
 * sc-id        = [ "~" ] rid-id             ; "~" marks a paused stream
 * </pre>
 *
 * Each inner list is one stream and holds its alternative rids.
 *
 * @param recvFirst true when the value lists {@code recv} before {@code send}
 */
public record Simulcast(List<List<RidRef>> send, List<List<RidRef>> recv, boolean recvFirst) {

  /** One rid reference, possibly paused. */
  public record RidRef(String rid, boolean paused) {
    public RidRef {
      if (!Rid.isRidId(rid)) {
        throw new IllegalArgumentException("bad rid id " + rid);
      }
    }

    @Override
    public String toString() {
      return paused ? "~" + rid : rid;
    }
  }

  public Simulcast {
    send = send.stream().map(List::copyOf).toList();
    recv = recv.stream().map(List::copyOf).toList();
    if (send.isEmpty() && recv.isEmpty()) {
      throw new IllegalArgumentException("simulcast needs send or recv streams");
    }
  }

  /** {@code send r1;r2;...}: one stream per rid, none paused. */
  public static Simulcast sendOnly(List<String> rids) {
    return new Simulcast(
        rids.stream().map(r -> List.of(new RidRef(r, false))).toList(), List.of(), false);
  }

  /** Parses the value of {@code a=simulcast}. */
  public static Simulcast parse(String value) throws SdpParseException {
    String[] f = value.split(" ", -1);
    if (f.length != 2 && f.length != 4) {
      throw new SdpParseException("simulcast:send|recv <streams> [recv|send <streams>]");
    }
    List<List<RidRef>> send = null;
    List<List<RidRef>> recv = null;
    boolean recvFirst = false;
    for (int i = 0; i < f.length; i += 2) {
      List<List<RidRef>> streams = streams(f[i + 1]);
      if (f[i].equals("send") && send == null) {
        send = streams;
      } else if (f[i].equals("recv") && recv == null) {
        recv = streams;
        recvFirst = i == 0;
      } else {
        throw new SdpParseException("simulcast direction send or recv (each at most once)");
      }
    }
    return new Simulcast(
        send == null ? List.of() : send, recv == null ? List.of() : recv, recvFirst);
  }

  private static List<List<RidRef>> streams(String list) throws SdpParseException {
    List<List<RidRef>> out = new ArrayList<>();
    for (String alt : list.split(";", -1)) {
      List<RidRef> alternatives = new ArrayList<>();
      for (String id : alt.split(",", -1)) {
        boolean paused = id.startsWith("~");
        String rid = paused ? id.substring(1) : id;
        if (!Rid.isRidId(rid)) {
          throw new SdpParseException("simulcast rid id (ALPHA / DIGIT / - / _)");
        }
        alternatives.add(new RidRef(rid, paused));
      }
      out.add(alternatives);
    }
    return out;
  }

  /** The attribute value. */
  public String value() {
    String s = send.isEmpty() ? null : "send " + list(send);
    String r = recv.isEmpty() ? null : "recv " + list(recv);
    if (s == null) {
      return r;
    }
    if (r == null) {
      return s;
    }
    return recvFirst ? r + " " + s : s + " " + r;
  }

  private static String list(List<List<RidRef>> streams) {
    List<String> parts = new ArrayList<>();
    for (List<RidRef> alt : streams) {
      parts.add(String.join(",", alt.stream().map(RidRef::toString).toList()));
    }
    return String.join(";", parts);
  }

  /** The {@code a=simulcast} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("simulcast", value());
  }
}
