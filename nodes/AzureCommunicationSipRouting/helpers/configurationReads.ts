import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { assertFeature, readSipApiChoice, type SipApiChoice } from './apiChoice';
import { readSipConfiguration } from './sipClient';
import type { SipConfiguration } from './sipTypes';

/** The reads that open many operations: the API choice for the item, its checks, then the document. */

export interface ConfigurationRead {
	choice: SipApiChoice;
	configuration: SipConfiguration;
}

/** Domains exist only in the preview API, so domain operations always use it. */
export async function readConfigurationForDomains(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<ConfigurationRead> {
	const choice = readSipApiChoice.call(this, itemIndex, true);
	assertFeature.call(this, choice, 'domains', 'Domains', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex);
	return { choice, configuration };
}

/** Honours the "Include Health" option, which needs (and picks) the preview API. */
export async function readConfigurationWithHealth(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<ConfigurationRead & { includeHealth: boolean }> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const includeHealth = options.includeHealth === true;
	const choice = readSipApiChoice.call(this, itemIndex, includeHealth);
	if (includeHealth) assertFeature.call(this, choice, 'trunkHealth', 'Include Health', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex, { includeHealth });
	return { choice, configuration, includeHealth };
}
