import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readSipApiChoice } from '../../helpers/apiChoice';
import { commitConfiguration } from '../../helpers/commit';
import { readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { routeNameProblem } from '../../helpers/sipRules';
import { routeLocator, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['route'], operation: ['delete'] } };

const properties: INodeProperties[] = [routeLocator(), sipOptionsCollection()];

export const description = updateDisplayOptions(displayOptions, properties);

/** Deletes one route; the routes after it move up one place. A missing route gives `deleted: false`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'route', 'Route', itemIndex, routeNameProblem);
	const choice = readSipApiChoice.call(this, itemIndex);
	const before = await readSipConfiguration.call(this, choice, itemIndex);
	const index = before.routes.findIndex((route) => route.name === name);
	if (index < 0) return { name, deleted: false, priority: null };
	const routes = before.routes.filter((_, position) => position !== index);
	await commitConfiguration.call(this, choice, itemIndex, before, { ...before, routes }, 'Route');
	return { name, deleted: true, priority: index + 1 };
}
