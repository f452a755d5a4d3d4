package dev.squall.peer;

import dev.squall.sdp.SdpParseException;
import dev.squall.sdp.SessionDescription;
import java.util.Locale;
import java.util.Objects;

/**
 * An offer or an answer, as the W3C {@code RTCSessionDescriptionInit}: the type and the parsed SDP.
 * {@link #sdpText()} is what goes on the wire (CRLF line ends).
 */
public record Description(Description.Type type, SessionDescription sdp) {

  /** The description types this peer uses (W3C {@code RTCSdpType} without pranswer/rollback). */
  public enum Type {
    OFFER,
    ANSWER;

    /** The W3C name: {@code offer} or {@code answer}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses the W3C name.
     *
     * @throws IllegalArgumentException for {@code pranswer}, {@code rollback} and anything else
     */
    public static Type of(String name) {
      return switch (Objects.requireNonNull(name, "name")) {
        case "offer" -> OFFER;
        case "answer" -> ANSWER;
        default -> throw new IllegalArgumentException("unsupported description type: " + name);
      };
    }
  }

  public Description {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sdp, "sdp");
  }

  /** Parses SDP text of the given type. */
  public static Description parse(Type type, String sdp) throws SdpParseException {
    return new Description(type, SessionDescription.parse(sdp));
  }

  /** An offer from SDP text. */
  public static Description offer(String sdp) throws SdpParseException {
    return parse(Type.OFFER, sdp);
  }

  /** An answer from SDP text. */
  public static Description answer(String sdp) throws SdpParseException {
    return parse(Type.ANSWER, sdp);
  }

  /** The SDP text (CRLF line ends). */
  public String sdpText() {
    return sdp.toString();
  }
}
