import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, withinLimit } from '../../../shared/node/descriptions';
import { readConfigurationForDomains } from '../../helpers/configurationReads';
import { domainItem } from '../../helpers/items';
import { previewOnlyNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainGetAllNotice' },
	...returnAllAndLimitFields({}),
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { configuration } = await readConfigurationForDomains.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const items = Object.entries(configuration.domains ?? {}).map(([name, domain]) =>
		domainItem(name, domain, configuration),
	);
	return withinLimit(items, limit);
}
