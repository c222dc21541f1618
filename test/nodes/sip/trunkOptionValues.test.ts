/** Preview trunk options in a desired state: a value the service would not store as written is refused first. */
import { withEmulator } from '../../support/emulator';
import { runSip, sentRequests, storedSip } from './sipHarness';

const emulator = withEmulator();

it.each([
	['enabled', '"no"'],
	['directTransfer', '"yes"'],
	['privacyHeader', '"ID"'],
	['ipAddressVersion', '4'],
])('Apply Desired State refuses trunk %s %s before any request', async (field, value) => {
	const emu = emulator();
	const result = await runSip(emu, {
		resource: 'configuration',
		operation: 'applyDesiredState',
		sipApi: 'sipPreview',
		desiredState: `{"trunks": {"sbc1.contoso.com": {"sipSignalingPort": 5061, "${field}": ${value}}}}`,
	});
	expect(result.error?.message).toContain(field);
	expect(result.error?.message).not.toContain('needs the preview API');
	expect(await sentRequests(emu)).toEqual([]);
});

it('Apply Desired State writes a trunk option given as "true"/"false" text as a boolean', async () => {
	const emu = emulator();
	const result = await runSip(emu, {
		resource: 'configuration',
		operation: 'applyDesiredState',
		sipApi: 'sipPreview',
		desiredState:
			'{"trunks": {"sbc1.contoso.com": {"sipSignalingPort": 5061, "enabled": "false"}}}',
	});
	expect(result.error).toBeUndefined();
	expect(await storedSip(emu)).toMatchObject({
		trunks: { 'sbc1.contoso.com': { sipSignalingPort: 5061, enabled: false } },
	});
});
