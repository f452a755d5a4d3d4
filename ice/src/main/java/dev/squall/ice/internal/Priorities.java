package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Candidate and pair priorities (RFC 8445 §5.1.2, §6.1.2.3) and foundations (§5.1.1.3). Pure
 * functions.
 */
public final class Priorities {

  private Priorities() {}

  /**
   * priority = 2^24 × type preference + 2^8 × local preference + (256 − component ID).
   *
   * @param localPreference 0–65535; higher for the preferred interface
   */
  public static long candidate(CandidateType type, int localPreference, int component) {
    if (localPreference < 0 || localPreference > 65535) {
      throw new IllegalArgumentException("local preference out of 0-65535: " + localPreference);
    }
    return ((long) type.typePreference() << 24) + ((long) localPreference << 8) + (256 - component);
  }

  /** Local preference of the {@code index}-th transport given to the agent: 65535 − 256·index. */
  public static int localPreference(int index) {
    return Math.max(0, 65535 - 256 * index);
  }

  /**
   * pair priority = 2^32 × MIN(G, D) + 2 × MAX(G, D) + (G &gt; D ? 1 : 0), with G the controlling
   * and D the controlled agent's candidate priority. The result is an unsigned 64-bit number:
   * compare with {@link Long#compareUnsigned}.
   */
  public static long pair(long controlling, long controlled) {
    long min = Math.min(controlling, controlled);
    long max = Math.max(controlling, controlled);
    return (min << 32) + 2 * max + (controlling > controlled ? 1 : 0);
  }

  /**
   * A foundation equal for candidates of the same type, base IP address, server and transport, and
   * different otherwise: the decimal CRC-32 of those facts.
   */
  public static String foundation(CandidateType type, String baseIp, String server) {
    CRC32 crc = new CRC32();
    crc.update(
        (type.token() + "|" + baseIp + "|" + server + "|udp").getBytes(StandardCharsets.UTF_8));
    return Long.toString(crc.getValue());
  }
}
