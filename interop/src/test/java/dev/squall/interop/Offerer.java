package dev.squall.interop;

/**
 * Which side sends the offer. By the Squall room convention the newcomer offers, so the other side
 * joins the room first.
 */
public enum Offerer {
  FOREIGN,
  JAVA;

  public String tag() {
    return this == FOREIGN ? "foreign-offers" : "java-offers";
  }
}
