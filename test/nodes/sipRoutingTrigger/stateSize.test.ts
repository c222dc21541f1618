/**
 * The trigger's state at the service's limits (250 trunks, 250 routes): what n8n keeps in the workflow's static
 * data after each poll, and that changes are still found in such a configuration.
 */
import { withEmulator } from '../../support/emulator';
import { seedSip, storedSip } from '../sip/sipHarness';
import { itemsOf, sipTrigger } from './triggerHarness';

const emulator = withEmulator();
const BOTH = { events: ['configurationChanged', 'trunkHealthChanged'] };
const pad = (n: number) => String(n).padStart(3, '0');

function largeConfiguration(trunksPerRoute: (index: number, fqdns: string[]) => string[]) {
	const fqdns = Array.from({ length: 250 }, (_, index) => `sbc-${pad(index)}.region-a.contoso.com`);
	return {
		trunks: Object.fromEntries(
			fqdns.map((fqdn, index) => [fqdn, { sipSignalingPort: 5061 + (index % 50) }]),
		),
		routes: Array.from({ length: 250 }, (_, index) => ({
			name: `Route ${pad(index)} for the ${pad(index)} area`,
			numberPattern: `^\\+1${pad(index)}[0-9]{7}$`,
			description: `Calls to area ${pad(index)} through its regional SBCs`,
			trunks: trunksPerRoute(index, fqdns),
		})),
	};
}

it('a large configuration (250 trunks, 250 routes of 2 trunks) keeps a state of tens of kB', async () => {
	const emu = emulator();
	const configuration = largeConfiguration((index, fqdns) => [
		fqdns[index],
		fqdns[(index + 1) % 250],
	]);
	await seedSip(emu, configuration);
	const trigger = sipTrigger(emu, BOTH);
	expect(itemsOf(await trigger.poll())).toEqual([]);
	const bytes = trigger.staticDataBytes;
	const documentBytes = Buffer.byteLength(JSON.stringify(await storedSip(emu)));
	process.stdout.write(
		`SIP trigger state, 250 trunks, 250 routes x 2 trunks: ${bytes} bytes (GET /sip: ${documentBytes})\n`,
	);
	expect(bytes).toBeLessThan(100_000);

	const routes = [...configuration.routes];
	[routes[10], routes[200]] = [routes[200], routes[10]];
	await seedSip(emu, { routes });
	const items = itemsOf(await trigger.poll());
	expect(items.map((item) => `${item.subjectType}:${item.change}`)).toEqual([
		'routeOrder:reordered',
	]);
});

it('every route listing all 250 trunks (the service maximum) keeps the state far below the document', async () => {
	const emu = emulator();
	const configuration = largeConfiguration((_, fqdns) => fqdns);
	await seedSip(emu, configuration);
	const trigger = sipTrigger(emu, BOTH);
	expect(itemsOf(await trigger.poll())).toEqual([]);
	const bytes = trigger.staticDataBytes;
	const documentBytes = Buffer.byteLength(JSON.stringify(await storedSip(emu)));
	process.stdout.write(
		`SIP trigger state, 250 routes x 250 trunks: ${bytes} bytes (GET /sip: ${documentBytes})\n`,
	);
	expect(bytes).toBeLessThan(documentBytes / 4);
	expect(bytes).toBeLessThan(600_000);

	const edited = {
		...configuration.routes[7],
		trunks: [...configuration.routes[7].trunks].reverse(),
	};
	const routes = configuration.routes.map((route, index) => (index === 7 ? edited : route));
	await seedSip(emu, { routes });
	const items = itemsOf(await trigger.poll());
	expect(items).toEqual([
		expect.objectContaining({
			subjectType: 'route',
			subject: edited.name,
			change: 'changed',
			before: expect.objectContaining({ trunks: configuration.routes[7].trunks }),
			after: expect.objectContaining({ trunks: edited.trunks }),
		}),
	]);
});
