/** Virtual clock: real time plus an offset that tests move forward (never backwards unless set explicitly). */
export class VirtualClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  set(date: Date): void {
    this.offsetMs = date.getTime() - Date.now();
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}
