import * as fs from 'node:fs';
import * as path from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { acsCredentials, authenticationProperty } from '../../nodes/shared/node';
import { NODES_UNDER_TEST, TRIGGERS_UNDER_TEST, nodeNamed, packageName } from './nodeDescriptions';

const repoRoot = path.resolve(__dirname, '../..');

describe.each(TRIGGERS_UNDER_TEST.map((node) => [node.description.displayName, node] as const))(
	'%s',
	(_, { description, codex }) => {
		it('is a polling trigger with no input, as n8n expects', () => {
			expect(description.polling).toBe(true);
			expect(description.group).toEqual(['trigger']);
			expect(description.inputs).toEqual([]);
			expect(description.outputs).toHaveLength(1);
		});

		it('uses the same credentials, authentication choice and icons as the action nodes', () => {
			expect(description.credentials).toEqual(acsCredentials);
			expect(description.properties[0]).toEqual(authenticationProperty);
			expect(description.icon).toEqual(NODES_UNDER_TEST[0].description.icon);
		});

		it('leaves "Poll Times" to n8n, which adds it to every polling node', () => {
			expect(description.properties.map((property) => property.name)).not.toContain('pollTimes');
		});

		it('names the package and the node in its codex file', () => {
			expect(codex.node).toBe(`${packageName()}.${description.name}`);
		});
	},
);

describe('Azure Communication Phone Numbers Trigger parameters', () => {
	const { description } = nodeNamed('Azure Communication Phone Numbers Trigger');
	const property = (name: string) =>
		description.properties.find((entry) => entry.name === name) as INodeProperties;

	it('keeps the names and event values saved workflows use', () => {
		expect(description.name).toBe('azureCommunicationPhoneNumbersTrigger');
		const events = (property('events').options as INodePropertyOptions[]).map(
			({ name, value }) => `${String(value)}=${name}`,
		);
		expect(events.sort()).toEqual(
			[
				'numberPurchased=Number Purchased',
				'numberReleased=Number Released',
				'capabilitiesChanged=Capabilities Changed',
				'reservationExpiringSoon=Reservation Expiring Soon',
				'reservationExpired=Reservation Expired',
				'reservationPurchased=Reservation Purchased',
				'reservationDeleted=Reservation Deleted',
			].sort(),
		);
		expect(property('events').type).toBe('multiOptions');
	});

	it('shows the lead time, 5 minutes by default, only for Reservation Expiring Soon', () => {
		expect(property('leadTimeMinutes')).toMatchObject({
			type: 'number',
			default: 5,
			displayOptions: { show: { events: ['reservationExpiringSoon'] } },
		});
	});
});

describe('package.json', () => {
	it('lists every node folder of the package under "n8n"."nodes", with its codex beside it', () => {
		const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
			n8n: { nodes: string[] };
		};
		const folders = fs
			.readdirSync(path.join(repoRoot, 'nodes'))
			.filter((name) => name !== 'shared')
			.sort();
		expect(pkg.n8n.nodes.slice().sort()).toEqual(
			folders.map((folder) => `dist/nodes/${folder}/${folder}.node.js`),
		);
		for (const folder of folders)
			expect(fs.existsSync(path.join(repoRoot, 'nodes', folder, `${folder}.node.json`))).toBe(true);
	});
});
