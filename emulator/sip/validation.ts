/**
 * The service's checks of a PATCH /sip body and of the document it would produce. The first problem found is the
 * refusal; its code goes in `innererror.code` under the top-level `UnprocessableConfiguration`. Codes without a
 * fixed service message below are this emulator's names for the limits of the service's specification.
 */
import { isPrototypeKey } from './mergePatch';
import { LIMITS, type SipDocument, type SipRoute } from './model';
import { checkNumberPattern } from './routeMatching';

export interface SipRefusal {
	code: string;
	status: 400 | 422;
	message: string;
}

/** The service's own messages for its documented codes. */
const SERVICE_MESSAGES: Record<string, string> = {
	EmptyPatch: 'Patch with no data provided.',
	InvalidTrunkFqdn: 'Trunk with an invalid FQDN.',
	InvalidTrunkSipSignalingPort: 'Trunk with an invalid SIP signaling port.',
	InvalidRouteName: 'Route with an invalid name.',
	InvalidRouteNumberPattern: 'Route with an invalid number pattern.',
	MissingTrunk: 'Route targeting a missing trunk.',
	DuplicatedRoute: 'There is a duplicated route.',
	RouteWithDuplicatedTrunk: 'There is a duplicated trunk in a route.',
};
const BAD_REQUEST_CODES = new Set(['DuplicatedRoute', 'RouteWithDuplicatedTrunk']);

function refusal(code: string, detail: string): SipRefusal {
	return {
		code,
		status: BAD_REQUEST_CODES.has(code) ? 400 : 422,
		message: SERVICE_MESSAGES[code] ?? detail,
	};
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A DNS name of at least two labels (a final dot allowed) whose last label is not a number. */
export function isFqdn(name: string): boolean {
	if (name.length === 0 || name.length > LIMITS.fqdnLength) return false;
	const labels = name.replace(/\.$/, '').split('.');
	return (
		labels.length >= 2 &&
		labels.every((label) => LABEL.test(label)) &&
		!/^\d+$/.test(labels[labels.length - 1])
	);
}

const isPort = (value: unknown): boolean =>
	Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;

/** A trunk lies under a domain when its FQDN is a strict subdomain of it; DNS names compare case-insensitively. */
export const liesUnder = (fqdn: string, domain: string): boolean =>
	fqdn.toLowerCase().endsWith(`.${domain.toLowerCase()}`);

function refuseRoute(route: unknown): SipRefusal | undefined {
	if (!isObject(route)) return refusal('InvalidRequestBody', 'Every route must be an object.');
	const { name, numberPattern, description, trunks } = route as Partial<
		Record<keyof SipRoute, unknown>
	>;
	if (typeof name !== 'string' || !/\S/.test(name) || name.length > LIMITS.routeNameLength)
		return refusal('InvalidRouteName', 'Route names are 1 to 256 characters, not only spaces.');
	if (
		typeof numberPattern !== 'string' ||
		numberPattern === '' ||
		numberPattern.length > LIMITS.numberPatternLength
	)
		return refusal('InvalidRouteNumberPattern', 'Number patterns are 1 to 1024 characters.');
	if (!checkNumberPattern(numberPattern).valid)
		return refusal(
			'InvalidRouteNumberPattern',
			'The number pattern is not a valid .NET regular expression.',
		);
	if (
		description !== undefined &&
		description !== null &&
		(typeof description !== 'string' || description.length > LIMITS.descriptionLength)
	)
		return refusal(
			'InvalidRouteDescription',
			'Route descriptions are text of at most 1024 characters.',
		);
	if (trunks === undefined || trunks === null) return undefined;
	if (!Array.isArray(trunks))
		return refusal('InvalidRequestBody', 'The trunks of a route must be a list of trunk FQDNs.');
	if (trunks.length > LIMITS.trunksPerRoute)
		return refusal('TooManyTrunksInRoute', 'A route lists at most 250 trunks.');
	if (new Set(trunks).size !== trunks.length) return refusal('RouteWithDuplicatedTrunk', '');
	return undefined;
}

/**
 * Everything the service checks in a whole document. `domainRules` (preview api-versions): once there are domains,
 * every trunk must lie under one of them.
 */
export function refuseDocument(
	document: SipDocument,
	domainRules: boolean,
): SipRefusal | undefined {
	for (const section of ['trunks', 'domains'] as const) {
		const value: unknown = document[section];
		if (value !== undefined && value !== null && !isObject(value))
			return refusal('InvalidRequestBody', `${section} must be an object keyed by name.`);
	}
	const routeList: unknown = document.routes;
	if (routeList !== undefined && routeList !== null && !Array.isArray(routeList))
		return refusal('InvalidRequestBody', 'routes must be a list.');
	const domains = Object.keys(isObject(document.domains) ? document.domains : {});
	const trunks = isObject(document.trunks) ? document.trunks : {};
	const routes: unknown[] = Array.isArray(document.routes) ? document.routes : [];
	if (domains.length > LIMITS.domains) return refusal('TooManyDomains', 'At most 250 domains.');
	if (domains.some((domain) => !isFqdn(domain)))
		return refusal('InvalidDomainName', 'Domain names are DNS names such as contoso.com.');
	if (Object.keys(trunks).length > LIMITS.trunks)
		return refusal('TooManyTrunks', 'At most 250 trunks.');
	for (const [fqdn, trunk] of Object.entries(trunks)) {
		if (!isFqdn(fqdn)) return refusal('InvalidTrunkFqdn', '');
		if (!isObject(trunk) || !isPort(trunk.sipSignalingPort))
			return refusal('InvalidTrunkSipSignalingPort', '');
		if (domainRules && domains.length > 0 && !domains.some((domain) => liesUnder(fqdn, domain)))
			return refusal(
				'TrunkNotUnderDomain',
				`Trunk ${fqdn} does not lie under any configured domain.`,
			);
	}
	if (routes.length > LIMITS.routes) return refusal('TooManyRoutes', 'At most 250 routes.');
	for (const route of routes) {
		const refused = refuseRoute(route);
		if (refused) return refused;
	}
	const names = routes.map((route) => (route as SipRoute).name);
	if (new Set(names).size !== names.length) return refusal('DuplicatedRoute', '');
	for (const route of routes as SipRoute[])
		if (
			(route.trunks ?? []).some((fqdn) => typeof fqdn !== 'string' || !Object.hasOwn(trunks, fqdn))
		)
			return refusal('MissingTrunk', '');
	return undefined;
}

/** A PATCH /sip body: its own shape, then the document it produces (`merged`). */
export function refusePatch(
	current: SipDocument,
	patch: unknown,
	merged: SipDocument,
	domainRules: boolean,
): SipRefusal | undefined {
	if (!isObject(patch)) return refusal('EmptyPatch', '');
	const changesMap = (section: unknown): boolean =>
		section === null || (isObject(section) && Object.keys(section).length > 0);
	if (!changesMap(patch.trunks) && !changesMap(patch.domains) && patch.routes === undefined)
		return refusal('EmptyPatch', '');
	for (const section of ['trunks', 'domains'] as const) {
		const value = patch[section];
		if (value !== undefined && value !== null && !isObject(value))
			return refusal('InvalidRequestBody', `${section} must be an object keyed by name.`);
	}
	if (patch.routes !== undefined && patch.routes !== null && !Array.isArray(patch.routes))
		return refusal('InvalidRequestBody', 'routes must be a list.');
	for (const [fqdn, update] of Object.entries(isObject(patch.trunks) ? patch.trunks : {})) {
		if (isPrototypeKey(fqdn)) return refusal('InvalidTrunkFqdn', '');
		if (update === null) continue;
		if (!isObject(update))
			return refusal('InvalidRequestBody', `Trunk ${fqdn} must be an object or null.`);
		if (!Object.hasOwn(current.trunks ?? {}, fqdn) && update.sipSignalingPort === undefined)
			return refusal('InvalidTrunkSipSignalingPort', '');
	}
	if (Object.keys(isObject(patch.domains) ? patch.domains : {}).some(isPrototypeKey))
		return refusal('InvalidDomainName', 'Domain names are DNS names such as contoso.com.');
	if (domainRules) {
		const resultTrunks = Object.keys(isObject(merged.trunks) ? merged.trunks : {});
		const deleted = Object.entries(isObject(patch.domains) ? patch.domains : {})
			.filter(([domain, update]) => update === null && Object.hasOwn(current.domains ?? {}, domain))
			.map(([domain]) => domain);
		if (deleted.some((domain) => resultTrunks.some((fqdn) => liesUnder(fqdn, domain))))
			return refusal('DomainInUse', 'A domain cannot be deleted while trunks lie under it.');
	}
	return refuseDocument(merged, domainRules);
}
