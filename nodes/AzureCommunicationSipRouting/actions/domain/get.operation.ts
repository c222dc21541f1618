import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { domainItem, findDomainKey } from '../../helpers/items';
import { fail, readCheckedLocator } from '../../helpers/parameters';
import { readSipConfiguration } from '../../helpers/sipClient';
import { fqdnProblem } from '../../helpers/sipRules';
import { domainLocator, previewOnlyNotice, sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['get'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainGetNotice' },
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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'domain', 'Domain', itemIndex, fqdnProblem);
	const choice = readSipApiChoice.call(this, itemIndex, true);
	assertFeature.call(this, choice, 'domains', 'Domains', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	const key = findDomainKey(configuration, name);
	if (key === undefined) {
		const known = Object.keys(configuration.domains ?? {});
		throw fail.call(
			this,
			itemIndex,
			`There is no domain "${name}"`,
			known.length ? `Domains in this resource: ${known.join(', ')}.` : 'This resource has no domains yet.',
		);
	}
	return domainItem(key, (configuration.domains ?? {})[key], configuration);
}
