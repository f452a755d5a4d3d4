/**
 * WebRTC DataChannels (RFC 8831) over one SCTP association, opened in-band with the DataChannel
 * Establishment Protocol (RFC 8832) or negotiated out of band. {@link
 * dev.squall.datachannel.DataChannelManager} owns the association; {@link
 * dev.squall.datachannel.DataChannel} is shaped like the W3C {@code RTCDataChannel}.
 */
package dev.squall.datachannel;
