/** POST /operatorInformation/:search: one number per request, as the live service takes it. */
import type { EmulatorReply, Route } from '../../core/types';
import { badRequest, invalidInput } from '../errors';
import type { PhoneNumbersState } from '../model';
import { operatorInformation } from '../operatorInfo';
import { bodyObject, isReply } from '../validation';
import { JSON_OK, route, type DomainCall } from './route';

const E164 = /^\+[1-9]\d{6,14}$/;

export function operatorRoutes(getState: () => PhoneNumbersState): Route[] {
	return [
		route(
			'POST',
			/^\/operatorInformation\/(?::|%3[aA])search$/,
			getState,
			searchOperatorInformation,
		),
	];
}

function searchOperatorInformation(call: DomainCall): EmulatorReply {
	const body = bodyObject(call.req.body);
	if (isReply(body)) return body;
	const { phoneNumbers, options } = body;
	if (!Array.isArray(phoneNumbers) || phoneNumbers.length === 0)
		return invalidInput('The phoneNumbers field is required.', 'phoneNumbers');
	if (phoneNumbers.length > 1) return badRequest('Can only accept one phoneNumber');
	const invalid = phoneNumbers.find((entry) => typeof entry !== 'string' || !E164.test(entry));
	if (invalid !== undefined)
		return invalidInput(`'${String(invalid)}' is not an E.164 phone number.`, 'phoneNumbers');
	if (
		options !== undefined &&
		options !== null &&
		(typeof options !== 'object' || Array.isArray(options))
	) {
		return invalidInput('options must be an object.', 'options');
	}
	const includeDetails =
		(options as { includeAdditionalOperatorDetails?: unknown } | undefined)
			?.includeAdditionalOperatorDetails === true;
	return JSON_OK({
		values: (phoneNumbers as string[]).map((number) => operatorInformation(number, includeDetails)),
	});
}
