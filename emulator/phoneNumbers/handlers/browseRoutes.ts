/** Browse: a random sample of free numbers (not held, not purchased), not paginated. */
import type { EmulatorReply, Route } from '../../core/types';
import { availableNumber } from '../available';
import { invalidInput, unparsableCountryCode } from '../errors';
import { matchingPools, poolOfNumber, sampleFreeNumbers } from '../inventory';
import type { AssignmentType, Capabilities, PhoneNumberType, PhoneNumbersState } from '../model';
import { capabilitiesWithin, isReply } from '../validation';
import { readNumberRequest } from './numberRequest';
import { JSON_OK, route, type DomainCall } from './route';

export function browseRoutes(getState: () => PhoneNumbersState): Route[] {
	return [
		route(
			'POST',
			/^\/availablePhoneNumbers\/countries\/([^/]+)\/(?::|%3[aA])browse$/,
			getState,
			browse,
		),
	];
}

function browse(call: DomainCall): EmulatorReply {
	const { state, now } = call;
	if (
		!parsableCountryCode(decodeURIComponent(call.match[1])) &&
		call.req.apiVersion.slice(0, 10) >= '2025-04-01'
	)
		return unparsableCountryCode();
	const request = readNumberRequest(call, false, (fields) =>
		checkPrefixes(fields.phoneNumberPrefixes),
	);
	if (isReply(request)) return request;
	const { country, body } = request;
	const phoneNumberType = body.phoneNumberType as PhoneNumberType;
	const wanted = (body.capabilities ?? {}) as Partial<Capabilities>;
	const offerings = country.offerings.filter(
		(entry) =>
			entry.phoneNumberType === phoneNumberType &&
			(body.assignmentType === undefined || entry.assignmentType === body.assignmentType) &&
			capabilitiesWithin(wanted, entry.availableCapabilities),
	);
	if (offerings.length === 0) return JSON_OK({ phoneNumbers: [] });
	const offering = offerings[0];
	const assignmentType = offering.assignmentType as AssignmentType;
	const capabilities: Capabilities = { ...offering.availableCapabilities, ...wanted };
	const prefixes = ((body.phoneNumberPrefixes as string[] | undefined) ?? []).map((prefix) =>
		prefix.replace(/^\+/, ''),
	);
	const pools = matchingPools(state, { countryCode: country.countryCode, phoneNumberType });
	const digits = sampleFreeNumbers(
		state,
		pools,
		state.settings.browseSampleSize,
		prefixes,
		now,
		call.ctx.random,
	);
	const phoneNumbers = digits.map((entry) => {
		const number = availableNumber(
			poolOfNumber(state, entry)!,
			entry,
			assignmentType,
			capabilities,
		)!;
		return { ...number, status: 'available' };
	});
	return JSON_OK({ phoneNumbers });
}

/** Two letters; a two-letter code of a country without numbers keeps the emulator's "not supported" answer. */
function parsableCountryCode(countryCode: string): boolean {
	return /^[A-Za-z]{2}$/.test(countryCode);
}

function checkPrefixes(value: unknown): EmulatorReply | undefined {
	if (value === undefined || value === null) return undefined;
	if (
		!Array.isArray(value) ||
		value.some((entry) => typeof entry !== 'string' || !/^\+?\d{1,15}$/.test(entry))
	) {
		return invalidInput(
			'phoneNumberPrefixes must be an array of digit strings such as "1425".',
			'phoneNumberPrefixes',
		);
	}
	return undefined;
}
