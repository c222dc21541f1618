/** A small client of n8n's internal REST API (`/rest`), as the editor uses it: cookie login, browser-id header. */
export interface OwnerAccount {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export class N8nRest {
	private cookie = '';
	private readonly browserId = 'acs-e2e-scripts';

	constructor(readonly baseUrl: string) {}

	/** Creates the instance owner unless one exists already (a second `npm start` keeps the first one). */
	async ensureOwner(owner: OwnerAccount): Promise<'created' | 'existing'> {
		const response = await this.request('POST', '/rest/owner/setup', owner, false);
		if (response.ok) return 'created';
		const text = await response.text();
		if (response.status === 400 && /already|setup/i.test(text)) return 'existing';
		throw new Error(`Owner setup failed: HTTP ${response.status} ${text.slice(0, 300)}`);
	}

	async login(email: string, password: string): Promise<void> {
		const response = await this.request(
			'POST',
			'/rest/login',
			{ emailOrLdapLoginId: email, password },
			false,
		);
		if (!response.ok)
			throw new Error(
				`Login failed: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`,
			);
		const setCookie = response.headers
			.getSetCookie()
			.find((value) => value.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('Login answered without an n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	/** Runs a stored credential's test the way the editor's Test button does. */
	async testCredential(id: string): Promise<{ status: string; message: string }> {
		const stored = await this.json<{
			id: string;
			name: string;
			type: string;
			data?: Record<string, unknown>;
		}>('GET', `/rest/credentials/${encodeURIComponent(id)}?includeData=true`);
		return await this.json('POST', '/rest/credentials/test', {
			credentials: { id: stored.id, name: stored.name, type: stored.type, data: stored.data ?? {} },
		});
	}

	/** Publishes a workflow's current version, as the editor's Publish button does (production webhooks, triggers). */
	async activateWorkflow(id: string): Promise<void> {
		const path = `/rest/workflows/${encodeURIComponent(id)}`;
		const { versionId } = await this.json<{ versionId: string }>('GET', path);
		await this.json('POST', `${path}/activate`, { versionId });
	}

	async json<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.request(method, path, body, true);
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path}: HTTP ${response.status} ${text.slice(0, 500)}`);
		const parsed = JSON.parse(text) as { data?: T };
		return (parsed.data ?? parsed) as T;
	}

	private request(
		method: string,
		path: string,
		body: unknown,
		authenticated: boolean,
	): Promise<Response> {
		const headers: Record<string, string> = { 'browser-id': this.browserId };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (authenticated && this.cookie) headers.cookie = this.cookie;
		return fetch(`${this.baseUrl}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	}
}
