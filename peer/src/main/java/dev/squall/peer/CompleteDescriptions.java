package dev.squall.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Non-trickle ICE (RFC 8829 §4.1.9 "iceGatheringState complete"): sets a local description, waits
 * until gathering ends, and returns the description's SDP text with every gathered candidate and
 * {@code a=end-of-candidates} written into its media section, for peers that exchange one offer and
 * one answer and no candidates (WHIP-style HTTP endpoints). {@link
 * PeerConnection#localDescription()} itself carries no candidates.
 */
public final class CompleteDescriptions {

  private CompleteDescriptions() {}

  /**
   * Applies {@code description} to {@code pc} and completes with its SDP text including the
   * gathered candidates. Call once per connection, before anything else listens for candidates from
   * this description.
   */
  public static CompletableFuture<String> setLocalAndGather(
      PeerConnection pc, Description description) {
    List<IceCandidateInit> gathered = new ArrayList<>();
    CompletableFuture<String> done = new CompletableFuture<>();
    // candidate listeners run on the connection's scheduler, one at a time
    pc.onIceCandidate(
        c -> {
          if (done.isDone()) {
            return;
          }
          if (c.isEndOfCandidates()) {
            done.complete(withCandidates(description.sdpText(), gathered));
          } else {
            gathered.add(c);
          }
        });
    return pc.setLocalDescription(description).thenCompose(v -> done);
  }

  /**
   * Writes {@code a=candidate} lines and {@code a=end-of-candidates} at the end of the media
   * section each candidate names by m-line index (the first section with a non-zero port when it
   * names none).
   */
  static String withCandidates(String sdp, List<IceCandidateInit> candidates) {
    String[] lines = sdp.split("\r\n");
    List<Integer> sectionStarts = new ArrayList<>();
    int target = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("m=")) {
        sectionStarts.add(i);
        if (target < 0 && !lines[i].matches("m=\\S+ 0 .*")) {
          target = sectionStarts.size() - 1;
        }
      }
    }
    if (sectionStarts.isEmpty()) {
      return sdp;
    }
    if (target < 0) {
      target = 0;
    }
    for (IceCandidateInit c : candidates) {
      Integer index = c.sdpMLineIndex();
      if (index != null && index >= 0 && index < sectionStarts.size()) {
        target = index;
        break;
      }
    }
    int end = target + 1 < sectionStarts.size() ? sectionStarts.get(target + 1) : lines.length;
    StringBuilder out = new StringBuilder(sdp.length() + candidates.size() * 80);
    for (int i = 0; i < lines.length; i++) {
      if (i == end) {
        appendCandidates(out, candidates);
      }
      out.append(lines[i]).append("\r\n");
    }
    if (end == lines.length) {
      appendCandidates(out, candidates);
    }
    return out.toString();
  }

  private static void appendCandidates(StringBuilder out, List<IceCandidateInit> candidates) {
    for (IceCandidateInit c : candidates) {
      String line = c.candidate();
      out.append(line.startsWith("a=") ? line : "a=" + line).append("\r\n");
    }
    out.append("a=end-of-candidates\r\n");
  }
}
