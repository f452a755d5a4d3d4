package dev.squall.sctp.internal;

/** Serial number arithmetic (RFC 1982) on 32-bit TSNs and 16-bit SSNs. */
public final class Tsn {
  private Tsn() {}

  /** a before b. */
  public static boolean lt(int a, int b) {
    return a - b < 0;
  }

  /** a before or equal to b. */
  public static boolean le(int a, int b) {
    return a - b <= 0;
  }

  /** The later of two TSNs. */
  public static int max(int a, int b) {
    return lt(a, b) ? b : a;
  }

  /** 16-bit SSN a before b. */
  public static boolean ssnLt(int a, int b) {
    return (short) (a - b) < 0;
  }
}
