package dev.squall.stun;

/**
 * What {@link StunBindingServer#handle} did with one message: the outcome (a metric tag) and the
 * bytes to send back to the source, or {@code null} when nothing is to be sent.
 *
 * @param outcome what happened
 * @param response the encoded response, or null
 */
public record StunServerResult(Outcome outcome, byte[] response) {

  /** The outcomes of one message, each counted by the server's metrics. */
  public enum Outcome {
    /** A Binding request answered with a success response. */
    BINDING_SUCCESS,
    /** A request with unknown comprehension-required attributes answered with 420. */
    UNKNOWN_ATTRIBUTE_ERROR,
    /** A request of a method this server does not serve answered with 400. */
    BAD_REQUEST_ERROR,
    /** Looked like STUN but failed to decode, or its FINGERPRINT was wrong: nothing sent. */
    DROPPED_MALFORMED,
    /** Not STUN at all (too short, first bits set, no magic cookie): nothing sent. */
    DROPPED_NOT_STUN,
    /** A well-formed indication or response, which a Binding server ignores: nothing sent. */
    DROPPED_UNSUPPORTED
  }

  /** A result with nothing to send. */
  public static StunServerResult dropped(Outcome outcome) {
    return new StunServerResult(outcome, null);
  }
}
