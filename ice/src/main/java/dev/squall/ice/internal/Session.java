package dev.squall.ice.internal;

import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceCredentials;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ICE session: what an ICE restart replaces (RFC 8445 §9). Local and remote credentials, the
 * remote candidates by resolved address, the local candidates gathered, the check list, the
 * end-of-candidates flags and the pair selected in this session. Plain state, no behaviour.
 */
public final class Session {

  public final IceCredentials local;
  public final CheckList checks;
  public final Map<InetSocketAddress, RemoteCandidate> remotes = new LinkedHashMap<>();
  public final List<IceCandidate> localCandidates = new ArrayList<>();

  /** The bases checks leave from: host transports, then relay ones as allocations succeed. */
  public final List<LocalBase> bases;

  public IceCredentials remote;
  public boolean endOfRemote;
  public boolean gatheringComplete;
  public boolean gatheringStarted;
  public CandidatePair selected;
  private int prflxCount;

  public Session(IceCredentials local, List<LocalBase> bases, int maxPairs) {
    this.local = local;
    this.bases = new ArrayList<>(bases);
    this.checks = new CheckList(maxPairs);
  }

  /** A fresh foundation for the next remote peer-reflexive candidate. */
  public String nextPrflxFoundation() {
    return "prflx" + (++prflxCount);
  }

  /** True when {@code address} is one of our host, server- or peer-reflexive addresses. */
  public boolean isLocalAddress(InetSocketAddress address) {
    String ip = address.getAddress().getHostAddress();
    return localCandidates.stream()
        .anyMatch(c -> c.port() == address.getPort() && sameIp(c.address(), ip));
  }

  public Optional<LocalBase> base(dev.squall.net.DatagramTransport transport) {
    return bases.stream().filter(b -> b.transport() == transport).findFirst();
  }

  private static boolean sameIp(String literal, String ip) {
    java.net.InetAddress a = IpLiterals.parse(literal);
    return a != null && a.getHostAddress().equals(ip);
  }
}
