import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { commitConfiguration } from '../../helpers/commit';
import { readConfigurationForDomains } from '../../helpers/configurationReads';
import { domainItem, findDomainKey } from '../../helpers/items';
import { fail, readRequiredString } from '../../helpers/parameters';
import { fqdnProblem } from '../../helpers/sipRules';
import { previewOnlyNotice, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['domain'], operation: ['createOrUpdate'] } };

const properties: INodeProperties[] = [
	{ ...previewOnlyNotice, name: 'domainCreateNotice' },
	{
		displayName: 'Domain Name',
		name: 'domainName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. contoso.com',
		description:
			'The domain that trunk FQDNs belong to. It must be verified on the resource (DNS TXT record).',
	},
	{
		displayName: 'Enabled',
		name: 'enabled',
		type: 'boolean',
		default: true,
		description: 'Whether trunks under this domain may be used',
	},
	sipOptionsCollection(),
];

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = readRequiredString.call(this, 'domainName', 'Domain Name', itemIndex);
	const problem = fqdnProblem(name);
	if (problem)
		throw fail.call(this, itemIndex, `Domain Name: ${problem}`, 'Nothing was sent to the service.');
	const enabled = this.getNodeParameter('enabled', itemIndex, true) as boolean;
	const { choice, configuration: before } = await readConfigurationForDomains.call(this, itemIndex);
	const key = findDomainKey(before, name) ?? name;
	const existed = before.domains?.[key] !== undefined;
	const desired = { ...before, domains: { ...(before.domains ?? {}), [key]: { enabled } } };
	const outcome = await commitConfiguration.call(
		this,
		choice,
		itemIndex,
		before,
		desired,
		'Domain Name',
	);
	const stored = outcome.after.domains?.[key] ?? { enabled };
	return {
		...domainItem(key, stored, outcome.after),
		change: !existed ? 'created' : outcome.patches.length > 0 ? 'updated' : 'unchanged',
	};
}
