/**
 * Where the node's pre-validation and the emulator answer a PATCH /sip differently, understood and accepted. Each
 * entry says which side is right (as far as the service's behaviour is known) and why; docs/sip-routing-node.md
 * ("Node and emulator agreement") lists them with their counts.
 */
import { translateDotnetRegex } from '../../../nodes/shared/acs/sip/dotnetRegex';
import { checkNumberPattern } from '../../../emulator/sip/routeMatching';

export interface AgreementCase {
	preview: boolean;
	/** The PATCH body, or { candidate } for a testRoutesWithNumber candidate configuration. */
	patch: unknown;
	nodeCodes: string[];
	emulatorStatus: number;
	emulatorCode?: string;
}

export interface NodeEmulatorDifference {
	id: string;
	/** Which side answers as the service does. */
	right: 'node' | 'emulator' | 'unknown';
	reason: string;
	applies(c: AgreementCase): boolean;
}

/** The route patterns of a patch, or of a candidate configuration ({ candidate }). */
function patternsOf(body: unknown): string[] {
	const document = (body as { candidate?: unknown } | null)?.candidate ?? body;
	const routes = (document as { routes?: unknown } | null)?.routes;
	if (!Array.isArray(routes)) return [];
	return routes.flatMap((route) =>
		typeof route?.numberPattern === 'string' ? [route.numberPattern as string] : [],
	);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const NODE_EMULATOR_DIFFERENCES: NodeEmulatorDifference[] = [
	{
		id: 'candidate-shape',
		right: 'emulator',
		reason:
			'A candidate configuration whose trunks or domains are not an object, or whose routes are not a list, is ' +
			'refused by the emulator (InvalidRequestBody) before anything else, as the service refuses JSON it cannot ' +
			"read. The node's validateSipConfiguration assumes a well-formed document (it accepts it, or names another " +
			'problem): the node checks these shapes earlier, when it reads the Candidate Configuration parameter ' +
			'(documentInput), so no such candidate reaches it.',
		applies: (c) => {
			const candidate = (c.patch as { candidate?: Record<string, unknown> } | null)?.candidate;
			if (!candidate || c.emulatorCode !== 'InvalidRequestBody') return false;
			const badMap = (value: unknown) => value !== undefined && value !== null && !isObject(value);
			return (
				badMap(candidate.trunks) ||
				badMap(candidate.domains) ||
				(candidate.routes != null && !Array.isArray(candidate.routes))
			);
		},
	},
	{
		id: 'unchecked-unsupported-construct',
		right: 'node',
		reason:
			'The emulator does not check everything about constructs outside its subset: the rest of a pattern after a ' +
			'conditional, a balancing group or the x and n options, and Unicode block names. It stores such a pattern, and ' +
			'testRoutesWithNumber answers 501 for it. .NET refuses some of them (an unknown block name, a syntax error after ' +
			'a conditional), and so do the node and the service.',
		applies: (c) =>
			c.emulatorStatus === 200 &&
			c.nodeCodes.every((code) => code === 'InvalidRouteNumberPattern') &&
			patternsOf(c.patch).some((pattern) => {
				const check = checkNumberPattern(pattern);
				return check.valid && check.unsupported !== undefined && !translateDotnetRegex(pattern).ok;
			}),
	},
];
