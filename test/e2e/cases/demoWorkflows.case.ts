import assert from 'node:assert/strict';
import { assertAuthenticatedWith, itemsOf, requestsTo } from './assertions';
import type { WorkflowCase } from './types';

interface Ledger {
	totals: { searches: number; reservations: number };
	boughtMoreThanOnce: string[];
}

const ledgerOf = (context: {
	emulator: { control: { call<T>(method: string, path: string): Promise<T> } };
}) => context.emulator.control.call<Ledger>('GET', '/_emulator/phoneNumbers/ledger');

export const buyTollFreeUnderCostLimit: WorkflowCase = {
	workflowId: 'demoBuyTollFree',
	async verify(context) {
		const [bought] = itemsOf(context, 'Search and purchase a toll-free number');
		assert.equal(bought.purchased, true);
		assert.equal(bought.phoneNumberCount, 1);
		assert.equal(bought.currencyCode, 'USD');
		assert.ok(
			(bought.totalMonthlyCost as number) <= 3,
			`cost ${bought.totalMonthlyCost} above the limit`,
		);
		const [phoneNumber] = bought.phoneNumbers as string[];
		assert.match(phoneNumber, /^\+1(800|833|844|855|866|877|888)\d{7}$/);
		assertAuthenticatedWith(context);
		assert.equal(
			requestsTo(context, 'POST', /^\/availablePhoneNumbers\/:purchase$/).length,
			1,
			'purchase sent once',
		);
		const ledger = await ledgerOf(context);
		assert.equal(ledger.totals.searches, 1);
		assert.deepEqual(ledger.boughtMoreThanOnce, []);
	},
};

export const reserveBrowsedNumbersAndBuy: WorkflowCase = {
	workflowId: 'demoReserveAndBuy',
	async verify(context) {
		const browsed = itemsOf(context, 'Browse Redmond numbers');
		assert.ok(browsed.length >= 2, `browse returned ${browsed.length} numbers`);
		assert.ok(
			browsed.every((number) => String(number.phoneNumber).startsWith('+1425')),
			'prefix filter not applied',
		);
		const [reservation] = itemsOf(context, 'Reserve them');
		assert.equal(reservation.phoneNumberCount, 2);
		assert.equal(reservation.failedCount, 0);
		assert.deepEqual(
			reservation.phoneNumbers,
			browsed.slice(0, 2).map((number) => number.phoneNumber),
		);
		const [purchase] = itemsOf(context, 'Buy the reservation');
		assert.equal(purchase.purchased, true);
		assert.equal(purchase.reservationId, reservation.reservationId);
		assertAuthenticatedWith(context);
		const ledger = await ledgerOf(context);
		assert.equal(ledger.totals.reservations, 1);
		assert.equal(ledger.totals.searches, 0);
		assert.deepEqual(ledger.boughtMoreThanOnce, []);
	},
};

export const nightlyPurchasedNumbersReport: WorkflowCase = {
	workflowId: 'demoNightlyReport',
	async before(emulator) {
		await emulator.control.call('POST', '/_emulator/phoneNumbers/seed', {
			count: 3,
			countryCode: 'US',
			phoneNumberType: 'tollFree',
		});
		await emulator.control.call('POST', '/_emulator/phoneNumbers/seed', {
			count: 2,
			countryCode: 'GB',
			phoneNumberType: 'geographic',
		});
	},
	verify(context) {
		assert.equal(itemsOf(context, 'List purchased numbers').length, 5);
		const report = itemsOf(context, 'Monthly cost per currency');
		const byCurrency = Object.fromEntries(report.map((row) => [row.currencyCode, row]));
		assert.deepEqual(Object.keys(byCurrency).sort(), ['GBP', 'USD']);
		assert.equal(byCurrency.USD.count_phoneNumber, 3);
		assert.equal(byCurrency.USD.sum_monthlyCost, 6);
		assert.equal(byCurrency.GBP.count_phoneNumber, 2);
		assert.equal(byCurrency.GBP.sum_monthlyCost, 2);
		assertAuthenticatedWith(context);
	},
};

export const applySipConfigurationWithDryRun: WorkflowCase = {
	workflowId: 'demoApplySipConfig',
	verify(context) {
		const [dryRun] = itemsOf(context, 'Dry run');
		assert.equal(dryRun.dryRun, true);
		assert.equal(dryRun.applied, false);
		assert.ok((dryRun.patchCount as number) > 0, 'an empty configuration needs changes');
		const [applied] = itemsOf(context, 'Apply');
		assert.equal(applied.applied, true);
		assert.equal(applied.patchCount, dryRun.patchCount, 'the dry run planned what Apply sent');
		const patches = requestsTo(context, 'PATCH', /^\/sip$/);
		assert.equal(patches.length, dryRun.patchCount, 'only Apply sends patches');
		assert.ok(
			patches.every((request) => request.status === 200),
			JSON.stringify(patches),
		);
		const [readBack] = itemsOf(context, 'Read back');
		const routes = readBack.routes as Array<{ name: string; trunks: string[] }>;
		assert.deepEqual(
			routes.map((route) => route.name),
			['Emergency', 'US and Canada', 'Everything else'],
		);
		assert.deepEqual(Object.keys(readBack.trunks as object).sort(), [
			'sbc1.contoso.example',
			'sbc2.contoso.example',
		]);
		assertAuthenticatedWith(context);
	},
};
