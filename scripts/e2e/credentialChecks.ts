import assert from 'node:assert/strict';
import type { RunningEmulator } from '../../emulator';
import { CONNECTION_STRING_CREDENTIAL, ENTRA_ID_CREDENTIAL } from '../demo/credentials';
import type { N8nRest } from '../n8n/rest';
import type { Report } from './report';

export const WRONG_KEY_CREDENTIAL = {
	id: 'acsEmulatorWrongKey',
	name: 'ACS emulator (wrong key)',
	type: CONNECTION_STRING_CREDENTIAL.type,
} as const;

/**
 * The credential Test button, through n8n's REST API as the editor calls it: both emulator credentials pass,
 * and the emulator saw the test request with the right kind of authentication; a wrong key fails.
 */
export async function checkCredentialTests(
	rest: N8nRest,
	emulator: RunningEmulator,
	report: Report,
): Promise<void> {
	const expectations = [
		{ credential: CONNECTION_STRING_CREDENTIAL, status: 'OK', auth: 'hmac' },
		{ credential: ENTRA_ID_CREDENTIAL, status: 'OK', auth: 'bearer' },
		{ credential: WRONG_KEY_CREDENTIAL, status: 'Error', auth: 'rejected' },
	] as const;
	for (const expected of expectations) {
		await report.check(
			`credential test: ${expected.credential.name} -> ${expected.status}`,
			async () => {
				await emulator.control.clearRequestLog();
				const result = await rest.testCredential(expected.credential.id);
				assert.equal(result.status, expected.status, `test answered ${JSON.stringify(result)}`);
				const requests = (await emulator.control.requestLog()).filter(
					(request) => !request.path.startsWith('/_emulator'),
				);
				assert.ok(requests.length > 0, 'the credential test sent nothing to the emulator');
				assert.ok(
					requests.every((request) => request.auth === expected.auth),
					`expected auth ${expected.auth}: ${JSON.stringify(requests)}`,
				);
				if (expected.status === 'Error')
					assert.ok(
						!/accesskey|[A-Za-z0-9+/]{40,}={0,2}/.test(result.message),
						'the message leaks the key',
					);
			},
		);
	}
}
