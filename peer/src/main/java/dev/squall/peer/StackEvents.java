package dev.squall.peer;

import dev.squall.dtls.DtlsException;
import dev.squall.dtls.DtlsState;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceConnectionState;
import dev.squall.peer.internal.RemoteParameters;
import dev.squall.peer.internal.TransportStack;

/**
 * A {@link PeerConnection}'s transport events, on its scheduler: trickled candidates tagged with
 * the data section's mid, ICE and DTLS state feeding the connection state and failure reason, and
 * raw datagrams.
 */
final class StackEvents implements TransportStack.Events {

  private final PeerConnection pc;

  StackEvents(PeerConnection pc) {
    this.pc = pc;
  }

  @Override
  public void localCandidate(IceCandidate candidate) {
    IceCandidateInit init =
        new IceCandidateInit(
            candidate.format(), mid(), mLineIndex(), pc.stack.localCredentials().ufrag());
    pc.candidateListeners.forEach(l -> l.accept(init));
  }

  @Override
  public void gatheringComplete() {
    IceCandidateInit end =
        IceCandidateInit.endOfCandidates(mid(), mLineIndex(), pc.stack.localCredentials().ufrag());
    pc.candidateListeners.forEach(l -> l.accept(end));
  }

  @Override
  public void iceState(IceConnectionState next) {
    pc.iceState = next;
    if (next == IceConnectionState.FAILED && pc.failureReason == null) {
      pc.failureReason = "ICE failed: " + pc.stack.iceFailureReason();
    }
    pc.iceListeners.forEach(l -> l.accept(next));
    pc.updateState();
  }

  @Override
  public void dtlsState(DtlsState next, DtlsException error) {
    if (next == DtlsState.FAILED && pc.failureReason == null) {
      pc.failureReason =
          "DTLS failed: " + (error != null ? error.getMessage() : "unknown DTLS error");
    }
    pc.updateState();
  }

  @Override
  public void datagram(byte[] data) {
    pc.datagramListeners.forEach(l -> l.accept(data));
  }

  private String mid() {
    RemoteParameters remote = pc.negotiation.remote();
    return remote != null && remote.mid() != null ? remote.mid() : "0";
  }

  private int mLineIndex() {
    RemoteParameters remote = pc.negotiation.remote();
    return remote != null ? remote.mLineIndex() : 0;
  }
}
