import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { commitConfiguration } from '../../helpers/commit';
import { readConfigurationForDomains } from '../../helpers/configurationReads';
import { findDomainKey } from '../../helpers/items';
import { readCheckedLocator } from '../../helpers/parameters';
import { fqdnProblem } from '../../helpers/sipRules';
import { domainLocator, previewOnlyNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['delete'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainDeleteNotice' },
	domainLocator(),
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** A missing domain gives `deleted: false` and sends nothing. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'domain', 'Domain', itemIndex, fqdnProblem);
	const { choice, configuration: before } = await readConfigurationForDomains.call(this, itemIndex);
	const key = findDomainKey(before, name);
	if (key === undefined) return { domain: name, deleted: false };
	const domains = { ...(before.domains ?? {}) };
	delete domains[key];
	await commitConfiguration.call(this, choice, itemIndex, before, { ...before, domains }, 'Domain');
	return { domain: key, deleted: true };
}
