import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { lroModeFields, type ItemOutput } from '../../../shared/node';
import type { SearchResult } from '../helpers/acsTypes';
import { pendingOutput, runLongOperation } from '../helpers/lro';
import { searchResultOutput } from '../helpers/output';
import { countryPath, phoneNumbersApi } from '../helpers/request';
import { optionsCollection } from '../common.descriptions';
import { readSearchRequest, searchFields } from './searchRequest';

const properties: INodeProperties[] = [
	{
		displayName:
			'A search holds the numbers it finds until the time the service states in its result (searchExpiresBy). Searching is free; purchasing is not.',
		name: 'searchNotice',
		type: 'notice',
		default: '',
	},
	...searchFields,
	...lroModeFields(),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['availableNumber'], operation: ['search'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const request = readSearchRequest.call(this, itemIndex);
	const { handle, outcome } = await runLongOperation.call(this, itemIndex, {
		method: 'POST',
		path: countryPath(request.countryCode, '/:search'),
		...phoneNumbersApi.call(this, itemIndex),
		body: request.body,
		idempotent: false,
	});
	const searchId = handle.startHeaders['search-id'] ?? null;
	if (!outcome) return pendingOutput(handle, { searchId });
	return {
		...searchResultOutput(outcome.result as SearchResult, new Date()),
		operationId: handle.operationId,
		completed: true,
	};
}
