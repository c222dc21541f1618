import {
	CONNECTION_STRING_CREDENTIAL,
	ENTRA_ID_CREDENTIAL,
	emulatorCredentials,
} from '../../../scripts/demo/credentials';
import {
	fillPlaceholders,
	nodesToExecute,
	startedByPollingTrigger,
	usesOurCredentials,
	withCredentialKind,
	type WorkflowFile,
} from '../../../scripts/demo/workflows';
import { planRuns } from '../../../scripts/e2e/workflowRuns';
import { summarizeBuildOutput } from '../../../scripts/n8n/extension';

const reference = (credential: { id: string; name: string; type: string }) => ({
	[credential.type]: { id: credential.id, name: credential.name },
});

function workflow(id = 'wf1'): WorkflowFile {
	return {
		id,
		name: 'Buy',
		connections: {},
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', parameters: {} },
			{
				name: 'Buy',
				type: 'n8n-nodes-azure-communication-phone-numbers.azureCommunicationPhoneNumbers',
				parameters: { authentication: 'connectionString', resource: 'availableNumber' },
				credentials: reference(CONNECTION_STRING_CREDENTIAL),
			},
			{
				name: 'Raw call',
				type: 'n8n-nodes-base.httpRequest',
				parameters: {
					url: '__ACS_ENDPOINT__sip',
					authentication: 'predefinedCredentialType',
					nodeCredentialType: CONNECTION_STRING_CREDENTIAL.type,
				},
				credentials: reference(CONNECTION_STRING_CREDENTIAL),
			},
			{
				name: 'Other call',
				type: 'n8n-nodes-base.httpRequest',
				parameters: { url: 'http://example.test', authentication: 'none' },
			},
		],
	};
}

describe('withCredentialKind', () => {
	it('switches our nodes and ACS HTTP Request nodes to the Entra ID credential, and nothing else', () => {
		const entra = withCredentialKind(workflow(), 'entraId', 'En', ' (Entra ID)');
		expect(entra.id).toBe('wf1En');
		expect(entra.name).toBe('Buy (Entra ID)');
		expect(entra.nodes[1].parameters.authentication).toBe('entraId');
		expect(entra.nodes[1].credentials).toEqual(reference(ENTRA_ID_CREDENTIAL));
		expect(entra.nodes[2].parameters.nodeCredentialType).toBe(ENTRA_ID_CREDENTIAL.type);
		expect(entra.nodes[2].credentials).toEqual(reference(ENTRA_ID_CREDENTIAL));
		expect(entra.nodes[3]).toEqual(workflow().nodes[3]);
		expect(workflow().nodes[1].parameters.authentication).toBe('connectionString');
	});
});

describe('usesOurCredentials and fillPlaceholders', () => {
	it('tells workflows with ACS nodes from plain ones', () => {
		expect(usesOurCredentials(workflow())).toBe(true);
		expect(
			usesOurCredentials({ ...workflow(), nodes: [workflow().nodes[0], workflow().nodes[3]] }),
		).toBe(false);
	});

	it('fills known placeholders and leaves unknown ones', () => {
		const filled = fillPlaceholders(
			{ ...workflow(), name: '__UNKNOWN__' },
			{ ACS_ENDPOINT: 'http://127.0.0.1:4600/' },
		);
		expect(filled.nodes[2].parameters.url).toBe('http://127.0.0.1:4600/sip');
		expect(filled.name).toBe('__UNKNOWN__');
	});
});

describe('planRuns', () => {
	it('runs ACS workflows once per credential and plain workflows once', () => {
		const plain = { ...workflow('plain'), nodes: [workflow().nodes[0]] };
		const runs = planRuns([workflow(), plain], { ACS_ENDPOINT: 'http://127.0.0.1:1/' });
		expect(runs.map((run) => [run.baseId, run.kind, run.workflow.id])).toEqual([
			['wf1', 'connectionString', 'wf1Cs'],
			['wf1', 'entraId', 'wf1En'],
			['plain', 'none', 'plain'],
		]);
	});

	it('leaves workflows only a polling trigger of ours starts to the trigger checks', () => {
		const triggered = {
			...workflow('polled'),
			nodes: [
				{
					name: 'When a trunk changes',
					type: 'n8n-nodes-azure-communication-phone-numbers.azureCommunicationSipRoutingTrigger',
					parameters: {},
				},
				workflow().nodes[1],
			],
		};
		const alsoByHand = {
			...triggered,
			id: 'byHand',
			nodes: [...triggered.nodes, workflow().nodes[0]],
		};
		expect(startedByPollingTrigger(triggered)).toBe(true);
		expect(startedByPollingTrigger(alsoByHand)).toBe(false);
		const runs = planRuns([triggered, alsoByHand], {});
		expect(runs.map((run) => run.workflow.id)).toEqual(['byHandCs', 'byHandEn']);
	});

	it('refuses ids the n8n CLI would not take, and duplicates', () => {
		expect(() => planRuns([workflow('has-dash')], {})).toThrow(/must match/);
		expect(() => planRuns([workflow('a'.repeat(20))], {})).toThrow(/must match/);
		expect(() => planRuns([workflow('same'), workflow('same')], {})).toThrow(/two workflows/);
	});
});

describe('emulatorCredentials', () => {
	it('points both credentials at the emulator, with the custom endpoint allowed', () => {
		const [connection, entra] = emulatorCredentials({
			endpoint: 'http://127.0.0.1:4600/',
			connectionString: 'endpoint=http://127.0.0.1:4600/;accesskey=a2V5',
			tokenIssuer: {
				authorityHost: 'https://127.0.0.1:4601',
				tenantId: 't',
				clientId: 'c',
				clientSecret: 's',
			},
		});
		expect(connection.data).toEqual({
			connectionStringSecret: 'endpoint=http://127.0.0.1:4600/;accesskey=a2V5',
			allowCustomEndpoint: true,
		});
		expect(entra).toMatchObject({
			type: ENTRA_ID_CREDENTIAL.type,
			data: {
				endpoint: 'http://127.0.0.1:4600/',
				authMethod: 'clientSecret',
				authorityHost: 'https://127.0.0.1:4601',
				allowCustomEndpoint: true,
			},
		});
	});
});

describe('summarizeBuildOutput', () => {
	it('keeps the TypeScript errors of the spinner output', () => {
		const output =
			'\x1b[999D\x1b[J◒  Building TypeScript files│\n■  nodes/a.ts(1,2): error TS2345: Bad.\n│  ,nodes/b.ts(3,4): error TS2552: Worse.\n└  TypeScript build failed';
		expect(summarizeBuildOutput(output)).toBe(
			'  nodes/a.ts(1,2): error TS2345: Bad.\n  nodes/b.ts(3,4): error TS2552: Worse.',
		);
	});
});

describe('nodesToExecute', () => {
	it('lists the nodes of a workflow started by hand, without sticky notes', () => {
		const withNote = {
			...workflow(),
			nodes: [
				...workflow().nodes,
				{ name: 'Note', type: 'n8n-nodes-base.stickyNote', parameters: {} },
			],
		};
		expect(nodesToExecute(withNote)).toEqual(['Start', 'Buy', 'Raw call', 'Other call']);
	});

	it('gives up on workflows with another trigger (the editor would ask which one)', () => {
		const scheduled = {
			...workflow(),
			nodes: [
				...workflow().nodes,
				{ name: 'Nightly', type: 'n8n-nodes-base.scheduleTrigger', parameters: {} },
			],
		};
		expect(nodesToExecute(scheduled)).toBeUndefined();
	});
});
