/** The pure parts of Operator Information -> Look Up: the chunked list reader and the bounded runner. */
import { runBounded } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/operatorInformation/boundedRun';
import { readNumberList } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/operatorInformation/numberList';

describe('readNumberList', () => {
	it('reads a 250,000-number list in chunks of 1,000, handing over a turn after each', async () => {
		const text = Array.from(
			{ length: 250_000 },
			(_, i) => `+1425${String(i).padStart(7, '0')}`,
		).join('\n');
		let turns = 0;
		const result = await readNumberList(text, async () => {
			turns++;
		});
		expect('numbers' in result && result.numbers.length).toBe(250_000);
		expect(turns).toBe(250);
	});

	it('normalises, keeps input order, drops repeats, and names the first entry that is not a number', async () => {
		const none = async () => {};
		expect(
			await readNumberList(
				'+14255550100, 0014255550101,+14255550100\n tel:+442071234567\r\n+1 425 555 0102',
				none,
			),
		).toEqual({
			numbers: ['+14255550100', '+14255550101', '+442071234567', '+14255550102'],
		});
		expect(await readNumberList(['+1 425 555 0100', ' ', '+14255550102'], none)).toEqual({
			numbers: ['+14255550100', '+14255550102'],
		});
		const invalid = await readNumberList('+14255550100, 12ab, +0999', none);
		expect('invalid' in invalid && invalid.invalid.entry).toBe('12ab');
	});
});

describe('runBounded', () => {
	it('never runs more than the bound at once, runs every index once, and stops starting when told', async () => {
		let running = 0;
		let peak = 0;
		const seen: number[] = [];
		const releases: Array<() => void> = [];
		const done = runBounded({ count: 10, bound: 3 }, async (index) => {
			running++;
			peak = Math.max(peak, running);
			seen.push(index);
			await new Promise<void>((resolve) => releases.push(resolve));
			running--;
		});
		for (let turn = 0; turn < 1000 && seen.length < 10; turn++) {
			await Promise.resolve();
			releases.shift()?.();
		}
		releases.forEach((release) => release());
		await done;
		expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(peak).toBe(3);

		const started: number[] = [];
		await runBounded(
			{ count: 100, bound: 4, shouldContinue: () => started.length < 5 },
			async (index) => {
				started.push(index);
			},
		);
		expect(started).toEqual([0, 1, 2, 3, 4]);
		await expect(runBounded({ count: 1, bound: 0 }, async () => {})).rejects.toThrow(/bound/);
	});
});
