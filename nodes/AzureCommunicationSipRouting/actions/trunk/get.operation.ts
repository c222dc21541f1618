import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readConfigurationWithHealth } from '../../helpers/configurationReads';
import { findTrunkKey, trunkItem } from '../../helpers/items';
import { notFound, readCheckedLocator } from '../../helpers/parameters';
import { fqdnProblem } from '../../helpers/sipRules';
import { includeHealthOption, sipOptionsCollection, trunkLocator } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['get'] } };

const properties: INodeProperties[] = [
	trunkLocator(),
	sipOptionsCollection(
		includeHealthOption(
			'Whether to add TLS, ping (SIP OPTIONS) and overall status of the trunk. Uses the preview API for this read.',
		),
	),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fqdn = readCheckedLocator.call(this, 'trunk', 'Trunk', itemIndex, fqdnProblem);
	const { choice, configuration, includeHealth } = await readConfigurationWithHealth.call(
		this,
		itemIndex,
	);
	const key = findTrunkKey(configuration, fqdn);
	if (key === undefined) {
		const names = Object.keys(configuration.trunks);
		throw notFound.call(this, itemIndex, 'trunk', fqdn, {
			intro: 'Trunks in this resource',
			names,
		});
	}
	return trunkItem(key, configuration.trunks[key], configuration, choice, includeHealth);
}
