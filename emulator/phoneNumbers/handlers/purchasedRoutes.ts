/** Purchased numbers: list (skip/top), get, update capabilities (LRO), release (LRO). */
import { requireMediaType, type EmulatorReply, type Route } from '../../core/types';
import { findCountry, findOffering } from '../catalog';
import { badRequest, invalidInput, phoneNumberNotFound, phoneNumberNotOwned } from '../errors';
import { digitsOfPathNumber, exposeHeaders, randomGuid } from '../ids';
import { operationLocation, startOperation } from '../lro';
import type { Capabilities, PhoneNumbersState, PurchasedNumber } from '../model';
import { pageOf, readPageRequest } from '../paging';
import { purchasedInOrder } from '../purchasedList';
import { bodyObject, capabilitiesWithin, checkCapabilities, isReply } from '../validation';
import { JSON_OK, route, type DomainCall } from './route';
import { own } from '../own';

const NUMBER = '([^/]+)';

export function purchasedRoutes(getState: () => PhoneNumbersState): Route[] {
	return [
		route('GET', /^\/phoneNumbers$/, getState, listPurchased),
		route('GET', new RegExp(`^/phoneNumbers/${NUMBER}$`), getState, getPurchased),
		route('DELETE', new RegExp(`^/phoneNumbers/${NUMBER}$`), getState, releaseNumber),
		route(
			'PATCH',
			new RegExp(`^/phoneNumbers/${NUMBER}/capabilities$`),
			getState,
			updateCapabilities,
		),
	];
}

function listPurchased(call: DomainCall): EmulatorReply {
	const page = readPageRequest(call.req, 'top');
	if (isReply(page)) return page;
	const result = pageOf(call.req, 'top', page, purchasedInOrder(call.state));
	return JSON_OK({ phoneNumbers: result.items, nextLink: result.nextLink });
}

function ownedNumber(call: DomainCall): PurchasedNumber | undefined {
	const digits = digitsOfPathNumber(call.match[1]);
	return (digits && own(call.state.purchased, digits)) || undefined;
}

function findPurchased(call: DomainCall): PurchasedNumber | EmulatorReply {
	const digits = digitsOfPathNumber(call.match[1]);
	return (
		ownedNumber(call) ??
		phoneNumberNotFound(digits ? `+${digits}` : decodeURIComponent(call.match[1]))
	);
}

function getPurchased(call: DomainCall): EmulatorReply {
	const number = findPurchased(call);
	return isReply(number) ? number : JSON_OK(number);
}

function releaseNumber(call: DomainCall): EmulatorReply {
	const number = findPurchased(call);
	if (isReply(number)) return number;
	const releaseId = randomGuid(call.ctx.random);
	const operationId = `release_${releaseId}`;
	startOperation(call.state, {
		id: operationId,
		operationType: 'releasePhoneNumber',
		subject: number.id,
		now: call.now,
		apiVersion: call.req.apiVersion,
		resourceLocation: null,
	});
	call.ctx.markDirty();
	return {
		status: 202,
		headers: exposeHeaders({
			'Operation-Location': operationLocation(operationId, call.req.apiVersion),
			'operation-id': operationId,
			'release-id': releaseId,
		}),
	};
}

function updateCapabilities(call: DomainCall): EmulatorReply {
	const { req } = call;
	const number = ownedNumber(call);
	if (!number) return phoneNumberNotOwned();
	if (req.rawBody.length > 0) {
		const mediaTypeError = requireMediaType(req, 'application/merge-patch+json');
		if (mediaTypeError) return mediaTypeError;
	}
	const body = req.body === undefined ? {} : bodyObject(req.body);
	if (isReply(body)) return body;
	const error = checkCapabilities(body, 'capabilities', false);
	if (error) return error;
	const wanted: Partial<Capabilities> = {};
	if (body.calling !== undefined && body.calling !== null)
		wanted.calling = body.calling as Capabilities['calling'];
	if (body.sms !== undefined && body.sms !== null) wanted.sms = body.sms as Capabilities['sms'];
	if (wanted.calling === undefined && wanted.sms === undefined)
		return invalidInput('Give calling, sms or both.', 'capabilities');
	const country = findCountry(number.countryCode);
	const offering = country && findOffering(country, number.phoneNumberType, number.assignmentType);
	if (offering && !capabilitiesWithin(wanted, offering.availableCapabilities)) {
		return badRequest(
			`The requested capabilities are not available for ${number.phoneNumber}.`,
			'capabilities',
		);
	}
	const capabilitiesUpdateId = randomGuid(call.ctx.random);
	const operationId = `capabilities_${capabilitiesUpdateId}`;
	startOperation(call.state, {
		id: operationId,
		operationType: 'updatePhoneNumberCapabilities',
		subject: number.id,
		now: call.now,
		apiVersion: req.apiVersion,
		resourceLocation: `/phoneNumbers/${number.phoneNumber}`,
		capabilities: wanted,
	});
	call.ctx.markDirty();
	return {
		status: 202,
		headers: exposeHeaders({
			Location: `/phoneNumbers/${number.phoneNumber}?api-version=${req.apiVersion}`,
			'Operation-Location': operationLocation(operationId, req.apiVersion),
			'operation-id': operationId,
			'capabilities-id': capabilitiesUpdateId,
		}),
		body: { capabilitiesUpdateId },
	};
}
