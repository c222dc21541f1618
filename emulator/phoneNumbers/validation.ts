/** Field checks shared by the handlers. Each returns an error reply, or undefined when the value is fine. */
import type { EmulatorReply } from '../core/types';
import { findCountry, type CountryEntry } from './catalog';
import { invalidInput } from './errors';
import {
	ASSIGNMENT_TYPES,
	CAPABILITY_VALUES,
	PHONE_NUMBER_TYPES,
	type Capabilities,
	type CapabilityValue,
} from './model';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
	return GUID.test(value);
}

/** Mobile numbers exist from api-version 2025-06-01 (previews dated earlier do not have them). */
export function mobileSupported(apiVersion: string): boolean {
	return apiVersion.slice(0, 10) >= '2025-06-01';
}

export function checkPhoneNumberType(
	value: unknown,
	target: string,
	apiVersion: string,
	required: boolean,
): EmulatorReply | undefined {
	if (value === undefined || value === null || value === '') {
		return required ? invalidInput(`The ${target} field is required.`, target) : undefined;
	}
	const allowed = PHONE_NUMBER_TYPES.filter(
		(type) => type !== 'mobile' || mobileSupported(apiVersion),
	);
	if (typeof value !== 'string' || !(allowed as string[]).includes(value)) {
		return invalidInput(
			`The value '${String(value)}' is not valid for ${target}. Allowed values: ${allowed.join(', ')}.`,
			target,
		);
	}
	return undefined;
}

export function checkAssignmentType(
	value: unknown,
	target: string,
	required: boolean,
): EmulatorReply | undefined {
	if (value === undefined || value === null || value === '') {
		return required ? invalidInput(`The ${target} field is required.`, target) : undefined;
	}
	if (typeof value !== 'string' || !(ASSIGNMENT_TYPES as readonly string[]).includes(value)) {
		return invalidInput(
			`The value '${String(value)}' is not valid for ${target}. Allowed values: ${ASSIGNMENT_TYPES.join(', ')}.`,
			target,
		);
	}
	return undefined;
}

export function isCapabilityValue(value: unknown): value is CapabilityValue {
	return typeof value === 'string' && (CAPABILITY_VALUES as readonly string[]).includes(value);
}

/** Capabilities object; `complete` requires both calling and sms (search), else each is optional (browse, update). */
export function checkCapabilities(
	value: unknown,
	target: string,
	complete: boolean,
): EmulatorReply | undefined {
	if (value === undefined || value === null)
		return complete ? invalidInput(`The ${target} field is required.`, target) : undefined;
	if (typeof value !== 'object' || Array.isArray(value))
		return invalidInput(`The ${target} field must be an object.`, target);
	for (const field of ['calling', 'sms'] as const) {
		const entry = (value as Record<string, unknown>)[field];
		if (entry === undefined || entry === null) {
			if (complete)
				return invalidInput(`The ${target}.${field} field is required.`, `${target}.${field}`);
			continue;
		}
		if (!isCapabilityValue(entry)) {
			return invalidInput(
				`The value '${String(entry)}' is not valid for ${target}.${field}. Allowed values: ${CAPABILITY_VALUES.join(', ')}.`,
				`${target}.${field}`,
			);
		}
	}
	return undefined;
}

const INBOUND: Record<CapabilityValue, boolean> = {
	none: false,
	inbound: true,
	outbound: false,
	'inbound+outbound': true,
};
const OUTBOUND: Record<CapabilityValue, boolean> = {
	none: false,
	inbound: false,
	outbound: true,
	'inbound+outbound': true,
};

/** Whether `wanted` asks for nothing beyond `available`. */
export function capabilityWithin(wanted: CapabilityValue, available: CapabilityValue): boolean {
	return (!INBOUND[wanted] || INBOUND[available]) && (!OUTBOUND[wanted] || OUTBOUND[available]);
}

export function capabilitiesWithin(
	wanted: Partial<Capabilities>,
	available: Capabilities,
): boolean {
	return (
		(wanted.calling === undefined || capabilityWithin(wanted.calling, available.calling)) &&
		(wanted.sms === undefined || capabilityWithin(wanted.sms, available.sms))
	);
}

export function resolveCountry(countryCode: string): CountryEntry | EmulatorReply {
	const country = /^[A-Za-z]{2}$/.test(countryCode) ? findCountry(countryCode) : undefined;
	return (
		country ?? invalidInput(`The country code '${countryCode}' is not supported.`, 'countryCode')
	);
}

export function isReply(value: unknown): value is EmulatorReply {
	return (
		typeof value === 'object' &&
		value !== null &&
		'status' in value &&
		typeof (value as EmulatorReply).status === 'number'
	);
}

export function bodyObject(body: unknown): Record<string, unknown> | EmulatorReply {
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		return invalidInput('The request body must be a JSON object.', 'body');
	return body as Record<string, unknown>;
}
