/**
 * What the service answers for GET /sip, checked before anything works on it: a document the service could never
 * hold (wrong shapes, more entries than its limits) would otherwise crash or stall planning and matching.
 */
import { SIP_LIMITS } from '../../shared/acs/sip/types';

const isMap = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

function mapProblem(document: Record<string, unknown>, field: 'trunks' | 'domains', limit: number): string | undefined {
	const value = document[field];
	if (value === undefined || value === null) return undefined;
	if (!isMap(value)) return `"${field}" is not a map of ${field} keyed by name`;
	const count = Object.keys(value as object).length;
	return count > limit ? `${count} ${field}, while the service holds at most ${limit}` : undefined;
}

function routesProblem(routes: unknown): string | undefined {
	if (routes === undefined || routes === null) return undefined;
	if (!Array.isArray(routes)) return '"routes" is not a list';
	if (routes.length > SIP_LIMITS.maxRoutes) return `${routes.length} routes, while the service holds at most ${SIP_LIMITS.maxRoutes}`;
	const bad = routes.findIndex((route) => !isMap(route));
	return bad >= 0 ? `route ${bad + 1} is not an object` : undefined;
}

/** Why the answer is not a SIP configuration this node can work on; undefined when it is. */
export function storedDocumentProblem(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (!isMap(body)) return 'the answer is not a JSON object';
	const document = body as Record<string, unknown>;
	return (
		mapProblem(document, 'trunks', SIP_LIMITS.maxTrunks) ??
		mapProblem(document, 'domains', SIP_LIMITS.maxDomains) ??
		routesProblem(document.routes)
	);
}
