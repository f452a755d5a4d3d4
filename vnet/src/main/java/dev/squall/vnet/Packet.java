package dev.squall.vnet;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One UDP datagram in flight on the virtual network, as it appears at the point where it is seen:
 * behind a NAT {@code from} is the inside address, past it the mapped one. The virtual network
 * never mutates {@code data}; taps that alter a packet return a new one (see {@link
 * #withData(byte[])}).
 */
public record Packet(InetSocketAddress from, InetSocketAddress to, byte[] data) {

  public Packet {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(data, "data");
  }

  /** The payload length in bytes. */
  public int length() {
    return data.length;
  }

  /** The first payload byte as 0..255, or -1 when empty. */
  public int firstByte() {
    return data.length == 0 ? -1 : data[0] & 0xff;
  }

  public Packet withData(byte[] newData) {
    return new Packet(from, to, newData);
  }

  public Packet withFrom(InetSocketAddress newFrom) {
    return new Packet(newFrom, to, data);
  }

  public Packet withTo(InetSocketAddress newTo) {
    return new Packet(from, newTo, data);
  }

  @Override
  public String toString() {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(8, data.length); i++) {
      hex.append(String.format("%02x", data[i] & 0xff));
    }
    return from + " -> " + to + " [" + data.length + "B " + hex + (data.length > 8 ? "..]" : "]");
  }
}
