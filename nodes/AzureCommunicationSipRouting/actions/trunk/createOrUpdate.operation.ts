import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readSipApiChoice } from '../../helpers/apiChoice';
import { commitConfiguration } from '../../helpers/commit';
import { findTrunkKey, trunkItem } from '../../helpers/items';
import { fail, readRequiredString } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { readPort } from '../../helpers/sipPort';
import { fqdnProblem } from '../../helpers/sipRules';
import type { SipConfiguration, SipTrunk, SipTrunkUpdate } from '../../helpers/sipTypes';
import { sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['createOrUpdate'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Trunk FQDN',
		name: 'fqdn',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. sbc1.contoso.com',
		description:
			'Host name of the session border controller. Its domain must be verified on the resource. If a trunk with this FQDN exists it is updated.',
	},
	{
		displayName: 'SIP Signaling Port',
		name: 'sipSignalingPort',
		type: 'number',
		default: 5061,
		required: true,
		typeOptions: { minValue: 1, maxValue: 65535, numberPrecision: 0 },
		description: 'Port on which the SBC listens for SIP signaling from Azure (1 to 65535)',
	},
	{
		displayName: 'Preview Trunk Options',
		name: 'previewOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { sipApi: ['sipPreview'] } },
		description: 'Options the preview API adds. Options not set here keep their current value.',
		options: [
			{
				displayName: 'Direct Transfer',
				name: 'directTransfer',
				type: 'boolean',
				default: false,
				description:
					'Whether a call transfer is handed directly to the trunk (Azure leaves the signaling path)',
			},
			{
				displayName: 'Enabled',
				name: 'enabled',
				type: 'boolean',
				default: true,
				description: 'Whether the trunk takes calls',
			},
			{
				displayName: 'IP Address Version',
				name: 'ipAddressVersion',
				type: 'options',
				options: [
					{ name: 'IPv4', value: 'ipv4' },
					{ name: 'IPv6', value: 'ipv6' },
				],
				default: 'ipv4',
			},
			{
				displayName: 'Privacy Header',
				name: 'privacyHeader',
				type: 'options',
				options: [
					{ name: 'ID', value: 'id' },
					{ name: 'None', value: 'none' },
				],
				default: 'id',
				description: 'Which SIP privacy header Azure sends to the trunk',
			},
		],
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fqdn = readRequiredString.call(this, 'fqdn', 'Trunk FQDN', itemIndex);
	const fqdnIssue = fqdnProblem(fqdn);
	if (fqdnIssue)
		throw fail.call(
			this,
			itemIndex,
			`Trunk FQDN: ${fqdnIssue}`,
			'Nothing was sent to the service.',
		);
	const read = readPort(this.getNodeParameter('sipSignalingPort', itemIndex));
	if ('problem' in read) {
		throw fail.call(
			this,
			itemIndex,
			`SIP Signaling Port: input item ${itemIndex + 1}: ${read.problem}`,
			'Nothing was sent to the service.',
		);
	}
	const port = read.port;

	const choice = readSipApiChoice.call(this, itemIndex);
	const update: SipTrunkUpdate = {
		sipSignalingPort: port,
		...readPreviewOptions.call(this, itemIndex, choice.api),
	};

	const before = await readSipConfiguration.call(this, choice, itemIndex);
	const key = findTrunkKey(before, fqdn) ?? fqdn;
	const existing = before.trunks[key];
	const desired: SipConfiguration = {
		...before,
		trunks: { ...before.trunks, [key]: { ...existing, ...update } as SipTrunk },
	};
	const outcome = await commitConfiguration.call(
		this,
		choice,
		itemIndex,
		before,
		desired,
		'Trunk FQDN',
	);
	const stored =
		outcome.after.trunks[findTrunkKey(outcome.after, key) ?? key] ?? desired.trunks[key];
	return {
		...trunkItem(key, stored, outcome.after, choice),
		change:
			existing === undefined ? 'created' : outcome.patches.length > 0 ? 'updated' : 'unchanged',
	};
}

function readPreviewOptions(
	this: IExecuteFunctions,
	itemIndex: number,
	api: string,
): SipTrunkUpdate {
	if (api !== 'sipPreview') return {};
	const options = this.getNodeParameter('previewOptions', itemIndex, {}) as IDataObject;
	const update: SipTrunkUpdate = {};
	if (typeof options.enabled === 'boolean') update.enabled = options.enabled;
	if (typeof options.directTransfer === 'boolean') update.directTransfer = options.directTransfer;
	if (typeof options.privacyHeader === 'string') update.privacyHeader = options.privacyHeader;
	if (typeof options.ipAddressVersion === 'string')
		update.ipAddressVersion = options.ipAddressVersion;
	return update;
}
