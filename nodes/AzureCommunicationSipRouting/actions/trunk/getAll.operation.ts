import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, withinLimit } from '../../../shared/node/descriptions';
import { readConfigurationWithHealth } from '../../helpers/configurationReads';
import { trunkItem } from '../../helpers/items';
import { includeHealthOption, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	...returnAllAndLimitFields({}),
	sipOptionsCollection(
		includeHealthOption(
			'Whether to add TLS, ping (SIP OPTIONS) and overall status of each trunk. Uses the preview API for this read.',
		),
	),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { choice, configuration, includeHealth } = await readConfigurationWithHealth.call(
		this,
		itemIndex,
	);
	const limit = readLimit.call(this, itemIndex);
	const items = Object.entries(configuration.trunks).map(([fqdn, trunk]) =>
		trunkItem(fqdn, trunk, configuration, choice, includeHealth),
	);
	return withinLimit(items, limit);
}
