import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { findTrunkKey, trunkItem } from '../../helpers/items';
import { fail, readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { fqdnProblem } from '../../helpers/sipRules';
import { sipApiVersionOption, trunkLocator } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['get'] } };

const properties: INodeProperties[] = [
	trunkLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Health',
				name: 'includeHealth',
				type: 'boolean',
				default: false,
				description:
					'Whether to add TLS, ping (SIP OPTIONS) and overall status of the trunk. Uses the preview API for this read.',
			},
			sipApiVersionOption(),
		],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fqdn = readCheckedLocator.call(this, 'trunk', 'Trunk', itemIndex, fqdnProblem);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const includeHealth = options.includeHealth === true;
	const choice = readSipApiChoice.call(this, itemIndex, includeHealth);
	if (includeHealth) assertFeature.call(this, choice, 'trunkHealth', 'Include Health', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex, { includeHealth });
	const key = findTrunkKey(configuration, fqdn);
	if (key === undefined) {
		const known = Object.keys(configuration.trunks);
		throw fail.call(
			this,
			itemIndex,
			`There is no trunk "${fqdn}"`,
			known.length ? `Trunks in this resource: ${known.join(', ')}.` : 'This resource has no trunks yet.',
		);
	}
	return trunkItem(key, configuration.trunks[key], configuration, choice, includeHealth);
}
