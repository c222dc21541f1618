import { paths } from './paths';

export interface N8nEnvironmentOptions {
	userFolder: string;
	/** Loaded through N8N_CUSTOM_EXTENSIONS when given; packages in `<userFolder>/.n8n/nodes` load either way. */
	extensionsDir?: string;
	port: number;
	/** The task runner broker's port; distinct per n8n process that may run side by side. */
	runnerBrokerPort: number;
	logLevel?: 'error' | 'warn' | 'info' | 'debug';
}

/**
 * The environment for an n8n process with this package loaded: quiet, offline (no telemetry, templates,
 * version checks, banners), bound to loopback, trusting the emulator's test CA (its Entra token issuer
 * serves TLS with a certificate from .local/tls/).
 */
export function n8nEnvironment(options: N8nEnvironmentOptions): NodeJS.ProcessEnv {
	const inherited = { ...process.env };
	// npm run sets these for its own child; n8n would read npm_config_* as nothing useful, and a stale
	// N8N_* from the user's shell must not change what the demo and the e2e run see.
	for (const key of Object.keys(inherited)) {
		if (key.startsWith('N8N_') || key.startsWith('DB_')) delete inherited[key];
	}
	return {
		...inherited,
		N8N_USER_FOLDER: options.userFolder,
		...(options.extensionsDir ? { N8N_CUSTOM_EXTENSIONS: options.extensionsDir } : {}),
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: 'localhost',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `http://localhost:${options.port}/`,
		N8N_SECURE_COOKIE: 'false',
		N8N_RUNNERS_BROKER_PORT: String(options.runnerBrokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: options.logLevel ?? 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_PYTHON_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_COMPRESSION_NODE_MAX_DECOMPRESSED_SIZE_BYTES: String(256 * 1024 * 1024),
		N8N_COMPRESSION_NODE_MAX_ZIP_ENTRIES: '1000',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		DB_SQLITE_POOL_SIZE: '4',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		NODE_EXTRA_CA_CERTS: paths.tlsCa,
		NODE_ENV: 'production',
	};
}
