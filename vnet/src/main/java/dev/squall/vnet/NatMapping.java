package dev.squall.vnet;

import java.net.InetSocketAddress;

/**
 * A live NAT mapping as seen from outside the NAT.
 *
 * @param internal the inside host's address and port
 * @param external the NAT's address and port the mapping uses
 * @param expiresAtNanos the scheduler time at which it lapses unless refreshed
 */
public record NatMapping(
    InetSocketAddress internal, InetSocketAddress external, long expiresAtNanos) {}
