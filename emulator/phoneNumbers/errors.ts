/**
 * The ACS error replies of this domain (documented in README.md and docs/acs-service-notes.md):
 * 400 InvalidInput (a field is missing or invalid; target names it), 400 BadRequest (valid request, wrong state),
 * 400 InternalError (no offering can satisfy a search), 403 InsufficientPermissions, 404 NotFound,
 * 409 Conflict (a search bought or being bought), 415 UnsupportedMediaType.
 */
import { acsError, type EmulatorReply } from '../core/types';

export function invalidInput(message: string, target: string): EmulatorReply {
	return acsError(400, 'InvalidInput', message, { target });
}

export function badRequest(message: string, target?: string): EmulatorReply {
	return acsError(400, 'BadRequest', message, target === undefined ? {} : { target });
}

export function notFound(message: string): EmulatorReply {
	return acsError(404, 'NotFound', message);
}

/** The live answer for a number the resource does not have (GET, release). */
export function phoneNumberNotFound(phoneNumber: string): EmulatorReply {
	return acsError(404, 'NotFound', `Input phoneNumber ${phoneNumber} cannot be found.`, {
		target: 'phonenumber',
	});
}

/** The live answer to a capabilities update of a number the resource does not own, or of an invalid one. */
export function phoneNumberNotOwned(): EmulatorReply {
	return acsError(403, 'InsufficientPermissions', 'Phone number not owned by this resource.', {
		target: 'phonenumber',
	});
}

export function searchNotFound(searchId: string): EmulatorReply {
	return acsError(404, 'NotFound', `Input searchId ${searchId} cannot be found.`, {
		target: 'searchid',
	});
}

/** The live answer to a search no offering can satisfy: an InternalError in a 400, the inner error saying BadRequest. */
export function noOfferingForSearch(): EmulatorReply {
	return {
		status: 400,
		body: {
			error: {
				code: 'InternalError',
				message: 'The server encountered an internal error.',
				innererror: { code: 'BadRequest' },
			},
		},
	};
}

export function unparsableCountryCode(): EmulatorReply {
	return acsError(400, 'InvalidInput', 'Unable to parse country code.', { target: 'countrycode' });
}

export function agreementToNotResellMissing(): EmulatorReply {
	return badRequest(
		'Do not resell agreement was not provided and it is required for this purchase.',
	);
}

export function conflict(message: string): EmulatorReply {
	return acsError(409, 'Conflict', message);
}
