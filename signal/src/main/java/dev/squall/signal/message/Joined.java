package dev.squall.signal.message;

import dev.squall.signal.IceServer;
import java.util.List;

/**
 * {@code joined}: the answer to {@code join} and {@code resume}.
 *
 * <pre>
 * {"type":"joined", "id":"p1", "room":"demo", "name":"Ada",
 *  "peers":[{"id":"p2","name":"Bob"}, …], "iceServers":[{"urls":[…]}, …],
 *  "resumeToken":"…", "resumed":false}
 * </pre>
 *
 * @param id your peer id
 * @param peers the other members of the room
 * @param resumeToken the token for a later {@code resume}
 * @param resumed true when this answers a {@code resume}
 */
public record Joined(
    String id,
    String room,
    String name,
    List<PeerInfo> peers,
    List<IceServer> iceServers,
    String resumeToken,
    boolean resumed)
    implements ServerMessage {

  public Joined {
    peers = List.copyOf(peers);
    iceServers = List.copyOf(iceServers);
  }

  @Override
  public String type() {
    return "joined";
  }
}
