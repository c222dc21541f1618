import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

/** Reading and shaping node parameters; every error names the parameter as the user sees it. */

export function readLocator(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const text = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is empty`, {
			itemIndex,
			description: `Pick a value from the list or type one in "${displayName}".`,
		});
	}
	return text;
}

/** A locator value that `problem` can refuse on its own, before any request (e.g. a malformed FQDN). */
export function readCheckedLocator(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
	problem: (value: string) => string | undefined,
): string {
	const value = readLocator.call(this, name, displayName, itemIndex);
	const issue = problem(value);
	if (issue)
		throw fail.call(
			this,
			itemIndex,
			`${displayName}: ${issue}`,
			'Nothing was sent to the service.',
		);
	return value;
}

export function readRequiredString(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	const text = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is empty`, {
			itemIndex,
			description: `Set "${displayName}"; it is required.`,
		});
	}
	return text;
}

/**
 * A list of trunk FQDNs from a parameter: an array (from an expression) or text separated by commas,
 * semicolons or line breaks. Order is kept: it is the order in which the trunks are tried.
 */
export function parseTrunkList(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): string[] {
	if (value === undefined || value === null || value === '') return [];
	const entries = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(/[,;\n]/)
			: undefined;
	if (!entries || entries.some((entry) => typeof entry !== 'string')) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" must list trunk FQDNs`,
			{
				itemIndex,
				description:
					'Give FQDNs separated by commas (e.g. sbc1.contoso.com, sbc2.contoso.com) or an array of strings.',
			},
		);
	}
	return (entries as string[]).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

/**
 * Longest JSON text taken. Parsing blocks n8n's event loop, about 0.1 s for 512 KiB of the costliest JSON; a large
 * configuration (250 trunks, 250 routes) is well under 100 KiB.
 */
const MAX_JSON_CHARACTERS = 512 * 1024;

/** A JSON parameter given as text or as an object/array from an expression. */
export function parseJson(
	this: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
): unknown {
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (text === '') {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is empty`, {
			itemIndex,
			description: `Give JSON in "${displayName}".`,
		});
	}
	if (text.length > MAX_JSON_CHARACTERS) {
		throw new NodeOperationError(this.getNode(), `The parameter "${displayName}" is too long`, {
			itemIndex,
			description: `It has ${text.length} characters; at most ${MAX_JSON_CHARACTERS} (512 KiB) are taken, several times what 250 trunks and 250 routes usually need. Shorten it, or give the value as an expression that yields the object. Nothing was sent to the service.`,
		});
	}
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${displayName}" is not valid JSON`,
			{
				itemIndex,
				description: (error as Error).message,
			},
		);
	}
}

export function fail(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** The refusal for a trunk, route or domain that the configuration does not have; it lists those it has. */
export function notFound(
	this: IExecuteFunctions,
	itemIndex: number,
	kind: 'trunk' | 'route' | 'domain',
	name: string,
	known: { intro: string; names: string[] },
): NodeOperationError {
	return fail.call(
		this,
		itemIndex,
		`There is no ${kind} "${name}"`,
		known.names.length
			? `${known.intro}: ${known.names.join(', ')}.`
			: `This resource has no ${kind}s yet.`,
	);
}
