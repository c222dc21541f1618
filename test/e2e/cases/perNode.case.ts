import assert from 'node:assert/strict';
import { assertAuthenticatedWith, itemsOf, requestsTo } from './assertions';
import type { WorkflowCase } from './types';

/** Catalog, available numbers, operation, purchased numbers and operator information, one run, real LROs. */
export const phoneNumbersEveryResource: WorkflowCase = {
	workflowId: 'e2ePhoneLifecycle',
	async verify(context) {
		const countries = itemsOf(context, 'List countries').map((country) => country.countryCode);
		for (const code of ['US', 'CA', 'GB', 'DE', 'IE', 'FR'])
			assert.ok(countries.includes(code), `${code} missing from ${countries}`);
		const offerings = itemsOf(context, 'List toll-free offerings');
		assert.ok(
			offerings.length > 0 &&
				offerings.every((offering) => offering.phoneNumberType === 'tollFree'),
		);

		const [search] = itemsOf(context, 'Search two Seattle numbers');
		assert.equal(search.phoneNumberCount, 2);
		const found = search.phoneNumbers as string[];
		assert.ok(
			found.every((number) => number.startsWith('+1206')),
			`area code not applied: ${found}`,
		);
		const [result] = itemsOf(context, 'Get search result');
		assert.equal(result.searchId, search.searchId);
		const [purchase] = itemsOf(context, 'Purchase search');
		assert.equal(purchase.purchased, true);
		const [operation] = itemsOf(context, 'Get purchase operation');
		assert.equal(operation.operationId, purchase.operationId);
		assert.equal(operation.operationStatus, 'succeeded');
		assert.equal(operation.operationType, 'purchase');

		const owned = itemsOf(context, 'Get many phone numbers').map((number) => number.phoneNumber);
		assert.deepEqual([...owned].sort(), [...found].sort());
		assert.deepEqual(
			itemsOf(context, 'Get phone number').map((number) => number.phoneNumber),
			owned,
		);
		const updated = itemsOf(context, 'Update capabilities');
		assert.deepEqual(
			updated.map((number) => number.callingCapability),
			['inbound', 'inbound'],
		);
		assert.equal(itemsOf(context, 'Look up operator').length, 2);
		const released = itemsOf(context, 'Release');
		assert.deepEqual(
			released.map((item) => item.released),
			[true, true],
		);

		assertAuthenticatedWith(context);
		assert.equal(
			requestsTo(context, 'POST', /^\/availablePhoneNumbers\/:purchase$/).length,
			1,
			'purchase sent once',
		);
		const state = await context.emulator.control.call<{
			purchasedCount: number;
			ledger: { totals: { searches: number } };
		}>('GET', '/_emulator/phoneNumbers/state');
		assert.equal(state.purchasedCount, 0, 'both numbers were released');
		assert.equal(state.ledger.totals.searches, 1);
	},
};

export const phoneNumberReservations: WorkflowCase = {
	workflowId: 'e2eReservations',
	async verify(context) {
		const [reserved] = itemsOf(context, 'Reserve');
		assert.equal(reserved.phoneNumberCount, 1);
		assert.equal(reserved.status, 'active');
		const [fetched] = itemsOf(context, 'Get reservation');
		assert.equal(fetched.reservationId, reserved.reservationId);
		assert.deepEqual(fetched.phoneNumbers, reserved.phoneNumbers);
		const all = itemsOf(context, 'Get many reservations');
		assert.ok(all.some((reservation) => reservation.reservationId === reserved.reservationId));
		itemsOf(context, 'Delete reservation');
		assertAuthenticatedWith(context);
		const deletes = requestsTo(
			context,
			'DELETE',
			/^\/availablePhoneNumbers\/reservations\/[0-9a-f-]{36}$/,
		);
		assert.equal(deletes.length, 1);
		assert.ok(deletes[0].status < 300, `delete answered ${deletes[0].status}`);
		const state = await context.emulator.control.call<{ reservationCount: number }>(
			'GET',
			'/_emulator/phoneNumbers/state',
		);
		assert.equal(state.reservationCount, 0, 'the reservation is gone');
	},
};

interface SipDocument {
	trunks: Record<string, { sipSignalingPort: number }>;
	routes: Array<{ name: string; trunks: string[] }>;
}

export const sipRoutingEveryResource: WorkflowCase = {
	workflowId: 'e2eSipResources',
	verify(context) {
		assert.deepEqual(
			itemsOf(context, 'Get many trunks')
				.map((trunk) => trunk.fqdn)
				.sort(),
			['sbc1.e2e.example', 'sbc2.e2e.example'],
		);
		assert.deepEqual(
			itemsOf(context, 'Get many routes').map((route) => route.name),
			['Emergency', 'US'],
			'Emergency was put first',
		);
		assert.ok(
			itemsOf(context, 'Get many domains').some((domain) =>
				JSON.stringify(domain).includes('e2e.example'),
			),
		);
		const [test] = itemsOf(context, 'Test number');
		assert.equal(test.serviceRoute, 'US');
		assert.equal(test.agree, true);
		const [deleted] = itemsOf(context, 'Delete trunk sbc2');
		assert.equal(deleted.deleted, true);
		assert.deepEqual(deleted.removedFromRoutes, ['US']);
		const [configuration] = itemsOf(context, 'Get configuration') as unknown as SipDocument[];
		assert.deepEqual(Object.keys(configuration.trunks), ['sbc1.e2e.example']);
		assert.deepEqual(
			configuration.routes.map((route) => [route.name, route.trunks]),
			[['US', ['sbc1.e2e.example']]],
		);
		const [removed] = itemsOf(context, 'Delete trunk sbc1');
		assert.deepEqual(
			removed.deletedRoutes,
			['US'],
			'the route left without trunks was deleted as asked',
		);
		itemsOf(context, 'Delete domain');
		const [final] = itemsOf(context, 'Get final configuration') as unknown as Array<
			SipDocument & { domains?: object }
		>;
		assert.deepEqual(
			[Object.keys(final.trunks), final.routes, Object.keys(final.domains ?? {})],
			[[], [], []],
		);
		assertAuthenticatedWith(context);
		assert.ok(
			requestsTo(context, 'POST', /^\/sip:testRoutesWithNumber$/).length === 1,
			'the service route test was called',
		);
	},
};
