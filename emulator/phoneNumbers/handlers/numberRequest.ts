/** The part a browse and a search share: the country in the path and a body asking for a type of number. */
import type { EmulatorReply } from '../../core/types';
import type { CountryEntry } from '../catalog';
import {
	bodyObject,
	checkAssignmentType,
	checkCapabilities,
	checkPhoneNumberType,
	isReply,
	resolveCountry,
} from '../validation';
import type { DomainCall } from './route';

export interface NumberRequest {
	country: CountryEntry;
	body: Record<string, unknown>;
}

/**
 * Checks the country, then the body: phone number type (always required), assignment type and capabilities
 * (required when `requireAll`), then the operation's own fields with `checkRest`.
 */
export function readNumberRequest(
	call: DomainCall,
	requireAll: boolean,
	checkRest: (body: Record<string, unknown>) => EmulatorReply | undefined,
): NumberRequest | EmulatorReply {
	const country = resolveCountry(decodeURIComponent(call.match[1]));
	if (isReply(country)) return country;
	const body = bodyObject(call.req.body);
	if (isReply(body)) return body;
	const error =
		checkPhoneNumberType(body.phoneNumberType, 'phoneNumberType', call.req.apiVersion, true) ??
		checkAssignmentType(body.assignmentType, 'assignmentType', requireAll) ??
		checkCapabilities(body.capabilities, 'capabilities', requireAll) ??
		checkRest(body);
	return error ?? { country, body };
}
