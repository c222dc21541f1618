import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { AzureCommunicationPhoneNumbers } from '../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node';
import { AzureCommunicationPhoneNumbersTrigger } from '../../nodes/AzureCommunicationPhoneNumbersTrigger/AzureCommunicationPhoneNumbersTrigger.node';
import { AzureCommunicationSipRouting } from '../../nodes/AzureCommunicationSipRouting/AzureCommunicationSipRouting.node';
import { AzureCommunicationSipRoutingTrigger } from '../../nodes/AzureCommunicationSipRoutingTrigger/AzureCommunicationSipRoutingTrigger.node';

const repoRoot = path.resolve(__dirname, '../..');

export interface NodeUnderTest {
	description: INodeTypeDescription;
	/** The node's codex file (`*.node.json`), as n8n reads it. */
	codex: { node: string; alias?: string[] };
}

export interface NodeAction {
	resource: string;
	operation: string;
	name: string;
	action: string | undefined;
}

export const NODES_UNDER_TEST: NodeUnderTest[] = [
	nodeUnderTest(new AzureCommunicationPhoneNumbers().description, 'AzureCommunicationPhoneNumbers'),
	nodeUnderTest(new AzureCommunicationSipRouting().description, 'AzureCommunicationSipRouting'),
];

/** The polling triggers: no operations, `polling: true`, events instead. */
export const TRIGGERS_UNDER_TEST: NodeUnderTest[] = [
	nodeUnderTest(
		new AzureCommunicationPhoneNumbersTrigger().description,
		'AzureCommunicationPhoneNumbersTrigger',
	),
	nodeUnderTest(
		new AzureCommunicationSipRoutingTrigger().description,
		'AzureCommunicationSipRoutingTrigger',
	),
];

export function nodeNamed(displayName: string): NodeUnderTest {
	const node = [...NODES_UNDER_TEST, ...TRIGGERS_UNDER_TEST].find(
		(candidate) => candidate.description.displayName === displayName,
	);
	if (!node) throw new Error(`no node "${displayName}"`);
	return node;
}

/** Every operation of every resource, with the action text n8n's node creator lists for it. */
export function actionsOf(description: INodeTypeDescription): NodeAction[] {
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.displayOptions?.show?.resource ?? []).flatMap((resource) =>
				(property.options as INodePropertyOptions[]).map((option) => ({
					resource: String(resource),
					operation: String(option.value),
					name: option.name,
					action: option.action,
				})),
			),
		);
}

export function resourceOptions(description: INodeTypeDescription): INodePropertyOptions[] {
	const resource = description.properties.find((property) => property.name === 'resource');
	return (resource?.options ?? []) as INodePropertyOptions[];
}

export function packageName(): string {
	return (
		JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string }
	).name;
}

function nodeUnderTest(description: INodeTypeDescription, folder: string): NodeUnderTest {
	const file = path.join(repoRoot, 'nodes', folder, `${folder}.node.json`);
	return {
		description,
		codex: JSON.parse(fs.readFileSync(file, 'utf8')) as NodeUnderTest['codex'],
	};
}
