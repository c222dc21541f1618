/**
 * A polling trigger of ours, polled the way n8n polls an active workflow: one Workflow object kept between polls
 * (so the node's static data carries over, as it does in the running n8n), each poll through n8n-core's
 * PollContext in 'trigger' mode. `fetchTestEvent()` is the editor's Fetch Test Event: 'manual' mode on a copy
 * of the workflow, whose static data is thrown away afterwards.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { RunningEmulator } from '../../../emulator';
import { hostClock } from '../../../nodes/AzureCommunicationPhoneNumbersTrigger/sources/serviceReads';

import { createAdditionalData } from './additionalData';
import { EngineCredentialsHelper } from './credentialsHelper';
import { CredentialStore } from './credentialStore';
import { credentialTypes, nodeTypes } from './registry';
import type { TestCredentials } from './runNode';

export interface PollingTriggerOptions {
	/** `description.name` of the trigger, e.g. 'azureCommunicationPhoneNumbersTrigger'. */
	nodeType: string;
	parameters: INodeParameters;
	credentials: TestCredentials;
	credentialStore?: CredentialStore;
	/**
	 * The emulator whose virtual clock stands for the passing of time: during each poll, this machine's clock as
	 * the trigger reads it is moved by the same offset, as a real host's clock keeps time with the service's.
	 */
	clockOf?: RunningEmulator;
}

export type PollOutcome =
	| { ok: true; items: INodeExecutionData[] | null }
	| { ok: false; error: Error & { description?: string | null; context?: IDataObject } };

export const TRIGGER_NODE = 'Trigger under test';

/** The items' JSON of a poll that succeeded; the test fails with the poll's error otherwise. */
export function polledItems(outcome: PollOutcome): IDataObject[] {
	if (!outcome.ok)
		throw new Error(`poll failed: ${outcome.error.message} ${outcome.error.description ?? ''}`);
	return (outcome.items ?? []).map((item) => item.json);
}

/** "event:subject" of each item of a poll that succeeded, sorted. */
export function polledEvents(outcome: PollOutcome): string[] {
	return polledItems(outcome)
		.map((item) => `${String(item.event)}:${String(item.subject)}`)
		.sort();
}

export class PollingTrigger {
	readonly node: INode;
	readonly credentialsHelper: EngineCredentialsHelper;
	private readonly workflow: Workflow;
	private readonly clockOf: RunningEmulator | undefined;
	private polls = 0;

	constructor(options: PollingTriggerOptions) {
		const store = options.credentialStore ?? new CredentialStore();
		const credentials: INode['credentials'] = {};
		for (const [credentialType, data] of Object.entries(options.credentials)) {
			if (data !== undefined) credentials[credentialType] = store.add(credentialType, data);
		}
		const onlyEntra =
			options.credentials.azureCommunicationServicesEntraApi &&
			!options.credentials.azureCommunicationServicesApi;
		this.node = {
			id: 'trigger-under-test',
			name: TRIGGER_NODE,
			type: nodeTypes.resolveTypeName(options.nodeType),
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				...(onlyEntra ? { authentication: 'entraId' } : {}),
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				...options.parameters,
			},
			credentials,
		};
		this.credentialsHelper = new EngineCredentialsHelper(credentialTypes, store);
		this.workflow = this.newWorkflow({});
		this.clockOf = options.clockOf;
	}

	/** The node's static data as n8n would save it (a deep copy). */
	get staticData(): IDataObject {
		return JSON.parse(
			JSON.stringify(this.workflow.getStaticData('node', this.node)),
		) as IDataObject;
	}

	/** The size in bytes of the node's static data as JSON, as n8n stores it in its database. */
	get staticDataBytes(): number {
		return Buffer.byteLength(JSON.stringify(this.workflow.getStaticData('node', this.node)));
	}

	/** Puts `data` into the node's static data, as another version (or a corrupted save) may have left it. */
	seedStaticData(data: IDataObject): void {
		Object.assign(this.workflow.getStaticData('node', this.node), data);
	}

	/** One scheduled poll of the active workflow. */
	async poll(): Promise<PollOutcome> {
		this.polls += 1;
		return await this.run(this.workflow, 'trigger');
	}

	/** The editor's Fetch Test Event: nothing it does is kept. */
	async fetchTestEvent(): Promise<PollOutcome> {
		return await this.run(
			this.newWorkflow(JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject),
			'manual',
		);
	}

	get pollCount(): number {
		return this.polls;
	}

	private newWorkflow(staticData: IDataObject): Workflow {
		return new Workflow({
			id: 'engine-test-trigger-workflow',
			name: 'engine trigger test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes,
			staticData,
			settings: { executionOrder: 'v1' },
		});
	}

	private async run(workflow: Workflow, mode: 'trigger' | 'manual'): Promise<PollOutcome> {
		const additionalData = createAdditionalData(
			this.credentialsHelper,
			undefined,
			`engine-poll-${this.polls}`,
		);
		const context = new PollContext(
			workflow,
			this.node,
			additionalData,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		const nodeType = nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
		if (!nodeType.poll) throw new Error(`${this.node.type} has no poll()`);
		const realNow = hostClock.now;
		if (this.clockOf) {
			const { offsetMs } = await this.clockOf.control.getClock();
			hostClock.now = () => realNow() + offsetMs;
		}
		try {
			const output = await nodeType.poll.call(context);
			return { ok: true, items: output === null ? null : (output[0] ?? []) };
		} catch (error) {
			return { ok: false, error: error as Error };
		} finally {
			hostClock.now = realNow;
		}
	}
}
