package dev.squall.vnet;

import java.time.Duration;
import java.util.Objects;

/**
 * The behaviour of a NAT, in the terms of RFC 4787.
 *
 * @param mapping when an existing mapping is reused for a new remote endpoint (section 4.1)
 * @param filtering which inbound packets a mapping lets through (section 5): those from any
 *     endpoint, from an address, or from an address and port the inside host has sent to
 * @param portAssignment how external ports are chosen (section 4.2.1)
 * @param mappingTimeout how long a mapping lives after it was last refreshed (section 4.3)
 * @param hairpinning whether inside hosts reach each other through the NAT's external address
 *     (section 6); the packet then carries the sender's external mapping as its source
 * @param inboundRefresh whether inbound packets also refresh a mapping (outbound ones always do)
 */
public record NatBehavior(
    EndpointDependence mapping,
    EndpointDependence filtering,
    PortAssignment portAssignment,
    Duration mappingTimeout,
    boolean hairpinning,
    boolean inboundRefresh) {

  /** Default mapping lifetime: the 2 minutes RFC 4787 REQ-5 sets as the minimum. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  /** Endpoint-independent mapping and filtering ("full cone"). */
  public static final NatBehavior FULL_CONE =
      of(EndpointDependence.INDEPENDENT, EndpointDependence.INDEPENDENT);

  /** Endpoint-independent mapping, address-dependent filtering ("restricted cone"). */
  public static final NatBehavior RESTRICTED_CONE =
      of(EndpointDependence.INDEPENDENT, EndpointDependence.ADDRESS);

  /** Endpoint-independent mapping, address- and port-dependent filtering. */
  public static final NatBehavior PORT_RESTRICTED_CONE =
      of(EndpointDependence.INDEPENDENT, EndpointDependence.ADDRESS_AND_PORT);

  /** Address- and port-dependent mapping and filtering, random external ports ("symmetric"). */
  public static final NatBehavior SYMMETRIC =
      of(EndpointDependence.ADDRESS_AND_PORT, EndpointDependence.ADDRESS_AND_PORT)
          .withPortAssignment(PortAssignment.RANDOM);

  public NatBehavior {
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(filtering, "filtering");
    Objects.requireNonNull(portAssignment, "portAssignment");
    if (mappingTimeout.isNegative() || mappingTimeout.isZero()) {
      throw new IllegalArgumentException("mappingTimeout must be positive");
    }
  }

  /** The given mapping and filtering, port preservation, 2 minutes, no hairpinning. */
  public static NatBehavior of(EndpointDependence mapping, EndpointDependence filtering) {
    return new NatBehavior(
        mapping, filtering, PortAssignment.PRESERVE, DEFAULT_TIMEOUT, false, false);
  }

  public NatBehavior withPortAssignment(PortAssignment assignment) {
    return new NatBehavior(
        mapping, filtering, assignment, mappingTimeout, hairpinning, inboundRefresh);
  }

  public NatBehavior withMappingTimeout(Duration timeout) {
    return new NatBehavior(
        mapping, filtering, portAssignment, timeout, hairpinning, inboundRefresh);
  }

  public NatBehavior withHairpinning(boolean on) {
    return new NatBehavior(mapping, filtering, portAssignment, mappingTimeout, on, inboundRefresh);
  }

  public NatBehavior withInboundRefresh(boolean on) {
    return new NatBehavior(mapping, filtering, portAssignment, mappingTimeout, hairpinning, on);
  }
}
