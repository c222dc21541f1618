import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, withinLimit } from '../../../shared/node/descriptions';
import { readSipApiChoice } from '../../helpers/apiChoice';
import { routeItem } from '../../helpers/items';
import { readSipConfiguration } from '../../helpers/sipClient';
import { orderIsPriorityNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['getAll'] } };

const properties: INodeProperties[] = [
	{ ...orderIsPriorityNotice, name: 'routeGetAllNotice' },
	...returnAllAndLimitFields({}),
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** Routes in priority order, one item each; `priority` 1 is tried first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const choice = readSipApiChoice.call(this, itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	return withinLimit(configuration.routes, limit).map((route, index) =>
		routeItem(route, index, choice),
	);
}
