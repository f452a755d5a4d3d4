package dev.squall.vnet;

/**
 * How much of the remote endpoint a NAT takes into account (RFC 4787 sections 4.1 and 5), for
 * mapping reuse or for inbound filtering.
 */
public enum EndpointDependence {
  /** Endpoint-independent: any remote address and port. */
  INDEPENDENT,
  /** Address-dependent: the remote IP address matters, its port does not. */
  ADDRESS,
  /** Address- and port-dependent: the exact remote IP address and port. */
  ADDRESS_AND_PORT
}
