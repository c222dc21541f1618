/**
 * Validation of the SIP document as the service performs it. Used by the emulator (to answer
 * as the service) and by the SIP node (to refuse before sending). Issues carry the service's innererror code
 * and HTTP status; the top-level error code is always `UnprocessableConfiguration`.
 *
 * Codes marked [?] are not documented; they are this project's choice for limits the spec states
 * (maxProperties/maxItems/maxLength) but whose live error code is unknown.
 */
import { translateDotnetRegex } from './dotnetRegex';
import { isForbiddenKey } from './mergePatch';
import {
	SIP_LIMITS,
	type SipConfiguration,
	type SipConfigurationPatch,
	type SipRoute,
} from './types';
import {
	validateFqdn,
	validatePort,
	validateRouteDescription,
	validateRouteName,
	validateRouteNumberPatternLength,
} from '../validators';

export type SipIssueCode =
	| 'EmptyPatch'
	| 'InvalidTrunkFqdn'
	| 'InvalidTrunkSipSignalingPort'
	| 'InvalidRouteName'
	| 'InvalidRouteNumberPattern'
	| 'InvalidRouteDescription' // [?]
	| 'MissingTrunk'
	| 'DuplicatedRoute'
	| 'RouteWithDuplicatedTrunk'
	| 'TooManyTrunks' // [?]
	| 'TooManyRoutes' // [?]
	| 'TooManyTrunksInRoute' // [?]
	| 'TooManyDomains' // [?]
	| 'InvalidDomainName' // [?]
	| 'TrunkNotUnderDomain' // [?] domain-era previews only (domainRules)
	| 'DomainInUse' // [?] domain-era previews only (domainRules)
	| 'InvalidRequestBody'; // [?] wrong JSON shapes

export interface SipConfigIssue {
	code: SipIssueCode;
	httpStatus: 400 | 422;
	message: string;
	/** 'trunks/<fqdn>', 'routes/<name>', 'domains/<name>' or '' */
	target: string;
}

/** The service's fixed messages for its documented codes. */
export const SERVICE_MESSAGES: Partial<Record<SipIssueCode, string>> = {
	EmptyPatch: 'Patch with no data provided.',
	InvalidTrunkFqdn: 'Trunk with an invalid FQDN.',
	InvalidTrunkSipSignalingPort: 'Trunk with an invalid SIP signaling port.',
	InvalidRouteName: 'Route with an invalid name.',
	InvalidRouteNumberPattern: 'Route with an invalid number pattern.',
	MissingTrunk: 'Route targeting a missing trunk.',
	DuplicatedRoute: 'There is a duplicated route.',
	RouteWithDuplicatedTrunk: 'There is a duplicated trunk in a route.',
};

export interface SipValidationOptions {
	/** Also check .NET syntax of number patterns (the service refuses what .NET refuses). Default true. */
	checkPatternSyntax?: boolean;
	/**
	 * Domain-era preview rules (preview api-versions only; GA never applies them). Once the document has domains,
	 * every trunk FQDN must lie under one of them (a strict subdomain: sbc.contoso.com under contoso.com), and a
	 * domain cannot be deleted while a trunk lies under it. Default false.
	 */
	domainRules?: boolean;
}

/** True when `fqdn` is a strict subdomain of `domain` (DNS names compare case-insensitively). */
export function isUnderDomain(fqdn: string, domain: string): boolean {
	return fqdn.toLowerCase().endsWith(`.${domain.toLowerCase()}`);
}

function issue(code: SipIssueCode, message: string, target: string): SipConfigIssue {
	const httpStatus = code === 'DuplicatedRoute' || code === 'RouteWithDuplicatedTrunk' ? 400 : 422;
	return { code, httpStatus, message, target };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function validateRoute(
	route: SipRoute,
	index: number,
	options: SipValidationOptions,
): SipConfigIssue[] {
	const issues: SipConfigIssue[] = [];
	if (!isObject(route))
		return [
			issue('InvalidRequestBody', `Route #${index + 1} is not an object.`, `routes/${index}`),
		];
	const label = typeof route.name === 'string' && route.name !== '' ? route.name : `#${index + 1}`;
	const target = `routes/${label}`;
	const nameError = validateRouteName(route.name);
	if (nameError) issues.push(issue('InvalidRouteName', `Route ${label}: ${nameError}`, target));
	const patternError = validateRouteNumberPatternLength(route.numberPattern, label);
	if (patternError) issues.push(issue('InvalidRouteNumberPattern', patternError, target));
	else if (options.checkPatternSyntax !== false) {
		const compiled = translateDotnetRegex(route.numberPattern);
		if (!compiled.ok)
			issues.push(
				issue('InvalidRouteNumberPattern', `Route "${label}": ${compiled.error}`, target),
			);
	}
	const descriptionError = validateRouteDescription(route.description, label);
	if (descriptionError) issues.push(issue('InvalidRouteDescription', descriptionError, target));
	if (route.trunks !== undefined && route.trunks !== null && !Array.isArray(route.trunks))
		issues.push(
			issue(
				'InvalidRequestBody',
				`Route "${label}": trunks must be a list of trunk FQDNs.`,
				target,
			),
		);
	const trunks = Array.isArray(route.trunks) ? route.trunks : [];
	if (trunks.length > SIP_LIMITS.maxTrunksPerRoute)
		issues.push(
			issue(
				'TooManyTrunksInRoute',
				`Route "${label}" lists ${trunks.length} trunks; at most 250 are allowed.`,
				target,
			),
		);
	const seen = new Set<string>();
	for (const fqdn of trunks) {
		if (seen.has(fqdn))
			issues.push(
				issue(
					'RouteWithDuplicatedTrunk',
					`Route "${label}" lists trunk ${fqdn} more than once.`,
					target,
				),
			);
		seen.add(fqdn);
	}
	return issues;
}

/** Everything wrong with a complete SIP document (empty list when it is valid). */
export function validateSipConfiguration(
	config: SipConfiguration,
	options: SipValidationOptions = {},
): SipConfigIssue[] {
	const issues: SipConfigIssue[] = [];
	const trunks = isObject(config.trunks) ? config.trunks : {};
	const routes = Array.isArray(config.routes) ? config.routes : [];
	const domains = isObject(config.domains) ? config.domains : {};

	for (const name of Object.keys(domains)) {
		const error = validateFqdn(name, 'Domain');
		if (error) issues.push(issue('InvalidDomainName', error, `domains/${name}`));
	}
	if (Object.keys(domains).length > SIP_LIMITS.maxDomains)
		issues.push(
			issue(
				'TooManyDomains',
				`${Object.keys(domains).length} domains; at most 250 are allowed.`,
				'domains',
			),
		);

	for (const [fqdn, trunk] of Object.entries(trunks)) {
		const fqdnError = validateFqdn(fqdn, 'Trunk FQDN');
		if (fqdnError) issues.push(issue('InvalidTrunkFqdn', fqdnError, `trunks/${fqdn}`));
		const port = isObject(trunk) ? trunk.sipSignalingPort : undefined;
		const portError = validatePort(port);
		if (portError)
			issues.push(
				issue('InvalidTrunkSipSignalingPort', `Trunk ${fqdn}: ${portError}`, `trunks/${fqdn}`),
			);
	}
	const domainNames = Object.keys(domains);
	if (options.domainRules && domainNames.length > 0) {
		for (const fqdn of Object.keys(trunks)) {
			if (!domainNames.some((domain) => isUnderDomain(fqdn, domain)))
				issues.push(
					issue(
						'TrunkNotUnderDomain',
						`Trunk ${fqdn} is not under any configured domain (${domainNames.join(', ')}): add its domain first.`,
						`trunks/${fqdn}`,
					),
				);
		}
	}
	if (Object.keys(trunks).length > SIP_LIMITS.maxTrunks)
		issues.push(
			issue(
				'TooManyTrunks',
				`${Object.keys(trunks).length} trunks; at most 250 are allowed.`,
				'trunks',
			),
		);

	if (routes.length > SIP_LIMITS.maxRoutes)
		issues.push(
			issue('TooManyRoutes', `${routes.length} routes; at most 250 are allowed.`, 'routes'),
		);
	routes.forEach((route, index) => issues.push(...validateRoute(route, index, options)));

	const names = new Map<string, number>();
	for (const route of routes) {
		if (!isObject(route) || typeof route.name !== 'string' || route.name === '') continue;
		names.set(route.name, (names.get(route.name) ?? 0) + 1);
	}
	for (const [name, count] of names) {
		if (count > 1)
			issues.push(
				issue(
					'DuplicatedRoute',
					`There are ${count} routes named "${name}"; route names must be unique.`,
					`routes/${name}`,
				),
			);
	}

	for (const route of routes) {
		if (!isObject(route) || !Array.isArray(route.trunks)) continue;
		for (const fqdn of new Set(route.trunks)) {
			if (!Object.prototype.hasOwnProperty.call(trunks, fqdn))
				issues.push(
					issue(
						'MissingTrunk',
						`Route "${route.name}" uses trunk ${fqdn}, which does not exist: create the trunk first.`,
						`routes/${route.name}`,
					),
				);
		}
	}
	return issues;
}

/**
 * Issues of the patch itself (empty patch, wrong shapes, invalid trunk keys or ports), then of the document it
 * would produce. `result` is the merged document (from applySipPatch), passed in to avoid merging twice.
 */
export function validateSipPatch(
	current: SipConfiguration,
	patch: unknown,
	result: SipConfiguration,
	options: SipValidationOptions = {},
): SipConfigIssue[] {
	if (!isObject(patch)) return [issue('EmptyPatch', SERVICE_MESSAGES.EmptyPatch!, '')];
	const p = patch as SipConfigurationPatch & Record<string, unknown>;
	const hasTrunks = isObject(p.trunks) && Object.keys(p.trunks).length > 0;
	const hasDomains = isObject(p.domains) && Object.keys(p.domains).length > 0;
	const hasRoutes = p.routes !== undefined && p.routes !== null;
	if (
		!hasTrunks &&
		!hasDomains &&
		!hasRoutes &&
		p.trunks !== null &&
		p.domains !== null &&
		p.routes !== null
	)
		return [issue('EmptyPatch', SERVICE_MESSAGES.EmptyPatch!, '')];
	const issues: SipConfigIssue[] = [];
	if (hasRoutes && !Array.isArray(p.routes))
		issues.push(issue('InvalidRequestBody', 'routes must be a list of routes.', 'routes'));
	for (const section of ['trunks', 'domains'] as const) {
		if (p[section] !== undefined && p[section] !== null && !isObject(p[section]))
			issues.push(
				issue('InvalidRequestBody', `${section} must be an object keyed by FQDN.`, section),
			);
	}
	const currentTrunks = current.trunks ?? {};
	for (const [fqdn, update] of Object.entries(isObject(p.trunks) ? p.trunks : {})) {
		if (isForbiddenKey(fqdn)) {
			issues.push(
				issue('InvalidTrunkFqdn', `Trunk FQDN "${fqdn}" is not a valid FQDN.`, `trunks/${fqdn}`),
			);
			continue;
		}
		if (update === null) continue;
		if (!isObject(update)) {
			issues.push(
				issue('InvalidRequestBody', `Trunk ${fqdn} must be an object or null.`, `trunks/${fqdn}`),
			);
			continue;
		}
		const isNew = !Object.prototype.hasOwnProperty.call(currentTrunks, fqdn);
		if (isNew && update.sipSignalingPort === undefined)
			issues.push(
				issue(
					'InvalidTrunkSipSignalingPort',
					`New trunk ${fqdn} needs a SIP signaling port (1-65535).`,
					`trunks/${fqdn}`,
				),
			);
	}
	for (const fqdn of Object.keys(isObject(p.domains) ? p.domains : {})) {
		if (isForbiddenKey(fqdn))
			issues.push(
				issue(
					'InvalidDomainName',
					`Domain "${fqdn}" is not a valid domain name.`,
					`domains/${fqdn}`,
				),
			);
	}
	if (options.domainRules) issues.push(...domainsStillInUse(current, p, result));
	const resultIssues = validateSipConfiguration(result, options);
	for (const found of resultIssues) {
		if (!issues.some((i) => i.code === found.code && i.target === found.target)) issues.push(found);
	}
	// A trunk deleted while a route still uses it is reported as MissingTrunk, naming the deletion.
	for (const found of issues) {
		if (found.code !== 'MissingTrunk') continue;
		const fqdn = /trunk (\S+),/.exec(found.message)?.[1];
		if (fqdn && isObject(p.trunks) && p.trunks[fqdn] === null)
			found.message = `Trunk ${fqdn} cannot be deleted: route "${found.target.slice('routes/'.length)}" uses it. Change or remove the route first.`;
	}
	return issues;
}

/** Domains the patch deletes while trunks of the resulting document still lie under them. */
function domainsStillInUse(
	current: SipConfiguration,
	patch: SipConfigurationPatch,
	result: SipConfiguration,
): SipConfigIssue[] {
	if (!isObject(patch.domains) || !isObject(current.domains)) return [];
	const deleted = Object.entries(patch.domains)
		.filter(
			([domain, update]) =>
				update === null && Object.prototype.hasOwnProperty.call(current.domains, domain),
		)
		.map(([domain]) => domain);
	return domainInUseIssues(deleted, result);
}

/**
 * The DomainInUse rule between two whole documents (domainRules): domains of `before` that `after` no longer
 * has while trunks of `after` still lie under them.
 */
export function domainsRemovedWhileInUse(
	before: SipConfiguration,
	after: SipConfiguration,
): SipConfigIssue[] {
	const beforeDomains = isObject(before.domains) ? Object.keys(before.domains) : [];
	const afterDomains = isObject(after.domains) ? after.domains : {};
	return domainInUseIssues(
		beforeDomains.filter((domain) => !Object.prototype.hasOwnProperty.call(afterDomains, domain)),
		after,
	);
}

function domainInUseIssues(deletedDomains: string[], result: SipConfiguration): SipConfigIssue[] {
	const trunks = Object.keys(isObject(result.trunks) ? result.trunks : {});
	const issues: SipConfigIssue[] = [];
	for (const domain of deletedDomains) {
		const inUse = trunks.filter((fqdn) => isUnderDomain(fqdn, domain));
		if (inUse.length > 0)
			issues.push(
				issue(
					'DomainInUse',
					`Domain ${domain} cannot be deleted: trunk(s) ${inUse.join(', ')} lie under it. Delete or move them first.`,
					`domains/${domain}`,
				),
			);
	}
	return issues;
}
