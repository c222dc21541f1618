import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readConfigurationWithHealth } from '../../helpers/configurationReads';
import { includeHealthOption, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['configuration'], operation: ['get'] } };

const properties: INodeProperties[] = [
	sipOptionsCollection(
		includeHealthOption('Whether to add each trunk\'s health. Uses the preview API for this read.'),
	),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** The document as the service keeps it; its shape is what Apply Desired State takes, so it can be fed back. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { configuration } = await readConfigurationWithHealth.call(this, itemIndex);
	return { ...configuration } as unknown as IDataObject;
}
