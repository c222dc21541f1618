import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields } from '../../../shared/node/descriptions';
import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { trunkItem } from '../../helpers/items';
import { readSipConfiguration } from '../../helpers/sipClient';
import { sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	...returnAllAndLimitFields({}),
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
					'Whether to add TLS, ping (SIP OPTIONS) and overall status of each trunk. Uses the preview API for this read.',
			},
			sipApiVersionOption(),
		],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const includeHealth = options.includeHealth === true;
	const choice = readSipApiChoice.call(this, itemIndex, includeHealth);
	if (includeHealth) assertFeature.call(this, choice, 'trunkHealth', 'Include Health', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex, { includeHealth });
	const limit = readLimit.call(this, itemIndex);
	const items = Object.entries(configuration.trunks).map(([fqdn, trunk]) =>
		trunkItem(fqdn, trunk, configuration, choice, includeHealth),
	);
	return limit === undefined ? items : items.slice(0, limit);
}
