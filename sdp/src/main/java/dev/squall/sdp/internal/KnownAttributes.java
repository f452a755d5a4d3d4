package dev.squall.sdp.internal;

import dev.squall.sdp.Attribute;
import dev.squall.sdp.Candidate;
import dev.squall.sdp.Direction;
import dev.squall.sdp.ExtMap;
import dev.squall.sdp.Fingerprint;
import dev.squall.sdp.Fmtp;
import dev.squall.sdp.Group;
import dev.squall.sdp.Msid;
import dev.squall.sdp.Rid;
import dev.squall.sdp.RtcpFeedback;
import dev.squall.sdp.RtpMap;
import dev.squall.sdp.SdpParseException;
import dev.squall.sdp.SetupRole;
import dev.squall.sdp.Simulcast;
import dev.squall.sdp.Ssrc;
import dev.squall.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Grammar checks for the attributes WebRTC relies on. A description whose known attributes pass
 * here can be read through the typed accessors without errors; unknown attributes are not checked
 * (they are kept verbatim).
 */
public final class KnownAttributes {
  private KnownAttributes() {}

  /** A parser of one attribute value. */
  @FunctionalInterface
  public interface ValueParser<T> {
    T parse(String value) throws SdpParseException;
  }

  /** Checks {@code a} when its name is one of the typed attributes. */
  public static void validate(Attribute a) throws SdpParseException {
    String v = a.value();
    switch (a.name()) {
      case "candidate" -> Candidate.parse(required(a));
      case "fingerprint" -> Fingerprint.parse(required(a));
      case "setup" -> SetupRole.parse(required(a));
      case "group" -> Group.parse(required(a));
      case "rtpmap" -> RtpMap.parse(required(a));
      case "fmtp" -> Fmtp.parse(required(a));
      case "rtcp-fb" -> RtcpFeedback.parse(required(a));
      case "extmap" -> ExtMap.parse(required(a));
      case "ssrc" -> Ssrc.parse(required(a));
      case "ssrc-group" -> SsrcGroup.parse(required(a));
      case "msid" -> Msid.parse(required(a));
      case "simulcast" -> Simulcast.parse(required(a));
      case "rid" -> Rid.parse(required(a));
      case "mid" -> Syntax.token(required(a), "mid:<identification-tag>");
      case "ice-ufrag", "ice-pwd" -> {
        if (!Syntax.isVisible(required(a)) || v.length() > 256) {
          throw new SdpParseException(a.name() + ":<1-256 visible characters>");
        }
      }
      case "ice-options" -> {
        // RFC 8839 separates the tokens with spaces; libdatachannel writes "ice2,trickle"
        for (String t : Syntax.fields(required(a), "ice-options:<token> *(SP <token>)")) {
          if (!Syntax.isVisible(t)) {
            throw new SdpParseException("ice-options:<visible characters>");
          }
        }
      }
      case "sctp-port" -> Syntax.integer(required(a), 0, 65535, "sctp-port");
      case "max-message-size" -> Syntax.number(required(a), 0, Long.MAX_VALUE, "max-message-size");
      case "rtcp-mux",
          "end-of-candidates",
          "bundle-only",
          "sendrecv",
          "sendonly",
          "recvonly",
          "inactive" -> {
        if (v != null) {
          throw new SdpParseException("a=" + a.name() + " without a value");
        }
      }
      default -> {}
    }
  }

  /** Checks every attribute; for use in constructors of programmatically built descriptions. */
  public static List<Attribute> checked(List<Attribute> attributes) {
    List<Attribute> copy = List.copyOf(attributes);
    for (Attribute a : copy) {
      try {
        validate(a);
      } catch (SdpParseException e) {
        throw new IllegalArgumentException(a + ": " + e.getMessage(), e);
      }
    }
    return copy;
  }

  /** Values of every attribute called {@code name}, parsed (already validated, so never fails). */
  public static <T> List<T> all(List<Attribute> attributes, String name, ValueParser<T> parser) {
    List<T> out = new ArrayList<>();
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        out.add(parseValidated(a, parser));
      }
    }
    return List.copyOf(out);
  }

  /** The first direction attribute, if any. */
  public static Direction direction(List<Attribute> attributes) {
    for (Attribute a : attributes) {
      if (a.isFlag()) {
        var d = Direction.of(a.name());
        if (d.isPresent()) {
          return d.get();
        }
      }
    }
    return null;
  }

  private static <T> T parseValidated(Attribute a, ValueParser<T> parser) {
    try {
      return parser.parse(a.value() == null ? "" : a.value());
    } catch (SdpParseException e) {
      throw new IllegalStateException("attribute was validated on construction: " + a, e);
    }
  }

  private static String required(Attribute a) throws SdpParseException {
    if (a.value() == null) {
      throw new SdpParseException("a=" + a.name() + ":<value>");
    }
    return a.value();
  }
}
