import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readSipApiChoice } from '../../helpers/apiChoice';
import { routeItem } from '../../helpers/items';
import { notFound, readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { routeNameProblem } from '../../helpers/sipRules';
import { routeLocator, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['get'] } };

const properties: INodeProperties[] = [routeLocator(), sipOptionsCollection()];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'route', 'Route', itemIndex, routeNameProblem);
	const choice = readSipApiChoice.call(this, itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	const index = configuration.routes.findIndex((route) => route.name === name);
	if (index < 0) {
		const names = configuration.routes.map((route) => `"${route.name}"`);
		throw notFound.call(this, itemIndex, 'route', name, {
			intro: 'Routes in priority order',
			names,
		});
	}
	return routeItem(configuration.routes[index], index, choice);
}
