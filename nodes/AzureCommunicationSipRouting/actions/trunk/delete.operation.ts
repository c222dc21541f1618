import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readSipApiChoice } from '../../helpers/apiChoice';
import { commitConfiguration } from '../../helpers/commit';
import { findTrunkKey, routesUsingTrunk, sameHost } from '../../helpers/items';
import { fail, readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { fqdnProblem } from '../../helpers/sipRules';
import type { SipConfiguration } from '../../helpers/sipTypes';
import { sipOptionsCollection, trunkLocator } from '../common.descriptions';

const displayOptions = { show: { resource: ['trunk'], operation: ['delete'] } };

const properties: INodeProperties[] = [
	trunkLocator(),
	{
		displayName: 'Remove From Routes First',
		name: 'removeFromRoutes',
		type: 'boolean',
		default: false,
		description:
			'Whether to take the trunk out of every route that uses it before deleting it. If off, deleting a trunk that a route uses is refused and nothing is changed.',
	},
	{
		displayName: 'Delete Routes Left Without Trunks',
		name: 'deleteEmptiedRoutes',
		type: 'boolean',
		default: false,
		displayOptions: { show: { removeFromRoutes: [true] } },
		description:
			'Whether to delete routes whose only trunk was this one. If off, such routes stay with an empty trunk list (calls matching them are not routed).',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fqdn = readCheckedLocator.call(this, 'trunk', 'Trunk', itemIndex, fqdnProblem);
	const removeFromRoutes = this.getNodeParameter('removeFromRoutes', itemIndex, false) as boolean;
	const deleteEmptiedRoutes =
		removeFromRoutes && (this.getNodeParameter('deleteEmptiedRoutes', itemIndex, false) as boolean);
	const choice = readSipApiChoice.call(this, itemIndex);

	const before = await readSipConfiguration.call(this, choice, itemIndex);
	const key = findTrunkKey(before, fqdn);
	if (key === undefined) {
		return { fqdn, deleted: false, removedFromRoutes: [], deletedRoutes: [] };
	}
	const usedBy = routesUsingTrunk(before, key);
	if (usedBy.length > 0 && !removeFromRoutes) {
		throw fail.call(
			this,
			itemIndex,
			`Trunk "${key}" is used by ${usedBy.length === 1 ? 'route' : 'routes'} ${usedBy.map((name) => `"${name}"`).join(', ')}`,
			'The service refuses to delete a trunk that a route uses. Turn on "Remove From Routes First", or change those routes. Nothing was changed.',
		);
	}

	const deletedRoutes: string[] = [];
	const routes = before.routes.flatMap((route) => {
		const trunks = route.trunks ?? [];
		if (!trunks.some((trunk) => sameHost(trunk, key))) return [route];
		const remaining = trunks.filter((trunk) => !sameHost(trunk, key));
		if (remaining.length === 0 && deleteEmptiedRoutes) {
			deletedRoutes.push(route.name);
			return [];
		}
		return [{ ...route, trunks: remaining }];
	});
	const trunks = { ...before.trunks };
	delete trunks[key];
	const desired: SipConfiguration = { ...before, trunks, routes };

	await commitConfiguration.call(this, choice, itemIndex, before, desired, 'Trunk');
	return { fqdn: key, deleted: true, removedFromRoutes: usedBy, deletedRoutes };
}
