package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.List;

/**
 * One time description: a {@code t=} line and the {@code r=} lines that follow it (RFC 8866 §5.9,
 * §5.10). WebRTC always uses {@code t=0 0} with no repeats. Start and stop are NTP seconds; repeat
 * lines are kept verbatim.
 *
 * <pre>
 * time-description = %d"t" "=" start-time SP stop-time CRLF *(repeat-field CRLF)
 * </pre>
 */
public record Timing(long start, long stop, List<String> repeats) {

  /** {@code t=0 0}: an unbounded session, as JSEP writes it. */
  public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

  public Timing {
    if (start < 0 || stop < 0) {
      throw new IllegalArgumentException("negative time");
    }
    repeats = List.copyOf(repeats);
    if (!repeats.stream().allMatch(r -> !r.isEmpty() && Syntax.isText(r))) {
      throw new IllegalArgumentException("r= lines cannot be empty or hold CR, LF or NUL");
    }
  }

  /** Parses the value of a {@code t=} line (without repeats). */
  public static Timing parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "t=<start-time> <stop-time>");
    if (f.size() != 2) {
      throw new SdpParseException("t=<start-time> <stop-time>");
    }
    long start = Syntax.number(f.get(0), 0, Long.MAX_VALUE, "t= start time");
    long stop = Syntax.number(f.get(1), 0, Long.MAX_VALUE, "t= stop time");
    return new Timing(start, stop, List.of());
  }

  /** The value of the {@code t=} line, without {@code t=} and without repeats. */
  @Override
  public String toString() {
    return start + " " + stop;
  }
}
