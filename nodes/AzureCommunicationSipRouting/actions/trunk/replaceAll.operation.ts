import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { previewOnlyFields } from '../../helpers/desiredState';
import { assertValidAlone, commitConfiguration } from '../../helpers/commit';
import { parseTrunks, type TrunkEntry } from '../../helpers/documentInput';
import { findTrunkKey, sameHost, trunkItem } from '../../helpers/items';
import { fail } from '../../helpers/parameters';
import { readReplaceAllSource } from '../../helpers/replaceAllSource';
import { readSipConfiguration } from '../../helpers/sipClient';
import { readPort } from '../../helpers/sipPort';
import { fqdnProblem, portProblem } from '../../helpers/sipRules';
import type { SipConfiguration, SipTrunk } from '../../helpers/sipTypes';
import { completeTrunk, missingMessage, type StatedTrunk } from '../../helpers/statedEntries';
import { trunkOptionProblem } from '../../helpers/trunkOptions';
import { SIP_LIMITS } from '../../../shared/acs/sip/types';
import { sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['replaceAll'] } };

const ITEM_PREVIEW_FIELDS = [
	{
		name: 'enabled',
		displayName: 'Enabled',
		description: 'Whether the trunk takes calls (true or false)',
	},
	{
		name: 'directTransfer',
		displayName: 'Direct Transfer',
		description: 'Whether transfers go directly to the trunk (true or false)',
	},
	{
		name: 'privacyHeader',
		displayName: 'Privacy Header',
		description: 'The SIP privacy header Azure sends: id or none',
	},
	{ name: 'ipAddressVersion', displayName: 'IP Address Version', description: 'ipv4 or ipv6' },
] as const;

const properties: INodeProperties[] = [
	{
		displayName:
			'Runs once for all input items. Trunks not in the new list are deleted; the change is refused if a route still uses one of them.',
		name: 'replaceAllNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Input Items', value: 'items', description: 'One trunk per input item' },
			{ name: 'JSON', value: 'json', description: 'All trunks in one JSON value' },
		],
		default: 'items',
	},
	{
		displayName: 'Trunk FQDN',
		name: 'fqdn',
		type: 'string',
		default: '={{ $json.fqdn }}',
		required: true,
		displayOptions: { show: { source: ['items'] } },
		description: 'FQDN of the trunk, read from each input item',
	},
	{
		displayName: 'SIP Signaling Port',
		name: 'sipSignalingPort',
		type: 'string',
		default: '={{ $json.sipSignalingPort }}',
		displayOptions: { show: { source: ['items'] } },
		description:
			'SIP signaling port of the trunk (1 to 65535), read from each input item. Left empty, an existing trunk keeps its port and a new trunk is refused.',
	},
	...ITEM_PREVIEW_FIELDS.map(
		({ name, displayName, description }): INodeProperties => ({
			displayName,
			name,
			type: 'string',
			default: `={{ $json.${name} }}`,
			displayOptions: { show: { source: ['items'], sipApi: ['sipPreview'] } },
			description: `${description}, read from each input item. Left empty, an existing trunk keeps its value.`,
		}),
	),
	{
		displayName: 'Trunks (JSON)',
		name: 'trunksJson',
		type: 'json',
		default: '[\n  { "fqdn": "sbc1.contoso.com", "sipSignalingPort": 5061 }\n]',
		required: true,
		displayOptions: { show: { source: ['json'] } },
		description:
			'Either a list of objects with "fqdn" and "sipSignalingPort", or the document form: an object keyed by FQDN. On the preview API also "enabled", "directTransfer", "privacyHeader", "ipAddressVersion". Fields left out keep their stored value; a new trunk needs "sipSignalingPort".',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const { entries, sourceItems } = readEntries.call(this);
	const choice = readSipApiChoice.call(this, 0);
	const parameter = this.getNodeParameter('source', 0) === 'json' ? 'Trunks (JSON)' : 'Trunk FQDN';
	const given = Object.fromEntries(entries.map(({ fqdn, trunk }) => [fqdn, trunk]));
	const previewFields = previewOnlyFields(given, []);
	if (previewFields.length > 0) {
		assertFeature.call(
			this,
			choice,
			'trunkOptionsAndCallerId',
			`${parameter}: ${previewFields.join(', ')}`,
			0,
		);
	}
	assertValidAlone.call(this, { trunks: given }, parameter, 0);

	const before = await readSipConfiguration.call(this, choice, 0);
	const trunks: Record<string, SipTrunk> = {};
	const keyOf = new Map<string, string>();
	entries.forEach(({ fqdn, trunk }, index) => {
		const key = findTrunkKey(before, fqdn) ?? fqdn;
		keyOf.set(fqdn, key);
		const completed = completeTrunk(before.trunks[key], trunk);
		if (completed.missing !== undefined) {
			const where =
				parameter === 'Trunk FQDN'
					? `SIP Signaling Port: input item ${sourceItems[index] + 1}, `
					: `${parameter}: `;
			throw fail.call(
				this,
				sourceItems[index],
				`${where}${missingMessage('trunk', fqdn, completed.missing)}`,
				'A new trunk needs its port. Nothing was sent to the service.',
			);
		}
		trunks[key] = completed.value;
	});
	const desired: SipConfiguration = { ...before, trunks };
	const outcome = await commitConfiguration.call(this, choice, 0, before, desired, parameter, {
		trunks: true,
	});

	const changed = new Set(
		outcome.patches.flatMap((planned) => Object.keys(planned.patch.trunks ?? {})),
	);
	const output: INodeExecutionData[] = entries.map(({ fqdn }, index) => {
		const key = keyOf.get(fqdn) as string;
		const stored = outcome.after.trunks[key] ?? trunks[key];
		const change =
			before.trunks[key] === undefined ? 'created' : changed.has(key) ? 'updated' : 'unchanged';
		return {
			json: { ...trunkItem(key, stored, outcome.after, choice), change },
			pairedItem: { item: sourceItems[index] },
		};
	});
	for (const [key, trunk] of Object.entries(before.trunks)) {
		if (trunks[key] !== undefined) continue;
		output.push({
			json: { ...trunkItem(key, trunk, outcome.after, choice), change: 'deleted' },
			pairedItem: { item: 0 },
		});
	}
	return output;
}

function readEntries(this: IExecuteFunctions): { entries: TrunkEntry[]; sourceItems: number[] } {
	const source = this.getNodeParameter('source', 0) as string;
	// the preview option fields exist (are shown) only when the API picked is Preview
	const previewFieldsShown = this.getNodeParameter('sipApi', 0, 'sip') === 'sipPreview';
	const { entries, sourceItems } = readReplaceAllSource(
		this,
		{
			name: 'trunksJson',
			displayName: 'Trunks (JSON)',
			parse: parseTrunks,
			max: SIP_LIMITS.maxTrunks,
			noun: 'trunks',
		},
		(itemIndex) => readItemTrunk.call(this, itemIndex, previewFieldsShown),
	);
	checkEntries.call(this, entries, sourceItems, source === 'json' ? 'Trunks (JSON)' : 'Trunk FQDN');
	return { entries, sourceItems };
}

function readItemTrunk(this: IExecuteFunctions, itemIndex: number, preview: boolean): TrunkEntry {
	const fqdn = String(this.getNodeParameter('fqdn', itemIndex, '') ?? '').trim();
	if (fqdn === '')
		throw fail.call(
			this,
			itemIndex,
			'Trunk FQDN is empty',
			`Input item ${itemIndex + 1} gives no FQDN.`,
		);
	const trunk: StatedTrunk = {};
	const port = stated(this.getNodeParameter('sipSignalingPort', itemIndex, undefined));
	if (port !== undefined) {
		const read = readPort(port);
		if ('problem' in read) {
			throw fail.call(
				this,
				itemIndex,
				`SIP Signaling Port: input item ${itemIndex + 1}, trunk "${fqdn}": ${read.problem}`,
				'Nothing was sent to the service.',
			);
		}
		trunk.sipSignalingPort = read.port;
	}
	if (!preview) return { fqdn, trunk };
	for (const { name, displayName } of ITEM_PREVIEW_FIELDS) {
		const value = stated(this.getNodeParameter(name, itemIndex, undefined));
		if (value === undefined) continue;
		const problem = trunkOptionProblem(name, value);
		if (problem.error !== undefined) {
			throw fail.call(
				this,
				itemIndex,
				`${displayName}: input item ${itemIndex + 1}, trunk "${fqdn}": ${problem.error}`,
				'Nothing was sent to the service.',
			);
		}
		Object.assign(trunk, { [name]: problem.value });
	}
	return { fqdn, trunk };
}

/** A value an item states: undefined, null and empty text state nothing. */
function stated(value: unknown): unknown {
	return value === undefined || value === null || value === '' ? undefined : value;
}

function checkEntries(
	this: IExecuteFunctions,
	entries: TrunkEntry[],
	sourceItems: number[],
	parameter: string,
) {
	entries.forEach(({ fqdn, trunk }, index) => {
		const itemIndex = sourceItems[index];
		const fqdnIssue = fqdnProblem(fqdn);
		if (fqdnIssue)
			throw fail.call(
				this,
				itemIndex,
				`${parameter}: trunk "${fqdn}": ${fqdnIssue}`,
				'Nothing was sent to the service.',
			);
		const portIssue =
			trunk.sipSignalingPort === undefined ? undefined : portProblem(trunk.sipSignalingPort);
		if (portIssue) {
			const portParameter = parameter === 'Trunk FQDN' ? 'SIP Signaling Port' : parameter;
			throw fail.call(
				this,
				itemIndex,
				`${portParameter}: trunk "${fqdn}": ${portIssue}`,
				'Nothing was sent to the service.',
			);
		}
		const duplicate = entries.findIndex(
			(other, otherIndex) => otherIndex < index && sameHost(other.fqdn, fqdn),
		);
		if (duplicate >= 0) {
			throw fail.call(
				this,
				itemIndex,
				`${parameter}: trunk "${fqdn}" is listed twice`,
				'Each FQDN may appear once. Nothing was sent to the service.',
			);
		}
	});
}
