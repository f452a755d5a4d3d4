/** Transfer speed (bytes/s, smoothed over about two seconds) and ETA for a progress bar. */
export class RateMeter {
  constructor(total, now = performance.now()) {
    this.total = total;
    this.lastBytes = 0;
    this.lastTime = now;
    this.speed = 0;
  }

  /** Feeds the byte count so far; returns {speed, eta} with eta in seconds (Infinity if unknown). */
  update(bytes, now = performance.now()) {
    const dt = (now - this.lastTime) / 1000;
    if (dt >= 0.25) {
      const instant = (bytes - this.lastBytes) / dt;
      const alpha = Math.min(1, dt / 2);
      this.speed = this.speed === 0 ? instant : this.speed + alpha * (instant - this.speed);
      this.lastBytes = bytes;
      this.lastTime = now;
    }
    const eta = this.speed > 0 ? (this.total - bytes) / this.speed : Infinity;
    return { speed: this.speed, eta };
  }
}
