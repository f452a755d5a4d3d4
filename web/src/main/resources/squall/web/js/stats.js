/**
 * Reads what the UI and tests need from RTCPeerConnection.getStats(): the selected candidate pair's
 * local and remote candidate types, and video frames decoded.
 */

/** @returns {Promise<{local: string|null, remote: string|null, framesDecoded: number}>} */
export async function readStats(pc) {
  const report = await pc.getStats();
  return { ...selectedCandidateTypes(report), framesDecoded: framesDecoded(report) };
}

/**
 * The candidate types of the selected pair: transport.selectedCandidatePairId (Chromium), else the
 * pair flagged `selected` (Firefox), else a nominated pair that succeeded.
 */
export function selectedCandidateTypes(report) {
  let pair = null;
  report.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pair = report.get(s.selectedCandidatePairId);
  });
  if (!pair) {
    report.forEach((s) => {
      if (s.type === 'candidate-pair' && s.selected) pair = s;
    });
  }
  if (!pair) {
    report.forEach((s) => {
      if (!pair && s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pair = s;
    });
  }
  if (!pair) return { local: null, remote: null };
  return {
    local: report.get(pair.localCandidateId)?.candidateType ?? null,
    remote: report.get(pair.remoteCandidateId)?.candidateType ?? null,
  };
}

/** The sum of framesDecoded over inbound video RTP streams. */
export function framesDecoded(report) {
  let frames = 0;
  report.forEach((s) => {
    if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0;
  });
  return frames;
}
