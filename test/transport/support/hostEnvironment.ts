/**
 * Runs a function with some environment variables of "the n8n host" set (managed and workload identity read them
 * when @azure/identity builds its credential), and puts the previous values back afterwards, even on failure.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withHostEnvironment<T>(
	variables: Record<string, string | undefined>,
	run: () => Promise<T>,
): Promise<T> {
	const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
	const apply = (values: Record<string, string | undefined>) => {
		for (const [name, value] of Object.entries(values)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	};
	apply(variables);
	try {
		return await run();
	} finally {
		apply(saved);
	}
}

/** Writes a projected service-account token to a fresh temp file, as the workload identity webhook does. */
export async function withTokenFile<T>(
	token: string,
	run: (path: string) => Promise<T>,
): Promise<T> {
	const directory = mkdtempSync(join(tmpdir(), 'acs-federated-'));
	const path = join(directory, 'azure-identity-token');
	writeFileSync(path, token, { mode: 0o600 });
	try {
		return await run(path);
	} finally {
		rmSync(directory, { recursive: true, force: true });
	}
}

/** The environment variables of every other identity kind, cleared so that only the one under test is found. */
export const NO_AZURE_IDENTITY_ENVIRONMENT: Record<string, undefined> = {
	IDENTITY_ENDPOINT: undefined,
	IDENTITY_HEADER: undefined,
	IDENTITY_SERVER_THUMBPRINT: undefined,
	IMDS_ENDPOINT: undefined,
	MSI_ENDPOINT: undefined,
	MSI_SECRET: undefined,
	AZURE_POD_IDENTITY_AUTHORITY_HOST: undefined,
	AZURE_FEDERATED_TOKEN_FILE: undefined,
	AZURE_CLIENT_ID: undefined,
	AZURE_TENANT_ID: undefined,
	AZURE_CLIENT_SECRET: undefined,
	AZURE_CLIENT_CERTIFICATE_PATH: undefined,
	AZURE_AUTHORITY_HOST: undefined,
	AZURE_USERNAME: undefined,
	AZURE_PASSWORD: undefined,
};
