/**
 * The workflows of the queue-mode mix, as `n8n import:workflow` reads them: each starts with a production Webhook
 * (so the main process enqueues it and a worker runs it) that answers with the last node's items once the run
 * ends. Our nodes continue on failure, so each item is either a result or its error. Pure.
 */
import { CONNECTION_STRING_CREDENTIAL } from '../demo/credentials';
import type { WorkflowFile } from '../demo/workflows';

export type MixKind =
	| 'search'
	| 'searchPurchase'
	| 'reservationPurchase'
	| 'release'
	| 'capabilities'
	| 'sipEdit'
	| 'applyDesiredState'
	| 'resumeOperation'
	| 'trunkEdit'
	| 'routeEdit';

/** Webhooks answer within this bound, and no execution may run longer (workflow setting executionTimeout). */
export const EXECUTION_BOUND_SECONDS = 240;
/** Every long-running operation is awaited at most this long, well inside the bound. */
const LRO_TIMEOUT_SECONDS = 90;
export const SIP_DOMAIN = 'queue.example';
/** The numbers every route of the SIP edit mix covers. */
export const ROUTE_EDIT_PATTERN = '^\\+1[0-9]{10}$';

const PHONE_NUMBERS = 'n8n-nodes-azure-communication-phone-numbers.azureCommunicationPhoneNumbers';
const SIP_ROUTING = 'n8n-nodes-azure-communication-phone-numbers.azureCommunicationSipRouting';
const credentials = {
	azureCommunicationServicesApi: {
		id: CONNECTION_STRING_CREDENTIAL.id,
		name: CONNECTION_STRING_CREDENTIAL.name,
	},
};
const costLimits = {
	agreeToNotResell: false,
	maxMonthlyCostPerNumber: 5,
	maxTotalMonthlyCost: 20,
	costCurrency: 'USD',
};
const lro = { waitForCompletion: true, timeoutSeconds: LRO_TIMEOUT_SECONDS };
const fromBody = (field: string) => `={{ $('Webhook').item.json.body.${field} }}`;

type Step = { name: string; type?: string; parameters: Record<string, unknown> };

/** Adds or updates the trunk the webhook's body names (fqdn, port). */
const TRUNK_STEP: Step = {
	name: 'Trunk',
	type: SIP_ROUTING,
	parameters: {
		resource: 'trunk',
		operation: 'createOrUpdate',
		sipApi: 'sip',
		fqdn: fromBody('fqdn'),
		sipSignalingPort: fromBody('port'),
	},
};

/** Adds or updates the route the webhook's body names (route) on its trunk (fqdn). */
function routeStep(position: 'last' | 'keep'): Step {
	return {
		name: 'Route',
		type: SIP_ROUTING,
		parameters: {
			resource: 'route',
			operation: 'createOrUpdate',
			sipApi: 'sip',
			name: fromBody('route'),
			numberPattern: ROUTE_EDIT_PATTERN,
			trunks: fromBody('fqdn'),
			position,
			additionalFields: {},
		},
	};
}

const STEPS: Record<MixKind, Step[]> = {
	search: [
		{
			name: 'Search',
			parameters: {
				resource: 'availableNumber',
				operation: 'search',
				...usGeographic('206'),
				quantity: 1,
				...lro,
			},
		},
	],
	searchPurchase: [
		{
			name: 'Search and purchase',
			parameters: {
				resource: 'availableNumber',
				operation: 'searchAndPurchase',
				...usGeographic('206'),
				quantity: 1,
				...costLimits,
				...lro,
			},
		},
	],
	reservationPurchase: [
		{
			name: 'Browse',
			parameters: {
				resource: 'availableNumber',
				operation: 'browse',
				countryCode: 'US',
				phoneNumberType: 'geographic',
				assignmentType: 'application',
				callingCapability: 'inbound+outbound',
				smsCapability: '',
				phoneNumberPrefixes: '1425',
			},
		},
		{ name: 'Shuffle', type: 'n8n-nodes-base.sort', parameters: { type: 'random' } },
		{ name: 'Pick one', type: 'n8n-nodes-base.limit', parameters: { maxItems: 1 } },
		{
			name: 'Reserve',
			parameters: {
				resource: 'reservation',
				operation: 'createOrUpdate',
				reservationId: '',
				numbersSource: 'inputItems',
				phoneNumbersToRemove: '',
				failOnNumberError: true,
			},
		},
		{
			name: 'Purchase reservation',
			parameters: {
				resource: 'reservation',
				operation: 'purchase',
				reservationId: '={{ $json.reservationId }}',
				...costLimits,
				...lro,
			},
		},
	],
	release: [
		{
			name: 'Release',
			parameters: {
				resource: 'phoneNumber',
				operation: 'release',
				phoneNumber: { __rl: true, mode: 'id', value: fromBody('phoneNumber') },
				...lro,
			},
		},
	],
	capabilities: [
		{
			name: 'Update capabilities',
			parameters: {
				resource: 'phoneNumber',
				operation: 'updateCapabilities',
				phoneNumber: { __rl: true, mode: 'id', value: fromBody('phoneNumber') },
				callingCapability: 'inbound',
				smsCapability: 'none',
				...lro,
			},
		},
	],
	sipEdit: [
		{
			name: 'Domain',
			type: SIP_ROUTING,
			parameters: {
				resource: 'domain',
				operation: 'createOrUpdate',
				domainName: SIP_DOMAIN,
				enabled: true,
			},
		},
		TRUNK_STEP,
		routeStep('last'),
	],
	applyDesiredState: [
		{
			name: 'Apply desired state',
			type: SIP_ROUTING,
			parameters: {
				resource: 'configuration',
				operation: 'applyDesiredState',
				desiredState: `={{ JSON.stringify($('Webhook').item.json.body.desired) }}`,
				dryRun: false,
			},
		},
	],
	resumeOperation: [
		{
			name: 'Wait for completion',
			parameters: {
				resource: 'operation',
				operation: 'waitForCompletion',
				operationId: fromBody('operationId'),
				timeoutSeconds: LRO_TIMEOUT_SECONDS,
			},
		},
	],
	trunkEdit: [TRUNK_STEP],
	routeEdit: [routeStep('keep')],
};

export const MIX_KINDS = Object.keys(STEPS) as MixKind[];

export function webhookPath(kind: MixKind): string {
	return `acs-queue-${kind}`;
}

export function mixWorkflows(): WorkflowFile[] {
	return MIX_KINDS.map((kind, index) => workflowFor(kind, index));
}

function workflowFor(kind: MixKind, index: number): WorkflowFile {
	const id = `acsQueue${String(index).padStart(2, '0')}${kind}`.slice(0, 16);
	const webhook = {
		id: `${id}-webhook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `0a5e7c1e-0000-4000-8000-${String(index).padStart(12, '0')}`,
		parameters: {
			httpMethod: 'POST',
			path: webhookPath(kind),
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	const steps = STEPS[kind].map((step, position) => {
		const ours = !step.type || step.type === SIP_ROUTING;
		return {
			id: `${id}-${position}`,
			name: step.name,
			type: step.type ?? PHONE_NUMBERS,
			typeVersion: 1,
			position: [240 * (position + 1), 0],
			parameters: ours
				? { authentication: 'connectionString', ...step.parameters, options: {} }
				: step.parameters,
			...(ours ? { credentials, onError: 'continueRegularOutput' } : {}),
		};
	});
	const names = [webhook.name, ...steps.map((step) => step.name)];
	const connections = Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, at) => [name, { main: [[{ node: names[at + 1], type: 'main', index: 0 }]] }]),
	);
	return {
		id,
		name: `Queue mix: ${kind}`,
		nodes: [webhook, ...steps],
		connections,
		settings: {
			executionOrder: 'v1',
			executionTimeout: EXECUTION_BOUND_SECONDS,
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
		},
	} as unknown as WorkflowFile;
}

function usGeographic(areaCode: string) {
	return {
		countryCode: 'US',
		phoneNumberType: 'geographic',
		assignmentType: 'application',
		callingCapability: 'inbound+outbound',
		smsCapability: 'none',
		areaCode,
	};
}
