package dev.squall.ice;

import dev.squall.stun.transaction.StunTransactionConfig;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnStreamConnector;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Settings of an {@link IceAgent}. Start from {@link #defaults()} and use the withers.
 *
 * @param stunServers STUN servers for server-reflexive candidates (resolved addresses)
 * @param pacing Ta, the interval between two connectivity checks (RFC 8445 §14.2)
 * @param checkTransactions retransmission of connectivity checks (default RTO 250 ms, Rc 7, Rm 16:
 *     a pair fails about 19.75 s after its first check)
 * @param gatherTransactions retransmission of Binding requests to STUN servers (RTO 500 ms, Rc 4,
 *     Rm 8: a silent server is given up after 7.5 s)
 * @param nominationDelay how long the controlling agent waits for a better pair once one pair is
 *     valid, before it nominates the best valid pair
 * @param consentInterval mean interval of consent checks (RFC 7675 §5.1: 5 s, randomised by
 *     0.8–1.2)
 * @param consentTimeout consent expires this long after the last response (RFC 7675: 30 s)
 * @param disconnectedAfter the state turns DISCONNECTED after this long without a consent response
 * @param checkingTimeout without a selected pair this long after checking started, the agent fails
 *     (covers peers that never signal end-of-candidates)
 * @param maxPairs the check list's limit (RFC 8445 §6.1.2.5: 100)
 * @param mdnsResolver resolves {@code .local} candidates
 * @param random randomness for credentials, tie-breaker, transaction IDs and consent jitter (seed
 *     it in tests)
 * @param turnServers TURN servers to allocate relay candidates on (RFC 8656), each with its
 *     long-term credential; UDP ones through every host transport of their address family, TCP and
 *     TLS ones through {@code turnConnector}
 * @param transportPolicy {@link IceTransportPolicy#RELAY} to gather, signal and check relay
 *     candidates only
 * @param turnConnector opens TCP and TLS connections to TURN servers (default: none, such servers
 *     are skipped)
 */
public record IceConfig(
    List<InetSocketAddress> stunServers,
    Duration pacing,
    StunTransactionConfig checkTransactions,
    StunTransactionConfig gatherTransactions,
    Duration nominationDelay,
    Duration consentInterval,
    Duration consentTimeout,
    Duration disconnectedAfter,
    Duration checkingTimeout,
    int maxPairs,
    MdnsResolver mdnsResolver,
    RandomGenerator random,
    List<TurnEndpoint> turnServers,
    IceTransportPolicy transportPolicy,
    TurnStreamConnector turnConnector) {

  public IceConfig {
    stunServers = List.copyOf(stunServers);
    Objects.requireNonNull(pacing, "pacing");
    Objects.requireNonNull(checkTransactions, "checkTransactions");
    Objects.requireNonNull(gatherTransactions, "gatherTransactions");
    Objects.requireNonNull(nominationDelay, "nominationDelay");
    Objects.requireNonNull(consentInterval, "consentInterval");
    Objects.requireNonNull(consentTimeout, "consentTimeout");
    Objects.requireNonNull(disconnectedAfter, "disconnectedAfter");
    Objects.requireNonNull(checkingTimeout, "checkingTimeout");
    Objects.requireNonNull(mdnsResolver, "mdnsResolver");
    Objects.requireNonNull(random, "random");
    turnServers = List.copyOf(turnServers);
    Objects.requireNonNull(transportPolicy, "transportPolicy");
    Objects.requireNonNull(turnConnector, "turnConnector");
    if (pacing.isNegative() || pacing.isZero()) {
      throw new IllegalArgumentException("pacing must be positive");
    }
    if (maxPairs < 1) {
      throw new IllegalArgumentException("maxPairs must be positive");
    }
  }

  /** The defaults described on each component; no STUN server; a {@link SecureRandom}. */
  public static IceConfig defaults() {
    return new IceConfig(
        List.of(),
        Duration.ofMillis(50),
        new StunTransactionConfig(Duration.ofMillis(250), 7, 16, Duration.ofMillis(39_500)),
        new StunTransactionConfig(Duration.ofMillis(500), 4, 8, Duration.ofMillis(39_500)),
        Duration.ofMillis(500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        100,
        MdnsResolver.NONE,
        new SecureRandom(),
        List.of(),
        IceTransportPolicy.ALL,
        TurnStreamConnector.NONE);
  }

  public IceConfig withStunServers(List<InetSocketAddress> servers) {
    return new IceConfig(
        servers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  public IceConfig withPacing(Duration ta) {
    return new IceConfig(
        stunServers,
        ta,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  public IceConfig withNominationDelay(Duration delay) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        delay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  /** Consent check interval, expiry and the DISCONNECTED threshold. */
  public IceConfig withConsent(Duration interval, Duration timeout, Duration disconnected) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        interval,
        timeout,
        disconnected,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  public IceConfig withCheckingTimeout(Duration timeout) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        timeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  public IceConfig withMdnsResolver(MdnsResolver resolver) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        resolver,
        random,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  public IceConfig withRandom(RandomGenerator randomness) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        randomness,
        turnServers,
        transportPolicy,
        turnConnector);
  }

  /** TURN servers to gather relay candidates on. */
  public IceConfig withTurnServers(List<TurnEndpoint> servers) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        servers,
        transportPolicy,
        turnConnector);
  }

  /** {@link IceTransportPolicy#RELAY} for relay candidates only. */
  public IceConfig withTransportPolicy(IceTransportPolicy policy) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        policy,
        turnConnector);
  }

  /** Opens TCP and TLS connections to TURN servers. */
  public IceConfig withTurnConnector(TurnStreamConnector connector) {
    return new IceConfig(
        stunServers,
        pacing,
        checkTransactions,
        gatherTransactions,
        nominationDelay,
        consentInterval,
        consentTimeout,
        disconnectedAfter,
        checkingTimeout,
        maxPairs,
        mdnsResolver,
        random,
        turnServers,
        transportPolicy,
        connector);
  }
}
