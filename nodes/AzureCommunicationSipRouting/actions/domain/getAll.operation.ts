import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields } from '../../../shared/node/descriptions';
import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { domainItem } from '../../helpers/items';
import { readSipConfiguration } from '../../helpers/sipClient';
import { previewOnlyNotice, sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainGetAllNotice' },
	...returnAllAndLimitFields({}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [sipApiVersionOption()],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const choice = readSipApiChoice.call(this, itemIndex, true);
	assertFeature.call(this, choice, 'domains', 'Domains', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const items = Object.entries(configuration.domains ?? {}).map(([name, domain]) =>
		domainItem(name, domain, configuration),
	);
	return limit === undefined ? items : items.slice(0, limit);
}
