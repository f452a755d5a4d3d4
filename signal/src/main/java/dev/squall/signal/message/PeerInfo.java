package dev.squall.signal.message;

import java.util.Objects;

/**
 * A room member as listed in {@code joined.peers} and {@code peer-joined.peer}.
 *
 * <pre>
 * {"id":"p1", "name":"Ada"}
 * </pre>
 */
public record PeerInfo(String id, String name) {

  public PeerInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
  }
}
