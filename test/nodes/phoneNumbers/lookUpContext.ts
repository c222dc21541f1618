/** A minimal n8n context for Operator Information → Look Up, answering every request with `answer` (no I/O). */
export function lookUpContext(
	numbers: string,
	answer: (credentialType: string, request: { body?: unknown }) => Promise<unknown>,
	continueOnFail = true,
) {
	const params: Record<string, unknown> = {
		phoneNumbers: numbers,
		includeAdditionalOperatorDetails: false,
		authentication: 'connectionString',
		options: {},
	};
	return {
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in params ? params[name] : fallback,
		getNode: () => ({
			id: 'n',
			name: 'ACS',
			type: 'x',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		continueOnFail: () => continueOnFail,
		getExecutionCancelSignal: () => undefined,
		getCredentials: async () => ({
			connectionStringSecret:
				'endpoint=https://contoso.communication.azure.com/;accesskey=' +
				Buffer.from('k').toString('base64'),
		}),
		helpers: { httpRequestWithAuthentication: answer },
	} as never;
}
