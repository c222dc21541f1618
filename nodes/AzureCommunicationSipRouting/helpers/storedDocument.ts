/**
 * What the service answers for GET /sip, checked before anything works on it: a document the service could never
 * hold (wrong shapes, more entries than its limits, a route using a trunk it does not have) would otherwise crash,
 * stall, or mislead planning and matching.
 */
import { SIP_LIMITS } from '../../shared/acs/sip/types';

type Document = Record<string, unknown>;

const isMap = (value: unknown): value is Document =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function mapProblem(
	document: Document,
	field: 'trunks' | 'domains',
	limit: number,
): string | undefined {
	const value = document[field];
	if (value === undefined || value === null) return undefined;
	if (!isMap(value)) return `"${field}" is not a map of ${field} keyed by name`;
	const names = Object.keys(value);
	if (names.length > limit)
		return `${names.length} ${field}, while the service holds at most ${limit}`;
	const singular = field === 'trunks' ? 'trunk' : 'domain';
	const bad = names.find((name) => !isMap(value[name]));
	return bad === undefined ? undefined : `${singular} "${bad}" is not an object`;
}

function routeProblem(route: unknown, trunkNames: Set<string>): string | undefined {
	if (!isMap(route)) return 'is not an object';
	if (typeof route.name !== 'string') return '"name" is not text';
	const label = `("${route.name}")`;
	if (typeof route.numberPattern !== 'string') return `${label}: "numberPattern" is not text`;
	const trunks = route.trunks ?? [];
	if (!Array.isArray(trunks) || trunks.some((trunk) => typeof trunk !== 'string'))
		return `${label}: "trunks" is not a list of trunk names`;
	if (trunks.length > SIP_LIMITS.maxTrunksPerRoute) {
		return `${label} lists ${trunks.length} trunks, while the service allows at most ${SIP_LIMITS.maxTrunksPerRoute}`;
	}
	const unknown = (trunks as string[]).find((trunk) => !trunkNames.has(trunk.toLowerCase()));
	return unknown === undefined
		? undefined
		: `${label} uses the trunk "${unknown}", which is not in the trunks`;
}

function routesProblem(routes: unknown, trunks: unknown): string | undefined {
	if (routes === undefined || routes === null) return undefined;
	if (!Array.isArray(routes)) return '"routes" is not a list';
	if (routes.length > SIP_LIMITS.maxRoutes)
		return `${routes.length} routes, while the service holds at most ${SIP_LIMITS.maxRoutes}`;
	const trunkNames = new Set(
		Object.keys(isMap(trunks) ? trunks : {}).map((name) => name.toLowerCase()),
	);
	for (let index = 0; index < routes.length; index++) {
		const problem = routeProblem(routes[index], trunkNames);
		if (problem) return `route ${index + 1} ${problem}`;
	}
	return undefined;
}

/** Why the answer is not a SIP configuration this node can work on; undefined when it is. */
export function storedDocumentProblem(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (!isMap(body)) return 'the answer is not a JSON object';
	return (
		mapProblem(body, 'trunks', SIP_LIMITS.maxTrunks) ??
		mapProblem(body, 'domains', SIP_LIMITS.maxDomains) ??
		routesProblem(body.routes, body.trunks)
	);
}
