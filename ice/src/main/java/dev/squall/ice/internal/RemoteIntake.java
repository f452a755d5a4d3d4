package dev.squall.ice.internal;

import dev.squall.ice.IceCandidate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in signalled remote candidates (trickled or not, RFC 8838): ignores non-UDP ones (ICE-TCP
 * is not built), other components, candidates of another session (their {@code ufrag} extension
 * names other credentials) and host names that are not {@code .local}; resolves {@code .local}
 * names with the configured resolver (unresolvable: ignored, the peer-reflexive path takes over);
 * then pairs the candidate with every local base of its address family.
 */
public final class RemoteIntake {

  private static final Logger LOG = LoggerFactory.getLogger(RemoteIntake.class);

  private final IceCore core;

  RemoteIntake(IceCore core) {
    this.core = core;
  }

  /** Returns false when the candidate is ignored at once. */
  public boolean add(IceCandidate c) {
    Session session = core.current();
    if (!c.isUdp() || c.component() != 1 || core.isClosed()) {
      return false;
    }
    if (session.remote != null
        && c.ufrag().isPresent()
        && !c.ufrag().get().equals(session.remote.ufrag())) {
      return false;
    }
    InetAddress ip = IpLiterals.parse(c.address());
    if (ip != null) {
      resolved(session, c, new InetSocketAddress(ip, c.port()));
      return true;
    }
    if (!c.isMdns()) {
      return false;
    }
    core.config
        .mdnsResolver()
        .resolve(c.address())
        .whenComplete(
            (address, error) -> {
              if (address != null) {
                Runnable apply =
                    () -> resolved(session, c, new InetSocketAddress(address, c.port()));
                core.scheduler.execute(apply);
              } else {
                LOG.debug("unresolved mDNS candidate {}", c.address());
              }
            });
    return true;
  }

  private void resolved(Session session, IceCandidate c, InetSocketAddress address) {
    if (session != core.current() || core.isClosed() || session.remotes.containsKey(address)) {
      return;
    }
    RemoteCandidate remote = new RemoteCandidate(c, address);
    session.remotes.put(address, remote);
    for (LocalBase base : session.bases) {
      pair(session, base, remote);
    }
    core.pacer.kick();
    core.updateState();
  }

  /** Pairs a base added late (a relay) with the session's remote candidates. */
  void pairWithRemotes(Session session, LocalBase base) {
    for (RemoteCandidate remote : List.copyOf(session.remotes.values())) {
      pair(session, base, remote);
    }
    core.pacer.kick();
    core.updateState();
  }

  private void pair(Session session, LocalBase base, RemoteCandidate remote) {
    if (base.isIpv4() == remote.isIpv4() && core.checkable(base)) {
      session.checks.add(new CandidatePair(base, remote, core.role()));
    }
  }
}
