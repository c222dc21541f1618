/**
 * Child process for the crash test: an emulator that dies (SIGKILL) after its temp state file is durable
 * but before the rename, on state write number CRASH_ON_WRITE. Prints its endpoint as one JSON line.
 */
import { startEmulator } from '../../../../emulator';
import { thingsDomain } from './thingsDomain';

const crashOnWrite = Number(process.env.CRASH_ON_WRITE);
let writes = 0;

startEmulator({
	port: 0,
	tls: false,
	domains: [thingsDomain],
	statePath: process.env.STATE_PATH,
	accessKey: process.env.ACCESS_KEY,
	seed: 3,
	hooks: {
		beforeStateRename: () => {
			writes += 1;
			if (writes === crashOnWrite) process.kill(process.pid, 'SIGKILL');
		},
	},
}).then((emu) => console.log(JSON.stringify({ endpoint: emu.endpoint })));
