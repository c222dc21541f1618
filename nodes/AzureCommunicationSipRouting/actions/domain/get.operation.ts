import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readConfigurationForDomains } from '../../helpers/configurationReads';
import { domainItem, findDomainKey } from '../../helpers/items';
import { notFound, readCheckedLocator } from '../../helpers/parameters';
import { fqdnProblem } from '../../helpers/sipRules';
import { domainLocator, previewOnlyNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['get'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainGetNotice' },
	domainLocator(),
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readCheckedLocator.call(this, 'domain', 'Domain', itemIndex, fqdnProblem);
	const { configuration } = await readConfigurationForDomains.call(this, itemIndex);
	const key = findDomainKey(configuration, name);
	if (key === undefined) {
		const names = Object.keys(configuration.domains ?? {});
		throw notFound.call(this, itemIndex, 'domain', name, {
			intro: 'Domains in this resource',
			names,
		});
	}
	return domainItem(key, (configuration.domains ?? {})[key], configuration);
}
