import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readSipApiChoice } from '../../helpers/apiChoice';
import { routeItem } from '../../helpers/items';
import { fail, readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { routeNameProblem } from '../../helpers/sipRules';
import { routeLocator, sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['get'] } };

const properties: INodeProperties[] = [
	routeLocator(),
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'route', 'Route', itemIndex, routeNameProblem);
	const choice = readSipApiChoice.call(this, itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	const index = configuration.routes.findIndex((route) => route.name === name);
	if (index < 0) {
		const known = configuration.routes.map((route) => `"${route.name}"`);
		throw fail.call(
			this,
			itemIndex,
			`There is no route "${name}"`,
			known.length ? `Routes in priority order: ${known.join(', ')}.` : 'This resource has no routes yet.',
		);
	}
	return routeItem(configuration.routes[index], index, choice);
}
