import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { commitConfiguration } from '../../helpers/commit';
import { findDomainKey } from '../../helpers/items';
import { readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { fqdnProblem } from '../../helpers/sipRules';
import { domainLocator, previewOnlyNotice, sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['delete'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainDeleteNotice' },
	domainLocator(),
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

/** A missing domain gives `deleted: false` and sends nothing. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'domain', 'Domain', itemIndex, fqdnProblem);
	const choice = readSipApiChoice.call(this, itemIndex, true);
	assertFeature.call(this, choice, 'domains', 'Domains', itemIndex);
	const before = await readSipConfiguration.call(this, choice, itemIndex);
	const key = findDomainKey(before, name);
	if (key === undefined) return { domain: name, deleted: false };
	const domains = { ...(before.domains ?? {}) };
	delete domains[key];
	await commitConfiguration.call(this, choice, itemIndex, before, { ...before, domains }, 'Domain');
	return { domain: key, deleted: true };
}
