/** What to do about an ACS error: one or two sentences for the user, chosen by code, innererror code or status. */

export interface AcsErrorFacts {
	status?: number;
	code?: string;
	innerCode?: string;
	message?: string;
	/** Content-Type of the error response, to recognise HTML error pages. */
	contentType?: string;
	/** `error.target` of the answer (the live service writes it in lower case: `phonenumber`, `searchid`). */
	target?: string;
	/** Path of the refused request, as sent: it names the number of a `/phoneNumbers/{number}` request. */
	requestPath?: string;
}

const BY_CODE: Record<string, string> = {
	EmptyPatch:
		'The change sent to the SIP configuration was empty: nothing to update. Check that the trunks, routes or domains you meant to change were filled in.',
	InvalidTrunkFqdn:
		'A trunk FQDN is invalid: use the SBC host name only (e.g. sbc.contoso.com), 1-249 characters, letters, digits, hyphens and dots.',
	InvalidTrunkSipSignalingPort:
		'A trunk has an invalid SIP signaling port: use a whole number from 1 to 65535 (usually 5061).',
	InvalidRouteName:
		'A route has an empty or too long name (at most 256 characters): give every route a unique name.',
	InvalidRouteNumberPattern:
		'A route number pattern is empty, longer than 1024 characters, or not a valid .NET regular expression. Example: ^\\+1\\d{10}$ (escape the plus sign).',
	InvalidRegex:
		'A route number pattern is not a regular expression the service accepts. Example: ^\\+1\\d{10}$ (escape the plus sign).',
	MissingTrunk:
		'A route uses a trunk that does not exist, or a trunk still used by a route was being deleted. Create trunks before the routes that use them, and remove a trunk from every route before deleting it.',
	DuplicatedRoute: 'Two routes have the same name: route names must be unique.',
	RouteWithDuplicatedTrunk: 'A route lists the same trunk twice: list each trunk once per route.',
	UnsupportedMediaType:
		'The request had the wrong Content-Type (PATCH /sip needs application/merge-patch+json). This is a client bug: report it.',
	UnprocessableConfiguration:
		'The SIP configuration was refused; the inner error says which rule was broken.',
	InternalError:
		'The service failed internally. Try again later; if it persists, contact Azure support with the correlation id.',
	OutOfStock:
		'No numbers matching the search are available right now: try another area code, locality or number type, or a smaller quantity.',
	NoError: 'The search reported no error.',
	AuthorizationDenied:
		'The resource is not allowed to acquire numbers of this kind in this country: check the eligibility rules for your subscription type and country.',
	MissingAddress:
		'An address is required for these numbers: add a valid address for the country in the Azure portal.',
	InvalidAddress:
		'The address on file is not valid for these numbers: correct it in the Azure portal.',
	InvalidOfferModel:
		'The requested offer (number type, assignment type, capabilities) does not exist in this country: list offerings to see what is available.',
	NotEnoughLicenses:
		'Not enough licenses for this purchase: request a quota increase or contact Azure support.',
	NoWallet: 'No billing account is set up for this resource: check the subscription billing.',
	NotEnoughCredit: 'Not enough credit on the billing account.',
	NumbersPartiallyAcquired:
		'Only some numbers could be acquired: list purchased numbers to see which.',
	AllNumbersNotAcquired: 'None of the numbers could be acquired: search again.',
	ReservationExpired:
		'The reservation expired (15 minutes without change, 2 hours at most): create a new one and purchase promptly.',
	PurchaseFailed:
		'The purchase failed: search again and retry; if it persists, contact Azure support with the operation id.',
	BillingUnavailable: 'Billing is temporarily unavailable: try again later.',
	ProvisioningFailed:
		'Provisioning failed: try again later or contact Azure support with the operation id.',
	UnknownErrorCode:
		'The service reported an unknown error: try again, then contact Azure support with the correlation id.',
	FailedToReserveNumber:
		'This number could not be reserved (taken by someone else or no longer available): browse again and reserve another number.',
	NotFound: 'Not found: check the identifier (phone numbers in E.164 with "+", e.g. +14255550100).',
};

/** The number a refusal is about: from the live message ("Input phoneNumber +1... cannot be found."), else the path. */
function refusedNumber(facts: AcsErrorFacts): string {
	const quoted = /phoneNumber (\S+) cannot be found/i.exec(facts.message ?? '')?.[1];
	if (quoted) return quoted;
	const segment = /^\/phoneNumbers\/([^/?]+)/.exec(facts.requestPath ?? '')?.[1];
	if (!segment || segment === 'operations') return 'The number';
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/** Refusals of one number or one search, named by the live service's `error.target`. */
function hintForTarget(facts: AcsErrorFacts): string | undefined {
	const target = facts.target?.toLowerCase();
	if (target === 'phonenumber' && facts.code === 'NotFound')
		return `${refusedNumber(facts)} is not in this resource's inventory: check Phone Number -> Get Many, and that the credential (connection string or endpoint) is for the resource that owns the number.`;
	if (target === 'phonenumber' && facts.code === 'InsufficientPermissions')
		return `${refusedNumber(facts)} is not owned by this resource: it is not in its inventory (check Phone Number -> Get Many), or the credential (connection string or endpoint) is for another resource.`;
	if (target === 'searchid' && facts.code === 'NotFound') {
		const searchId = /searchId (\S+) cannot be found/i.exec(facts.message ?? '')?.[1];
		return `${searchId ? `Search ${searchId}` : 'The search'} is not known to this resource: it has expired (a search is held until its searchExpiresBy, about 16 minutes) or it was made with another resource. Search again with this credential and purchase before the search expires.`;
	}
	return undefined;
}

/** The live answer to a search no offering can satisfy: an InternalError in a 400, the inner error BadRequest. */
function isSearchWithoutOffering(facts: AcsErrorFacts): boolean {
	const aSearch =
		facts.requestPath === undefined || /\/(:|%3a)search$/i.test(facts.requestPath.split('?')[0]);
	return (
		facts.status === 400 &&
		facts.code === 'InternalError' &&
		facts.innerCode === 'BadRequest' &&
		aSearch
	);
}

const NO_OFFERING =
	'No offering matches this search: the country does not offer this number type with this assignment type and these capabilities. Check Catalog -> List Offerings for what the country offers, then search for one of those.';

export function hintForAcsError(facts: AcsErrorFacts): string | undefined {
	const message = facts.message ?? '';
	const forTarget = hintForTarget(facts);
	if (forTarget) return forTarget;
	if (isSearchWithoutOffering(facts)) return NO_OFFERING;
	if (facts.contentType?.includes('text/html') || /^\s*<(!doctype|html)/i.test(message))
		return 'The service answered with an HTML page instead of JSON (an outage or gateway page such as "Our services aren\'t available right now"). Retry later; check the endpoint if it persists.';
	if (facts.innerCode && BY_CODE[facts.innerCode]) return BY_CODE[facts.innerCode];
	if (facts.code && BY_CODE[facts.code] && facts.code !== 'UnprocessableConfiguration')
		return BY_CODE[facts.code];
	if (/cannot be found|not found/i.test(message) || facts.status === 404)
		return 'Not found: check the phone number (E.164 with "+", e.g. +14255550100) or the id, and that it belongs to this resource.';
	if (/expired/i.test(message) || facts.status === 410)
		return 'The search or reservation has expired: search (or reserve) again, then purchase before it expires.';
	if (facts.status === 401) {
		if (/signature|hmac|date|time/i.test(message) || facts.code === 'InvalidAuthenticationInfo')
			return "The request signature was refused: check the access key in the connection string, and that this machine's clock is correct (requests older than 15 minutes are refused).";
		return "Not authenticated: for a connection string, check the access key and that this machine's clock is correct (signatures older than 15 minutes are refused); for Entra ID, check the tenant, client id and secret/certificate.";
	}
	if (facts.status === 403 || /denied by the resource provider/i.test(message))
		return "Not allowed: for Entra ID give the identity a role on the Communication Services resource (e.g. Contributor); for connection strings check you use this resource's key.";
	if (facts.status === 429)
		return 'Too many requests: the service is throttling. Retries were exhausted; wait a minute, then run again with fewer items in parallel.';
	if (facts.code === 'UnprocessableConfiguration') return BY_CODE.UnprocessableConfiguration;
	if (facts.status !== undefined && facts.status >= 500)
		return 'The service had a temporary problem: try again later; if it persists, contact Azure support with the correlation id.';
	return undefined;
}
