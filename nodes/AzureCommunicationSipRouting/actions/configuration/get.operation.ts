import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { readConfigurationWithHealth } from '../../helpers/configurationReads';
import { includeHealthOption, sipOptionsCollection } from '../common.descriptions';

const displayOptions = { show: { resource: ['configuration'], operation: ['get'] } };

const properties: INodeProperties[] = [
	sipOptionsCollection(
		includeHealthOption("Whether to add each trunk's health. Uses the preview API for this read."),
	),
];

export const description = updateDisplayOptions(displayOptions, properties);

/** The document as the service keeps it; its shape is what Apply Desired State takes, so it can be fed back. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { choice, configuration } = await readConfigurationWithHealth.call(this, itemIndex);
	if (!choice.features.trunkOptionsAndCallerId)
		return { ...configuration } as unknown as IDataObject;
	// every route of this api-version has a caller ID override; null says it is unset
	const routes = configuration.routes.map((route) => ({
		...route,
		callerIdOverride: route.callerIdOverride ?? null,
	}));
	return { ...configuration, routes } as unknown as IDataObject;
}
