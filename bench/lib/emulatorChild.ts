/** Runs the emulator in its own process (so it does not share an event loop with the clients) and reports its address over IPC. */
import { startEmulator } from '../../emulator';

async function main(): Promise<void> {
	const seed = Number(process.argv[2] ?? 42);
	const emu = await startEmulator({ port: 0, tls: false, seed });
	process.send?.({
		endpoint: emu.endpoint,
		accessKey: emu.accessKey,
		connectionString: emu.connectionString,
	});
	process.on('disconnect', () => {
		void emu.stop().then(() => process.exit(0));
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
