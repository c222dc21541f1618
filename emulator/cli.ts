/**
 * npm run emulator -- [--port 4600] [--access-key <base64>] [--state FILE] [--seed N] [--token-issuer-port N] [--client-secret S] [--no-token-issuer]
 * Prints `Connection string: endpoint=http://127.0.0.1:<port>/;accesskey=<key>` on stdout first, then on stderr the
 * same resource over HTTPS (for SDK clients, which refuse plain http unless told), the token issuer details and the seed.
 */
import { startEmulator, type StartEmulatorOptions } from './index';

export function parseCliArguments(argv: string[]): StartEmulatorOptions {
	const options: StartEmulatorOptions = { port: 4600 };
	const value = (index: number, name: string): string => {
		const next = argv[index + 1];
		if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value`);
		return next;
	};
	const integer = (text: string, name: string, min: number, max: number): number => {
		const parsed = Number(text);
		if (!Number.isInteger(parsed) || parsed < min || parsed > max)
			throw new Error(`${name} must be an integer from ${min} to ${max}`);
		return parsed;
	};
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].split(/=(.*)/s, 2);
		const take = () => (inline !== undefined ? inline : value(i++, name));
		switch (name) {
			case '--port':
				options.port = integer(take(), name, 0, 65535);
				break;
			case '--access-key': {
				const key = take();
				if (!/^[A-Za-z0-9+/]+={0,2}$/.test(key)) throw new Error('--access-key must be base64');
				options.accessKey = key;
				break;
			}
			case '--state':
				options.statePath = take();
				break;
			case '--seed':
				options.seed = integer(take(), name, 0, 2 ** 31 - 1);
				break;
			case '--token-issuer-port':
				options.tokenIssuerPort = integer(take(), name, 0, 65535);
				break;
			case '--client-secret':
				options.clientSecret = take();
				break;
			case '--no-token-issuer':
				options.tls = false;
				break;
			case '--help':
			case '-h':
				console.log(
					'Usage: npm run emulator -- [--port 4600] [--access-key <base64>] [--state FILE] [--seed N] [--token-issuer-port N] [--client-secret S] [--no-token-issuer]',
				);
				process.exit(0);
			default:
				throw new Error(`Unknown option ${name}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseCliArguments(process.argv.slice(2));
	const emu = await startEmulator(options);
	console.log(`Connection string: ${emu.connectionString}`);
	if (options.tls !== false) {
		console.error(
			`HTTPS connection string (trust .local/tls/ca.pem with NODE_EXTRA_CA_CERTS): ${emu.secureConnectionString}`,
		);
		const issuer = emu.tokenIssuer;
		console.error(`Token issuer (authorityHost, trust .local/tls/ca.pem): ${issuer.authorityHost}`);
		console.error(
			`Entra test client: tenantId=${issuer.tenantId} clientId=${issuer.clientId} clientSecret=${issuer.clientSecret} certificate=.local/tls/client.pem`,
		);
	}
	console.error(
		`Seed: ${emu.seed}${options.statePath ? `  State file: ${options.statePath}` : '  State: in memory'}`,
	);
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		emu.stop().then(
			() => {
				console.error(`Emulator stopped (${signal}).`);
				process.exit(0);
			},
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
}

if (require.main === module) {
	main().catch((error: Error) => {
		console.error(`ACS emulator failed to start: ${error.message}`);
		process.exit(1);
	});
}
