/** Text in the SIP configuration that shares a word with a credential marker is written back as the service holds it. */
import { withEmulator } from '../support/emulator';
import { reliabilitySeed } from './support/seed';
import { runSip } from './support/nodes';

const emulator = withEmulator({ seed: reliabilitySeed('sipProseWriteBack') });
const DESCRIPTION = 'Bearer traffic to Contoso SBC (primary)';
const DESIRED = {
	trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061 } },
	routes: [
		{
			name: 'Main',
			numberPattern: '^\\+1(425|206)\\d{7}$',
			trunks: ['sbc1.contoso.com'],
			description: DESCRIPTION,
		},
	],
};

const addRoute = (name: string, numberPattern: string) =>
	runSip(emulator(), {
		resource: 'route',
		operation: 'createOrUpdate',
		name,
		numberPattern,
		trunks: 'sbc1.contoso.com',
		position: 'last',
	});

it('Get shows the description; adding another route keeps it', async () => {
	const applied = await runSip(emulator(), {
		resource: 'configuration',
		operation: 'applyDesiredState',
		desiredState: JSON.stringify(DESIRED),
		dryRun: false,
	});
	expect(applied.error).toBeUndefined();
	const got = await runSip(emulator(), { resource: 'configuration', operation: 'get' });
	expect(JSON.stringify(got.items[0].json)).toContain(DESCRIPTION);
	const added = await addRoute('Second', '^\\+44\\d{10}$');
	expect(added.error).toBeUndefined();
	const stored = (await emulator().control.sip.config()).config.routes;
	expect(stored[0].description).toBe(DESCRIPTION);
});

it('a description that looks like a credential is not shown, and is written back as the service holds it', async () => {
	const lookalike = 'access_token=notasecretjustalongdescription';
	const desired = { ...DESIRED, routes: [{ ...DESIRED.routes[0], description: lookalike }] };
	const applied = await runSip(emulator(), {
		resource: 'configuration',
		operation: 'applyDesiredState',
		desiredState: JSON.stringify(desired),
		dryRun: false,
	});
	expect(applied.error).toBeUndefined();
	const got = await runSip(emulator(), { resource: 'configuration', operation: 'get' });
	expect(JSON.stringify(got.items[0].json)).not.toContain(lookalike);
	const added = await addRoute('Third', '^\\+33\\d{9}$');
	expect(added.error).toBeUndefined();
	const stored = (await emulator().control.sip.config()).config.routes;
	expect(stored.find((route: { name: string }) => route.name === 'Main')?.description).toBe(
		lookalike,
	);
});
