/** Operator Information → Look Up: what counts as an answer for a number, and how the list is split. */
import { execute } from '../../../nodes/AzureCommunicationPhoneNumbers/actions/operatorInformation/lookUp.operation';
import { lookUpContext } from './lookUpContext';

/** Answers 200 with `values(number asked)`; the request body may arrive as the signed JSON text. */
const answering =
	(values: (asked: string) => unknown[]) =>
	async (_credentialType: string, request: { body?: unknown }) => {
		const body = (typeof request.body === 'string' ? JSON.parse(request.body) : request.body) as
			| { phoneNumbers?: string[] }
			| undefined;
		return {
			statusCode: 200,
			headers: {},
			body: { values: values(body?.phoneNumbers?.[0] ?? '') },
		};
	};
const formatsOf = (asked: string) => [
	{
		phoneNumber: asked,
		internationalFormat: `${asked.slice(0, 2)} ${asked.slice(2)}`,
		nationalFormat: asked.slice(2),
	},
];

describe('Look Up answers', () => {
	it('makes an empty `values` an error for that number (Continue On Fail: an error item), not a success', async () => {
		const out = await execute.call(
			lookUpContext(
				'+14255550100, +14255550101',
				answering((asked) => (asked === '+14255550100' ? [] : formatsOf(asked))),
			),
			0,
		);
		expect(out[0].json).toMatchObject({
			phoneNumber: '+14255550100',
			error: expect.stringContaining('the service returned no information for +14255550100'),
		});
		expect(out[1].json).toMatchObject({
			phoneNumber: '+14255550101',
			internationalFormat: '+1 4255550101',
		});
		expect(out[1].json.error).toBeUndefined();
	});

	it('makes a value for a different number an error for the number asked, and fails the node without Continue On Fail', async () => {
		const other = answering(() => formatsOf('+14255550199'));
		const [item] = await execute.call(lookUpContext('+14255550100', other), 0);
		expect(item.json).toMatchObject({
			phoneNumber: '+14255550100',
			error: expect.stringContaining('the service returned no information for +14255550100'),
		});
		await expect(execute.call(lookUpContext('+14255550100', other, false), 0)).rejects.toThrow(
			'the service returned no information for +14255550100',
		);
	});

	it("splits on commas and new lines only: a number written with spaces (the service's international format) is one number", async () => {
		const asked: string[] = [];
		const out = await execute.call(
			lookUpContext(
				'+1 425 555 0100\n+44 20 7123 4567, +1 (425) 555-0101',
				answering((number) => (asked.push(number), formatsOf(number))),
			),
			0,
		);
		expect(out.map((item) => item.json.phoneNumber)).toEqual([
			'+14255550100',
			'+442071234567',
			'+14255550101',
		]);
		expect(asked).toEqual(['+14255550100', '+442071234567', '+14255550101']);
	});

	it('refuses a bad entry before any request', async () => {
		const asked: string[] = [];
		await expect(
			execute.call(
				lookUpContext(
					'+1 425 555 0100, 12ab',
					answering((number) => (asked.push(number), formatsOf(number))),
				),
				0,
			),
		).rejects.toThrow(/Invalid "Phone Numbers".*12ab/);
		expect(asked).toEqual([]);
	});
});
