import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { assertFeature, readSipApiChoice } from '../../helpers/apiChoice';
import { readSipConfiguration } from '../../helpers/sipClient';
import { sipApiVersionOption } from '../common.descriptions';

const displayOptions = { show: { resource: ['configuration'], operation: ['get'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Health',
				name: 'includeHealth',
				type: 'boolean',
				default: false,
				description: 'Whether to add each trunk\'s health. Uses the preview API for this read.',
			},
			sipApiVersionOption(),
		],
	},
];

export const description = updateDisplayOptions(displayOptions, properties);

/** The document as the service keeps it; its shape is what Apply Desired State takes, so it can be fed back. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const includeHealth = options.includeHealth === true;
	const choice = readSipApiChoice.call(this, itemIndex, includeHealth);
	if (includeHealth) assertFeature.call(this, choice, 'trunkHealth', 'Include Health', itemIndex);
	const configuration = await readSipConfiguration.call(this, choice, itemIndex, { includeHealth });
	return { ...configuration } as unknown as IDataObject;
}
