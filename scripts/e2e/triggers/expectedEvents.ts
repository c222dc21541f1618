/** Compares the events a trigger emitted with the changes made: each expected once, nothing else. Pure. */

/** The fields of an emitted event the checks read (the trigger contract's ChangeEvent). */
export interface EmittedEvent {
	event: string;
	subjectType: string;
	subject: string;
	change?: string;
	before?: unknown;
	after?: unknown;
	detectedAt?: string;
}

export interface ExpectedEvent {
	event: string;
	subjectType: string;
	subject: string;
	change?: string;
	/** `absent`: the event must carry no `before`; text: its JSON must contain it (a value that changed). */
	before?: 'absent' | 'present' | string;
	after?: 'absent' | 'present' | string;
}

const key = (event: { event: string; subjectType: string; subject: string; change?: string }) =>
	`${event.event} ${event.subjectType} ${event.subject}${event.change ? ` (${event.change})` : ''}`;

function sideProblem(
	side: 'before' | 'after',
	value: unknown,
	wanted: ExpectedEvent['before'],
): string | undefined {
	if (wanted === undefined) return undefined;
	if (wanted === 'absent')
		return value === undefined ? undefined : `${side} should be absent: ${JSON.stringify(value)}`;
	if (value === undefined) return `${side} is missing`;
	if (wanted === 'present') return undefined;
	const text = JSON.stringify(value);
	return text.includes(wanted) ? undefined : `${side} should contain "${wanted}": ${text}`;
}

/** Problems found (empty when the emitted events are exactly the expected ones, each once). */
export function compareEvents(emitted: EmittedEvent[], expected: ExpectedEvent[]): string[] {
	const problems: string[] = [];
	const left = [...emitted];
	for (const wanted of expected) {
		const index = left.findIndex((event) => key(event) === key(wanted));
		if (index === -1) {
			problems.push(`missing: ${key(wanted)}`);
			continue;
		}
		const [event] = left.splice(index, 1);
		for (const problem of [
			sideProblem('before', event.before, wanted.before),
			sideProblem('after', event.after, wanted.after),
			event.detectedAt && !Number.isNaN(Date.parse(event.detectedAt))
				? undefined
				: `detectedAt is not a time: ${String(event.detectedAt)}`,
		]) {
			if (problem) problems.push(`${key(wanted)}: ${problem}`);
		}
	}
	for (const extra of left) problems.push(`unexpected: ${key(extra)} ${JSON.stringify(extra)}`);
	return problems;
}

/** One line per event, for the report. */
export function describeEvents(events: EmittedEvent[]): string {
	return events.map(key).join('; ') || 'none';
}
