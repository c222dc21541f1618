/**
 * Programmatic entry of the ACS emulator:
 *   const emu = await startEmulator({ port: 0 });  ...  await emu.stop();
 * See emulator/README.md and docs/design.md ("Emulator").
 */
import { createSecretKey, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { coreControlRoutes } from './core/controlApi';
import { ControlClient } from './core/controlClient';
import { EmulatorState } from './core/emulatorState';
import {
	close,
	createEmulatorHttpServer,
	createEmulatorHttpsServer,
	listen,
} from './core/httpServer';
import type { MountedRoute } from './core/router';
import type { PersistenceHooks } from './core/statePersistence';
import { TokenIssuer, type TokenIssuerInfo } from './core/tokenIssuer';
import type { Domain, EmulatorSettings } from './core/types';
import { domains as defaultDomains } from './domains';
import { ensureTestCertificates, type TestCertificates } from './tls/ensureTestCertificates';

export type { Domain, EmulatorContext, EmulatorReply, EmulatorRequest, Route } from './core/types';
export type { TokenIssuerInfo } from './core/tokenIssuer';
export type { FaultSpec, Fault } from './core/faults';
export type { RequestLogEntry } from './core/requestLog';
export { ControlClient } from './core/controlClient';

export interface StartEmulatorOptions {
	/** 0 = random free port (tests). Default 4600. */
	port?: number;
	/** Base64 access key; default: 32 random bytes. */
	accessKey?: string;
	/** Seed of the generated data; default: the persisted seed, else random. */
	seed?: number;
	/** State file: loaded at start, written atomically after every change. Default: in memory. */
	statePath?: string;
	/** Start the HTTPS token issuer (Entra). Default true. */
	tls?: boolean;
	/** Port of the HTTPS ACS endpoint (secureEndpoint); default random. */
	securePort?: number;
	/** Port of the token issuer; default random. */
	tokenIssuerPort?: number;
	tokenLifetimeSeconds?: number;
	/** Secret of the registered Entra test client; default random. */
	clientSecret?: string;
	/** Folder of the test certificates; default .local/tls. */
	tlsDir?: string;
	/** Domains to mount; default emulator/domains.ts. */
	domains?: Domain<any>[];
	/** Test hooks (crash simulation). */
	hooks?: PersistenceHooks;
}

export interface RunningEmulator {
	/** 'http://127.0.0.1:<port>/' */
	endpoint: string;
	port: number;
	connectionString: string;
	accessKey: string;
	seed: number;
	/** The same ACS endpoint over HTTPS ('https://127.0.0.1:<port>/', test CA): for SDK clients with a TokenCredential. */
	readonly secureEndpoint: string;
	/** Connection string of secureEndpoint (no allowInsecureConnection needed in SDK clients). */
	readonly secureConnectionString: string;
	/** The Entra token issuer (throws when started with tls: false). */
	readonly tokenIssuer: TokenIssuerInfo;
	control: ControlClient;
	stop(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
	const accessKey = options.accessKey ?? randomBytes(32).toString('base64');
	const keyBytes = Buffer.from(accessKey, 'base64');
	if (keyBytes.length === 0) throw new Error('The access key must be non-empty base64.');
	const domains = options.domains ?? defaultDomains;
	const state = new EmulatorState(domains, options.seed, options.statePath, options.hooks);

	let issuer: TokenIssuer | undefined;
	let certificates: TestCertificates | undefined;
	if (options.tls !== false) {
		certificates = await ensureTestCertificates(options.tlsDir);
		issuer = new TokenIssuer({
			clock: state.clock,
			serverCertPem: certificates.serverCertPem,
			serverKeyPem: certificates.serverKeyPem,
			caCertPem: certificates.caCertPem,
			clientCertificatePem: certificates.clientCertificatePem,
			lifetimeSeconds: options.tokenLifetimeSeconds,
			clientSecret: options.clientSecret,
		});
		await issuer.start(options.tokenIssuerPort ?? 0);
	}

	const settings: EmulatorSettings = { seed: state.seed, endpoint: '' };
	const acsRoutes: MountedRoute[] = domains.flatMap((domain) =>
		domain.routes(() => state.getState(domain.name)).map((route) => ({ route, domain })),
	);
	const controlRoutes: MountedRoute[] = [
		...coreControlRoutes({
			state,
			tokens: issuer,
			info: () => ({
				endpoint: settings.endpoint,
				seed: state.seed,
				domains: domains.map((domain) => domain.name),
				persistent: Boolean(options.statePath),
				tokenIssuer: issuer
					? {
							authorityHost: issuer.authorityHost,
							tenantId: issuer.tenantId,
							clientId: issuer.clientId,
						}
					: null,
			}),
			onReset: () => issuer?.resetCount(),
		}).map((route) => ({ route })),
		...domains.flatMap((domain) =>
			(domain.controlRoutes?.(() => state.getState(domain.name)) ?? []).map((route) => ({
				route,
				domain,
			})),
		),
	];
	const serverOptions = {
		acs: {
			state,
			routes: acsRoutes,
			accessKey: createSecretKey(keyBytes),
			bearer: issuer,
			settings,
		},
		controlRoutes,
	};
	const servers: Server[] = [createEmulatorHttpServer(serverOptions)];
	if (certificates)
		servers.push(
			createEmulatorHttpsServer(serverOptions, {
				cert: certificates.serverCertPem,
				key: certificates.serverKeyPem,
			}),
		);
	let port: number;
	let securePort: number | undefined;
	try {
		port = await listen(servers[0], options.port ?? 4600);
		if (servers[1]) securePort = await listen(servers[1], options.securePort ?? 0);
	} catch (error) {
		await Promise.all([...servers.filter((server) => server.listening).map(close), issuer?.stop()]);
		throw error;
	}
	const endpoint = `http://127.0.0.1:${port}/`;
	settings.endpoint = endpoint;
	const secureEndpoint = () => {
		if (securePort === undefined)
			throw new Error('The HTTPS endpoint is disabled (started with tls: false).');
		return `https://127.0.0.1:${securePort}/`;
	};

	return {
		endpoint,
		port,
		accessKey,
		seed: state.seed,
		connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
		get tokenIssuer(): TokenIssuerInfo {
			if (!issuer) throw new Error('The token issuer is disabled (started with tls: false).');
			return issuer.info();
		},
		get secureEndpoint(): string {
			return secureEndpoint();
		},
		get secureConnectionString(): string {
			return `endpoint=${secureEndpoint()};accesskey=${accessKey}`;
		},
		control: new ControlClient(endpoint),
		async stop() {
			state.lateRequests.clear();
			await Promise.all([...servers.map(close), issuer?.stop()]);
		},
	};
}
