/** Reservations: list, get, PATCH create-or-update (merge patch, 201/200/207), delete, purchase (LRO). */
import { requireMediaType, type EmulatorReply, type Route } from '../../core/types';
import { availableNumber } from '../available';
import { agreementToNotResellMissing, badRequest, invalidInput, notFound } from '../errors';
import { exposeHeaders } from '../ids';
import { isTaken, poolOfNumber } from '../inventory';
import { operationLocation, startOperation } from '../lro';
import type {
	AssignmentType,
	Capabilities,
	PhoneNumbersState,
	ReservationRecord,
	ReservedNumber,
} from '../model';
import { pageOf, readPageRequest } from '../paging';
import {
	dropOldReservations,
	extendExpiry,
	releaseReservationHolds,
	reservationStatus,
	reservationView,
} from '../reservations';
import {
	bodyObject,
	capabilitiesWithin,
	checkAssignmentType,
	checkCapabilities,
	checkPhoneNumberType,
	isGuid,
	isReply,
} from '../validation';
import { JSON_OK, route, type DomainCall } from './route';
import { own } from '../own';

const FAILED_TO_RESERVE = {
	code: 'FailedToReserveNumber',
	message: 'Failed to add the number to the reservation.',
};

export function reservationRoutes(getState: () => PhoneNumbersState): Route[] {
	const one = /^\/availablePhoneNumbers\/reservations\/([^/]+)$/;
	return [
		route('GET', /^\/availablePhoneNumbers\/reservations$/, getState, listReservations),
		route('GET', one, getState, getReservation),
		route('PATCH', one, getState, createOrUpdateReservation),
		route('DELETE', one, getState, deleteReservation),
		route(
			'POST',
			/^\/availablePhoneNumbers\/reservations\/([^/]+)\/(?::|%3[aA])purchase$/,
			getState,
			purchaseReservation,
		),
	];
}

function reservationId(call: DomainCall): string | EmulatorReply {
	const id = decodeURIComponent(call.match[1]);
	return isGuid(id)
		? id.toLowerCase()
		: invalidInput(`The reservation id '${id}' is not a valid GUID.`, 'reservationId');
}

function findReservation(call: DomainCall): ReservationRecord | EmulatorReply {
	const id = reservationId(call);
	if (typeof id !== 'string') return id;
	return own(call.state.reservations, id) ?? notFound(`Reservation ${id} was not found.`);
}

function listReservations(call: DomainCall): EmulatorReply {
	if (dropOldReservations(call.state, call.now)) call.ctx.markDirty();
	const page = readPageRequest(call.req, 'maxPageSize');
	if (isReply(page)) return page;
	const items = Object.values(call.state.reservations)
		.sort((a, b) => a.createdAt - b.createdAt)
		.map((reservation) => reservationView(reservation, call.now, false));
	const result = pageOf(call.req, 'maxPageSize', page, items);
	return JSON_OK({ reservations: result.items, nextLink: result.nextLink });
}

function getReservation(call: DomainCall): EmulatorReply {
	const reservation = findReservation(call);
	if (isReply(reservation)) return reservation;
	return JSON_OK(reservationView(reservation, call.now, true));
}

function createOrUpdateReservation(call: DomainCall): EmulatorReply {
	const { state, req, now } = call;
	const id = reservationId(call);
	if (typeof id !== 'string') return id;
	const mediaTypeError = requireMediaType(req, 'application/merge-patch+json');
	if (mediaTypeError) return mediaTypeError;
	const body = bodyObject(req.body);
	if (isReply(body)) return body;
	const changes = body.phoneNumbers ?? {};
	if (typeof changes !== 'object' || changes === null || Array.isArray(changes))
		return invalidInput('phoneNumbers must be an object.', 'phoneNumbers');
	const entries = Object.entries(changes as Record<string, unknown>);
	for (const [key, value] of entries) {
		const error = checkEntry(key, value, req.apiVersion);
		if (error) return error;
	}
	const existing = own(state.reservations, id);
	if (existing && reservationStatus(existing, now) !== 'active') {
		return badRequest(
			`Reservation ${id} is ${reservationStatus(existing, now)}; only active reservations can be updated.`,
		);
	}
	const reservation: ReservationRecord = existing ?? {
		id,
		createdAt: now,
		expiresAt: now,
		status: 'active',
		phoneNumbers: {},
	};
	const failures: Record<string, Record<string, unknown>> = {};
	for (const [key, value] of entries) {
		if (value === null) {
			if (own(reservation.phoneNumbers, key)) {
				delete reservation.phoneNumbers[key];
				if (own(state.holds, key)?.owner === id) delete state.holds[key];
			}
			continue;
		}
		if (own(reservation.phoneNumbers, key)) continue;
		const reserved = reserveNumber(state, key, value as Record<string, unknown>, now);
		if (reserved.failure) {
			failures[key] = reserved.failure;
			continue;
		}
		reservation.phoneNumbers[key] = reserved.number;
		state.holds[key] = { kind: 'reservation', owner: id };
	}
	extendExpiry(state, reservation, now);
	state.reservations[id] = reservation;
	call.ctx.markDirty();
	const view = reservationView(reservation, now, true);
	const failed = Object.keys(failures).length > 0;
	if (failed) view.phoneNumbers = { ...(view.phoneNumbers as object), ...failures };
	if (failed) return { status: 207, body: view };
	if (!existing)
		return {
			status: 201,
			body: view,
			headers: { Location: `/availablePhoneNumbers/reservations/${id}` },
		};
	return JSON_OK(view);
}

function checkEntry(key: string, value: unknown, apiVersion: string): EmulatorReply | undefined {
	const target = `phoneNumbers.${key}`;
	if (!/^\d{4,15}$/.test(key))
		return invalidInput(
			`'${key}' is not a phone number id (digits of the E.164 number, without '+').`,
			target,
		);
	if (value === null) return undefined;
	if (typeof value !== 'object' || Array.isArray(value))
		return invalidInput(`${target} must be an object or null.`, target);
	const entry = value as Record<string, unknown>;
	if (typeof entry.countryCode !== 'string' || entry.countryCode === '')
		return invalidInput(`${target}.countryCode is required.`, `${target}.countryCode`);
	return (
		checkPhoneNumberType(entry.phoneNumberType, `${target}.phoneNumberType`, apiVersion, true) ??
		checkAssignmentType(entry.assignmentType, `${target}.assignmentType`, true) ??
		checkCapabilities(entry.capabilities, `${target}.capabilities`, true)
	);
}

/** The reserved number, or the per-number error entry of a 207 answer. */
function reserveNumber(
	state: PhoneNumbersState,
	key: string,
	entry: Record<string, unknown>,
	now: number,
): { number: ReservedNumber; failure?: undefined } | { failure: Record<string, unknown> } {
	const pool = poolOfNumber(state, key);
	const capabilities = entry.capabilities as Capabilities;
	const assignmentType = entry.assignmentType as AssignmentType;
	const number =
		pool &&
		pool.country.countryCode === String(entry.countryCode).toUpperCase() &&
		pool.phoneNumberType === entry.phoneNumberType
			? availableNumber(pool, key, assignmentType, {
					calling: capabilities.calling,
					sms: capabilities.sms,
				})
			: undefined;
	const offering = pool?.country.offerings.find(
		(item) =>
			item.phoneNumberType === pool.phoneNumberType && item.assignmentType === assignmentType,
	);
	if (
		number &&
		offering &&
		capabilitiesWithin(capabilities, offering.availableCapabilities) &&
		!isTaken(state, key, now)
	)
		return { number };
	const failure = {
		id: key,
		countryCode: entry.countryCode,
		phoneNumber: `+${key}`,
		capabilities: entry.capabilities,
		phoneNumberType: entry.phoneNumberType,
		assignmentType: entry.assignmentType,
		...(number
			? { cost: number.cost, isAgreementToNotResellRequired: number.isAgreementToNotResellRequired }
			: {}),
		status: 'error',
		error: { ...FAILED_TO_RESERVE },
	};
	return { failure };
}

function deleteReservation(call: DomainCall): EmulatorReply {
	const reservation = findReservation(call);
	if (isReply(reservation)) return reservation;
	const status = reservationStatus(reservation, call.now);
	if (status !== 'active')
		return badRequest(
			`Reservation ${reservation.id} is ${status}; only active reservations can be deleted.`,
		);
	releaseReservationHolds(call.state, reservation);
	delete call.state.reservations[reservation.id];
	call.ctx.markDirty();
	return { status: 204 };
}

function purchaseReservation(call: DomainCall): EmulatorReply {
	const { state, req, now } = call;
	const reservation = findReservation(call);
	if (isReply(reservation)) return reservation;
	const body = req.body === undefined ? {} : bodyObject(req.body);
	if (isReply(body)) return body;
	if (body.agreeToNotResell !== undefined && typeof body.agreeToNotResell !== 'boolean') {
		return invalidInput('The agreeToNotResell field must be a boolean.', 'agreeToNotResell');
	}
	const status = reservationStatus(reservation, now);
	if (status !== 'active')
		return badRequest(
			`Reservation ${reservation.id} is ${status}; only active reservations can be purchased.`,
		);
	const numbers = Object.values(reservation.phoneNumbers);
	if (numbers.length === 0)
		return badRequest(`Reservation ${reservation.id} holds no phone numbers.`);
	if (
		numbers.some((number) => number.isAgreementToNotResellRequired) &&
		body.agreeToNotResell !== true
	)
		return agreementToNotResellMissing();
	reservation.status = 'submitted';
	const operationId = `reservationPurchase_${reservation.id}`;
	startOperation(state, {
		id: operationId,
		operationType: 'reservationPurchase',
		subject: reservation.id,
		now,
		apiVersion: req.apiVersion,
		resourceLocation: null,
	});
	call.ctx.markDirty();
	return {
		status: 202,
		headers: exposeHeaders({
			'Operation-Location': operationLocation(operationId, req.apiVersion),
			'operation-id': operationId,
			'reservation-purchase-id': reservation.id,
		}),
	};
}
