package dev.squall.ice;

import java.net.InetAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Resolves the {@code <uuid>.local} names browsers put in host candidates (draft-ietf-mmusic-mdns-
 * ice-candidates). The stage may complete on any thread; the agent moves the result onto its
 * scheduler. A null result or a failed stage means "unresolvable": the candidate is ignored and
 * connectivity comes through the peer-reflexive address of the browser's first check.
 */
@FunctionalInterface
public interface MdnsResolver {

  /** Never resolves anything (the default: no multicast traffic). */
  MdnsResolver NONE = name -> CompletableFuture.completedFuture(null);

  CompletionStage<InetAddress> resolve(String name);
}
