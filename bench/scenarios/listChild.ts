/**
 * Child of scenario 3: `tsx bench/scenarios/listChild.ts ours|sdk` lists every purchased number once and reports
 * wall time and peak memory over IPC. Both sides load the same modules (n8n engine and SDK) before measuring,
 * so the baselines match; the emulator's connection string comes in BENCH_CONNECTION_STRING.
 */
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';

import { runNode } from '../../test/support/engine';
import { PHONE_NUMBERS_NODE } from '../lib/ours';

export interface ListChildReport {
	side: 'ours' | 'sdk';
	count: number;
	seconds: number;
	baselineRssMb: number;
	peakRssMb: number;
	heapUsedMb: number;
}

const MB = 1024 * 1024;

async function listOurs(connectionString: string): Promise<number> {
	const result = await runNode({
		nodeType: PHONE_NUMBERS_NODE,
		parameters: {
			authentication: 'connectionString',
			resource: 'phoneNumber',
			operation: 'getAll',
			returnAll: true,
		},
		credentials: {
			azureCommunicationServicesApi: {
				connectionStringSecret: connectionString,
				allowCustomEndpoint: true,
			},
		},
	});
	if (result.error) throw new Error(result.error.message);
	return result.items.length;
}

/** What a Code node would do: page through the SDK's iterator and return one item per number. */
async function listSdk(connectionString: string): Promise<number> {
	const client = new PhoneNumbersClient(connectionString, {
		allowInsecureConnection: true,
	} as never);
	const items: Array<{ json: unknown }> = [];
	for await (const phoneNumber of client.listPurchasedPhoneNumbers())
		items.push({ json: phoneNumber });
	return items.length;
}

async function main(): Promise<void> {
	const side = process.argv[2] === 'sdk' ? 'sdk' : 'ours';
	const connectionString = process.env.BENCH_CONNECTION_STRING ?? '';
	const baselineRssMb = process.memoryUsage().rss / MB;
	const start = performance.now();
	const count =
		side === 'ours' ? await listOurs(connectionString) : await listSdk(connectionString);
	const seconds = (performance.now() - start) / 1000;
	const report: ListChildReport = {
		side,
		count,
		seconds,
		baselineRssMb,
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		heapUsedMb: process.memoryUsage().heapUsed / MB,
	};
	process.send?.(report);
	process.disconnect?.();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
