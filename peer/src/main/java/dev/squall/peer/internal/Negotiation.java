package dev.squall.peer.internal;

import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.Fingerprint;
import dev.squall.ice.IceCredentials;
import dev.squall.peer.Description;
import dev.squall.peer.PeerException;
import dev.squall.peer.SignalingState;
import dev.squall.sdp.Attributed;
import dev.squall.sdp.JsepAnswerBuilder;
import dev.squall.sdp.JsepOfferBuilder;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SetupRole;

/**
 * The offer/answer state machine of a peer connection (RFC 8829 §3.2, W3C signaling state), data
 * channel only and without renegotiation: which call is allowed in which state, the descriptions
 * applied so far, and the DTLS role an answer settles. Every check fails with a {@link
 * PeerException} naming the state. Used on the connection's scheduler only.
 */
public final class Negotiation {

  private SignalingState state = SignalingState.STABLE;
  private Description local;
  private Description remoteDescription;
  private RemoteParameters remote;

  public SignalingState state() {
    return state;
  }

  public Description local() {
    return local;
  }

  public Description remoteDescription() {
    return remoteDescription;
  }

  /** What the remote description says, or null before one is applied. */
  public RemoteParameters remote() {
    return remote;
  }

  public void checkCreateOffer() {
    if (state != SignalingState.STABLE || remoteDescription != null) {
      throw new PeerException(
          "createOffer in state " + state + ": renegotiation is not supported yet");
    }
  }

  /** Our offer: one data channel section, {@code a=setup:actpass}. */
  public Description offer(IceCredentials ice, Fingerprint fingerprint) {
    checkCreateOffer();
    return new Description(
        Description.Type.OFFER,
        JsepOfferBuilder.dataChannel(sdpCredentials(ice), sdpFingerprint(fingerprint)).build());
  }

  /** Our answer to the remote offer: its data section accepted, every other one rejected. */
  public Description answer(IceCredentials ice, Fingerprint fingerprint, SetupRole setup) {
    if (state != SignalingState.HAVE_REMOTE_OFFER) {
      throw new PeerException("createAnswer needs a remote offer; state " + state);
    }
    return new Description(
        Description.Type.ANSWER,
        JsepAnswerBuilder.forOffer(
                remoteDescription.sdp(), sdpCredentials(ice), sdpFingerprint(fingerprint))
            .setup(setup)
            .build());
  }

  private static dev.squall.sdp.IceCredentials sdpCredentials(IceCredentials c) {
    return new dev.squall.sdp.IceCredentials(c.ufrag(), c.pwd());
  }

  private static dev.squall.sdp.Fingerprint sdpFingerprint(Fingerprint f) {
    return new dev.squall.sdp.Fingerprint(f.algorithm(), f.value());
  }

  /**
   * Applies our description.
   *
   * @param offerCreated whether {@code createOffer} ran
   * @return the DTLS role our answer settles, or null for an offer
   */
  public DtlsRole applyLocal(Description description, boolean offerCreated) {
    DtlsRole role = null;
    if (description.type() == Description.Type.OFFER) {
      if (state != SignalingState.STABLE || !offerCreated || remote != null) {
        throw new PeerException("setLocalDescription(offer) without createOffer first");
      }
      state = SignalingState.HAVE_LOCAL_OFFER;
    } else {
      if (state != SignalingState.HAVE_REMOTE_OFFER) {
        throw new PeerException("setLocalDescription(answer) in state " + state);
      }
      role = DtlsRole.fromLocalSetup(localSetup(description).token());
      state = SignalingState.STABLE;
    }
    local = description;
    return role;
  }

  /**
   * Applies the peer's description; read its parameters with {@link #remote()}.
   *
   * @return the DTLS role the remote answer settles, or null for an offer
   */
  public DtlsRole applyRemote(Description description) {
    boolean offer = description.type() == Description.Type.OFFER;
    if (offer && (state != SignalingState.STABLE || remoteDescription != null)) {
      throw new PeerException(
          "setRemoteDescription(offer) in state " + state + ": renegotiation is not supported yet");
    }
    if (!offer && state != SignalingState.HAVE_LOCAL_OFFER) {
      throw new PeerException("setRemoteDescription(answer) in state " + state);
    }
    RemoteParameters params = RemoteParameters.read(description.sdp(), offer);
    remote = params;
    remoteDescription = description;
    if (offer) {
      state = SignalingState.HAVE_REMOTE_OFFER;
      return null;
    }
    state = SignalingState.STABLE;
    return DtlsRole.fromRemoteSetup(params.setup().token());
  }

  public void close() {
    state = SignalingState.CLOSED;
  }

  private SetupRole localSetup(Description answer) {
    MediaDescription section = answer.sdp().media().get(remote.mLineIndex());
    SetupRole setup = answer.sdp().resolve(section, Attributed::setup).orElse(SetupRole.ACTIVE);
    if (setup != SetupRole.ACTIVE && setup != SetupRole.PASSIVE) {
      throw new PeerException("our answer must say a=setup:active or passive, not " + setup);
    }
    return setup;
  }
}
