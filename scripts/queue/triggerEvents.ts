/**
 * The Phone Numbers Trigger's events during a mix, against the inventory before and after it: every number that
 * appeared reported purchased exactly once, every number that left reported released exactly once, nothing else.
 * Also reads n8n's stored execution data (the `flatted` form the REST API answers with). Pure.
 */

/** n8n stores run data flattened: values are indexes (as strings) into one list whose first entry is the root. */
export function parseFlatted(text: string): unknown {
	const list = JSON.parse(text) as unknown[];
	const revived = new Set<unknown>();
	const revive = (value: unknown): unknown => {
		if (typeof value !== 'object' || value === null || revived.has(value)) return value;
		revived.add(value);
		const entries = value as Record<string, unknown>;
		for (const key of Object.keys(entries)) {
			const entry = entries[key];
			if (typeof entry === 'string') entries[key] = revive(list[Number(entry)]);
		}
		return value;
	};
	return revive(list[0]);
}

export interface TriggerEvent {
	event: string;
	subject: string;
	/** The execution that reported it. */
	execution: string;
}

/** The items the trigger node put out in one execution's run data. */
export function eventsOf(execution: string, data: unknown, triggerNode: string): TriggerEvent[] {
	const runData = (data as { resultData?: { runData?: Record<string, unknown[]> } })?.resultData
		?.runData;
	const runs = (runData?.[triggerNode] ?? []) as Array<{
		data?: { main?: Array<Array<{ json?: Record<string, unknown> }> | null> };
	}>;
	return runs.flatMap((run) =>
		(run.data?.main?.[0] ?? []).map((item) => ({
			event: String(item.json?.event),
			subject: String(item.json?.subject),
			execution,
		})),
	);
}

const digits = (phoneNumber: string) => phoneNumber.replace(/\D/g, '');

/** Numbers (any format) that appeared and left between two inventories. */
export function inventoryChanges(
	before: string[],
	after: string[],
): { purchased: string[]; released: string[] } {
	const [was, is] = [new Set(before.map(digits)), new Set(after.map(digits))];
	return {
		purchased: [...is].filter((number) => !was.has(number)).sort(),
		released: [...was].filter((number) => !is.has(number)).sort(),
	};
}

export function triggerEventProblems(
	events: TriggerEvent[],
	before: string[],
	after: string[],
): string[] {
	const expected = inventoryChanges(before, after);
	const problems: string[] = [];
	const check = (event: string, numbers: string[]) => {
		const reported = events.filter((entry) => entry.event === event);
		for (const number of numbers) {
			const times = reported.filter((entry) => digits(entry.subject) === number).length;
			if (times !== 1) problems.push(`${event} +${number} reported ${times} times, expected once`);
		}
		for (const entry of reported)
			if (!numbers.includes(digits(entry.subject)))
				problems.push(
					`${event} ${entry.subject} reported (execution ${entry.execution}) but the inventory shows no such change`,
				);
	};
	check('numberPurchased', expected.purchased);
	check('numberReleased', expected.released);
	for (const entry of events)
		if (entry.event !== 'numberPurchased' && entry.event !== 'numberReleased')
			problems.push(`unexpected event ${entry.event} ${entry.subject}`);
	return problems;
}
