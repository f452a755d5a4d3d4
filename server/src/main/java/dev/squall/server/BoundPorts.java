package dev.squall.server;

/**
 * The ports a started server listens on.
 *
 * @param http the HTTP/WebSocket TCP port
 * @param stunUdp the STUN UDP port, or -1 when STUN is disabled
 * @param stunTcp the STUN TCP port, or -1 when STUN is disabled
 */
public record BoundPorts(int http, int stunUdp, int stunTcp) {}
