/** Operator Information → Look Up keeps the event loop free even when every answer needs no I/O. */
import { execute } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/operatorInformation/lookUp.operation';
import { withLongestGapUnder } from '../../reliability/support/eventLoopGap';
import { lookUpContext } from './lookUpContext';

test('50,000 numbers each failing at once (no I/O): no block of the event loop reaches 250 ms', async () => {
	const numbers = Array.from(
		{ length: 50_000 },
		(_, i) => `+1425${String(i).padStart(7, '0')}`,
	).join('\n');
	const { result: out, longestGapMs } = await withLongestGapUnder(250, () =>
		execute.call(
			lookUpContext(numbers, async () => ({
				statusCode: 400,
				headers: {},
				body: { error: { code: 'BadRequest', message: 'no' } },
			})),
			0,
		),
	);
	expect(out).toHaveLength(50_000);
	expect(out[0].json.error).toContain('Look up of +14250000000 failed');
	expect(longestGapMs).toBeLessThan(250);
}, 120_000);
