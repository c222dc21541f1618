import assert from 'node:assert/strict';
import { assertAuthenticatedWith, itemsOf, requestsTo } from './assertions';
import type { WorkflowCase } from './types';

/** n8n's HTTP Request node calling an ACS endpoint with our credential as a predefined credential type. */
export const httpRequestWithAcsCredential: WorkflowCase = {
	workflowId: 'e2eHttpRequestAcs',
	verify(context) {
		const [response] = itemsOf(context, 'List offerings with HTTP Request');
		const offerings = response.phoneNumberOfferings as Array<{
			phoneNumberType: string;
			cost: { amount: number };
		}>;
		assert.ok(Array.isArray(offerings) && offerings.length > 0, 'no offerings in the response');
		assert.ok(
			offerings.every((offering) => offering.phoneNumberType === 'tollFree'),
			'the query filter was not sent',
		);
		assertAuthenticatedWith(context);
		const calls = requestsTo(context, 'GET', /^\/availablePhoneNumbers\/countries\/US\/offerings$/);
		assert.equal(calls.length, 1);
		assert.equal(calls[0].status, 200);
		assert.equal(calls[0].query['api-version'], '2025-06-01');
	},
};
