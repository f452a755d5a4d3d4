package dev.squall.cli.peer;

import dev.squall.ice.IceTransportPolicy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of the {@code squall peer} commands that join a room through a signaling server. */
final class RoomOptions {

  @Option(
      names = "--server",
      required = true,
      description = "The Squall server: http(s)://host:port/ or ws(s)://host:port/ws.")
  String server;

  @Option(names = "--room", required = true, description = "The room to join.")
  String room;

  @Option(
      names = "--token",
      description = "The join token, when the server requires one (--auth-secret).")
  String token;

  @Option(
      names = "--ice-address",
      paramLabel = "IP",
      description = {
        "Local address to gather host candidates on (repeatable).",
        "Default: every up, non-loopback IPv4 address (127.0.0.1 when there is none)."
      })
  List<InetAddress> iceAddresses = new ArrayList<>();

  @Option(
      names = "--relay",
      description = {
        "Connect only through the room's TURN relay (iceTransportPolicy relay): the other side",
        "never learns this machine's addresses. Fails when the server offers no TURN."
      })
  boolean relay;

  /** The ICE transport policy these options ask for. */
  IceTransportPolicy policy() {
    return relay ? IceTransportPolicy.RELAY : IceTransportPolicy.ALL;
  }
}
