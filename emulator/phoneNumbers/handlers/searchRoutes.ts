/** Search (LRO), search result and purchase of a search (LRO). */
import type { EmulatorReply, Route } from '../../core/types';
import { findOffering } from '../catalog';
import {
	agreementToNotResellMissing,
	badRequest,
	conflict,
	invalidInput,
	noOfferingForSearch,
	searchNotFound,
} from '../errors';
import { exposeHeaders, randomGuid } from '../ids';
import { isTaken, matchingPools, takeFreeNumbers } from '../inventory';
import { operationLocation, startOperation, statusAt } from '../lro';
import type {
	AssignmentType,
	Capabilities,
	PhoneNumberType,
	PhoneNumbersState,
	SearchRecord,
} from '../model';
import { bodyObject, capabilitiesWithin, isReply } from '../validation';
import { readNumberRequest } from './numberRequest';
import { JSON_OK, route, type DomainCall } from './route';
import { own } from '../own';

export function searchRoutes(getState: () => PhoneNumbersState): Route[] {
	return [
		route(
			'POST',
			/^\/availablePhoneNumbers\/countries\/([^/]+)\/(?::|%3[aA])search$/,
			getState,
			startSearch,
		),
		route('GET', /^\/availablePhoneNumbers\/searchResults\/([^/]+)$/, getState, getSearchResult),
		route('POST', /^\/availablePhoneNumbers\/(?::|%3[aA])purchase$/, getState, purchaseSearch),
	];
}

function startSearch(call: DomainCall): EmulatorReply {
	const { state, req, now } = call;
	const request = readNumberRequest(
		call,
		true,
		(fields) => checkAreaCode(fields.areaCode) ?? checkQuantity(fields.quantity),
	);
	if (isReply(request)) return request;
	const { country, body } = request;
	const phoneNumberType = body.phoneNumberType as PhoneNumberType;
	const assignmentType = body.assignmentType as AssignmentType;
	const capabilities = body.capabilities as Capabilities;
	const offering = findOffering(country, phoneNumberType, assignmentType);
	if (!offering || !capabilitiesWithin(capabilities, offering.availableCapabilities))
		return noOfferingForSearch();
	const quantity = (body.quantity as number | undefined) ?? 1;
	const pools = matchingPools(state, {
		countryCode: country.countryCode,
		phoneNumberType,
		areaCode: body.areaCode as string | undefined,
	});
	const found = takeFreeNumbers(state, pools, quantity, now);
	const searchId = randomGuid(call.ctx.random);
	const search: SearchRecord = {
		searchId,
		countryCode: country.countryCode,
		phoneNumbers: found,
		phoneNumberType,
		assignmentType,
		capabilities: { calling: capabilities.calling, sms: capabilities.sms },
		cost: {
			amount: offering.amount,
			currencyCode: country.currencyCode,
			billingFrequency: 'monthly',
		},
		createdAt: now,
		expiresAt: now + state.settings.searchHoldMs,
		isAgreementToNotResellRequired: country.isAgreementToNotResellRequired,
		quantity,
		outOfStock: found.length < quantity,
		purchase: 'none',
	};
	state.searches[searchId] = search;
	for (const digits of found) state.holds[digits] = { kind: 'search', owner: searchId };
	const operationId = `search_${searchId}`;
	startOperation(state, {
		id: operationId,
		operationType: 'search',
		subject: searchId,
		now,
		apiVersion: req.apiVersion,
		resourceLocation: `/availablePhoneNumbers/searchResults/${searchId}`,
		forcedError:
			found.length === 0
				? { code: 'OutOfStock', message: 'No phone numbers matching the search are available.' }
				: undefined,
	});
	call.ctx.markDirty();
	return {
		status: 202,
		headers: exposeHeaders({
			Location: `/availablePhoneNumbers/searchResults/${searchId}?api-version=${req.apiVersion}`,
			'Operation-Location': operationLocation(operationId, req.apiVersion),
			'operation-id': operationId,
			'search-id': searchId,
		}),
	};
}

function checkAreaCode(value: unknown): EmulatorReply | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !/^\d{1,6}$/.test(value))
		return invalidInput(`The value '${String(value)}' is not valid for areaCode.`, 'areaCode');
	return undefined;
}

function checkQuantity(value: unknown): EmulatorReply | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2147483647) {
		return invalidInput(
			`The value '${String(value)}' is not valid for quantity: it must be an integer from 1 to 2147483647.`,
			'quantity',
		);
	}
	return undefined;
}

function getSearchResult(call: DomainCall): EmulatorReply {
	const { state, now, req } = call;
	const searchId = decodeURIComponent(call.match[1]);
	const search = own(state.searches, searchId);
	const operation = own(state.operations, `search_${searchId}`);
	const status = operation ? statusAt(operation, now).status : undefined;
	if (!search || (status !== 'succeeded' && status !== 'failed')) return searchNotFound(searchId);
	const failed = status === 'failed';
	const body: Record<string, unknown> = {
		searchId,
		phoneNumbers: failed ? [] : search.phoneNumbers.map((digits) => `+${digits}`),
		phoneNumberType: search.phoneNumberType,
		assignmentType: search.assignmentType,
		capabilities: search.capabilities,
		cost: search.cost,
		searchExpiresBy: new Date(search.expiresAt).toISOString(),
	};
	if (req.apiVersion.slice(0, 10) >= '2025-04-01')
		body.isAgreementToNotResellRequired = search.isAgreementToNotResellRequired;
	if (search.outOfStock) {
		body.errorCode = 1000;
		body.error = 'OutOfStock';
	} else if (failed) {
		body.errorCode = 1;
		body.error = 'UnknownSearchError';
	} else {
		body.error = 'NoError';
	}
	return JSON_OK(body);
}

function purchaseSearch(call: DomainCall): EmulatorReply {
	const { state, req, now } = call;
	const body = bodyObject(req.body);
	if (isReply(body)) return body;
	if (typeof body.searchId !== 'string' || body.searchId === '')
		return invalidInput('The searchId field is required.', 'searchId');
	if (body.agreeToNotResell !== undefined && typeof body.agreeToNotResell !== 'boolean') {
		return invalidInput('The agreeToNotResell field must be a boolean.', 'agreeToNotResell');
	}
	const searchId = body.searchId;
	const search = own(state.searches, searchId);
	if (!search) return searchNotFound(searchId);
	const searchOperation = own(state.operations, `search_${searchId}`);
	if (!searchOperation || statusAt(searchOperation, now).status !== 'succeeded') {
		return badRequest(
			`Search ${searchId} has not completed successfully and cannot be purchased.`,
			'searchId',
		);
	}
	if (search.purchase === 'purchased')
		return conflict(`Search ${searchId} has already been purchased.`);
	if (search.purchase === 'pending')
		return conflict(`A purchase of search ${searchId} is already in progress.`);
	if (search.isAgreementToNotResellRequired && body.agreeToNotResell !== true)
		return agreementToNotResellMissing();
	const expired =
		now >= search.expiresAt ||
		search.phoneNumbers.some(
			(digits) => own(state.holds, digits)?.owner !== searchId && isTaken(state, digits, now),
		);
	const operationId = `purchase_${searchId}`;
	startOperation(state, {
		id: operationId,
		operationType: 'purchase',
		subject: searchId,
		now,
		apiVersion: req.apiVersion,
		resourceLocation: null,
		forcedError: expired
			? {
					code: 'ReservationExpired',
					message: `Search ${searchId} expired at ${new Date(search.expiresAt).toISOString()}; search again.`,
				}
			: undefined,
	});
	if (!expired) search.purchase = 'pending';
	call.ctx.markDirty();
	return {
		status: 202,
		headers: exposeHeaders({
			'Operation-Location': operationLocation(operationId, req.apiVersion),
			'operation-id': operationId,
			'purchase-id': searchId,
		}),
	};
}
