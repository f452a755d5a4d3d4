/** A minimal event emitter: on(type, fn) returns an unsubscribe function; emit(type, ...args). */
export class Emitter {
  constructor() {
    this.listeners = new Map();
  }

  on(type, fn) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type).add(fn);
    return () => this.listeners.get(type)?.delete(fn);
  }

  emit(type, ...args) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) {
      try {
        fn(...args);
      } catch (e) {
        console.error(`listener for '${type}' failed`, e);
      }
    }
  }
}
