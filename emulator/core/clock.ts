/** Virtual clock: real time plus an offset that tests move forward (never backwards unless set explicitly). */
export class VirtualClock {
	private offsetMs = 0;
	private listeners: Array<() => void> = [];

	now(): Date {
		return new Date(Date.now() + this.offsetMs);
	}

	get offset(): number {
		return this.offsetMs;
	}

	advance(ms: number): void {
		this.offsetMs += ms;
		this.changed();
	}

	set(date: Date): void {
		this.offsetMs = date.getTime() - Date.now();
		this.changed();
	}

	setOffset(ms: number): void {
		this.offsetMs = ms;
		this.changed();
	}

	/** Called after every change of the offset (work due at a virtual time may have become due). */
	onChange(listener: () => void): void {
		this.listeners.push(listener);
	}

	private changed(): void {
		for (const listener of this.listeners) listener();
	}
}
