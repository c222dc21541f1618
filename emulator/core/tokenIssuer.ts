/**
 * The emulator as an Entra ID token issuer (HTTPS, test certificate from .local/tls):
 *   GET  /{tenant}/v2.0/.well-known/openid-configuration   metadata MSAL asks for (instance discovery disabled)
 *   GET  /{tenant}/discovery/v2.0/keys                     JWKS
 *   POST /{tenant}/oauth2/v2.0/token                       client_credentials with client_secret or client_assertion
 *                                                          (certificate-signed, or a federated workload-identity token)
 *   GET  /msi/token                                        App Service-style managed identity (X-IDENTITY-HEADER)
 * Access tokens are RS256 JWTs timed by the virtual clock; ACS routes verify them with verifyAccessToken().
 */
import {
	createHash,
	generateKeyPairSync,
	randomBytes,
	randomUUID,
	X509Certificate,
	type KeyObject,
} from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BearerVerifier } from './auth';
import { readBodyWithin, UNREAD_BODY_HEADERS } from './bodyLimit';
import type { VirtualClock } from './clock';
import {
	FederatedIssuer,
	type FederatedCredentialInfo,
	type FederatedRefusal,
	type MintFederatedTokenOptions,
} from './federatedIssuer';
import { decodeJwt, signJwtRs256, verifyJwtSignature } from './jwt';

export const ACS_AUDIENCE = 'https://communication.azure.com';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const VERIFIED_TOKENS_KEPT = 1000;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const CLOCK_SKEW_SECONDS = 300;
/** A token request with a certificate assertion takes about 3 KiB. */
const MAX_TOKEN_REQUEST_BYTES = 64 * 1024;

export interface TokenIssuerInfo {
	/** 'https://127.0.0.1:<port>' — pass as authorityHost with disableInstanceDiscovery: true. */
	authorityHost: string;
	tenantId: string;
	clientId: string;
	clientSecret: string;
	/** Client certificate followed by its private key (PEM), registered for clientId. */
	certificatePem: string;
	/** CA that signed the issuer's TLS certificate (trust it, e.g. NODE_EXTRA_CA_CERTS=.local/tls/ca.pem). */
	caCertPem: string;
	/** App Service managed identity: set IDENTITY_ENDPOINT / IDENTITY_HEADER to these. */
	managedIdentity: {
		endpoint: string;
		header: string;
		systemAssignedClientId: string;
		userAssignedClientId: string;
	};
	/** Workload identity: the federated credential registered for clientId (issuer, subject, audience). */
	workloadIdentity: FederatedCredentialInfo;
	/** A service-account token of the federated issuer (write it to AZURE_FEDERATED_TOKEN_FILE); timed by the virtual clock. */
	mintFederatedToken(options?: MintFederatedTokenOptions): string;
}

export interface TokenIssuerOptions {
	clock: VirtualClock;
	serverCertPem: string;
	serverKeyPem: string;
	caCertPem: string;
	clientCertificatePem: string;
	lifetimeSeconds?: number;
	tenantId?: string;
	clientId?: string;
	clientSecret?: string;
}

interface TokenRequest {
	body: URLSearchParams;
	tenant: string;
}

type Reply = { status: number; body: unknown };

export class TokenIssuer implements BearerVerifier {
	private readonly signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
	private readonly kid = randomBytes(12).toString('base64url');
	private readonly server: Server;
	private readonly clientCertificate: X509Certificate;
	private readonly clientCertificateKey: KeyObject;
	private port = 0;
	private issued = 0;
	private lifetime: number;
	private readonly verifiedTokens = new Map<string, { exp: unknown; nbf: unknown }>();
	readonly tenantId: string;
	readonly clientId: string;
	readonly clientSecret: string;
	private readonly identityHeader = randomBytes(16).toString('hex');
	private readonly systemAssignedClientId = randomUUID();
	private readonly userAssignedClientId = randomUUID();
	private readonly federated: FederatedIssuer;

	constructor(private readonly options: TokenIssuerOptions) {
		this.lifetime = options.lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
		this.tenantId = options.tenantId ?? '72f0c0de-0000-4000-8000-00000000ac50';
		this.clientId = options.clientId ?? 'a11ce5e0-0000-4000-8000-00000000c11e';
		this.clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
		this.clientCertificate = new X509Certificate(options.clientCertificatePem);
		this.clientCertificateKey = this.clientCertificate.publicKey;
		this.federated = new FederatedIssuer(options.clock, () => `${this.authorityHost}/federation`);
		this.server = createServer(
			{ cert: options.serverCertPem, key: options.serverKeyPem },
			(req, res) => {
				this.handle(req, res).catch(() =>
					send(res, {
						status: 500,
						body: aadError('server_error', 'AADSTS90033: internal error.', 90033),
					}),
				);
			},
		);
	}

	async start(port = 0): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, '127.0.0.1', () => resolve());
		});
		this.port = (this.server.address() as AddressInfo).port;
	}

	stop(): Promise<void> {
		return new Promise((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	get authorityHost(): string {
		return `https://127.0.0.1:${this.port}`;
	}

	info(): TokenIssuerInfo {
		return {
			authorityHost: this.authorityHost,
			tenantId: this.tenantId,
			clientId: this.clientId,
			clientSecret: this.clientSecret,
			certificatePem: this.options.clientCertificatePem,
			caCertPem: this.options.caCertPem,
			managedIdentity: {
				endpoint: `${this.authorityHost}/msi/token`,
				header: this.identityHeader,
				systemAssignedClientId: this.systemAssignedClientId,
				userAssignedClientId: this.userAssignedClientId,
			},
			workloadIdentity: this.federated.info(),
			mintFederatedToken: (options) => this.federated.mint(options),
		};
	}

	issuedCount(): number {
		return this.issued;
	}

	resetCount(): void {
		this.issued = 0;
	}

	lifetimeSeconds(): number {
		return this.lifetime;
	}

	setLifetimeSeconds(seconds: number): void {
		this.lifetime = seconds;
	}

	issuerFor(tenant: string): string {
		return `${this.authorityHost}/${tenant}/v2.0`;
	}

	verifyAccessToken(token: string, now: Date): string | undefined {
		let times = this.verifiedTokens.get(token);
		if (!times) {
			const jwt = decodeJwt(token);
			if (!jwt) return 'The access token is malformed.';
			if (
				jwt.header.alg !== 'RS256' ||
				jwt.header.kid !== this.kid ||
				!verifyJwtSignature(jwt, this.signingKey.publicKey)
			) {
				return 'The access token signature is invalid.';
			}
			const { aud, iss, exp, nbf } = jwt.payload;
			if (aud !== ACS_AUDIENCE && aud !== `${ACS_AUDIENCE}/`)
				return 'The access token audience is not valid for this resource.';
			if (iss !== this.issuerFor(this.tenantId)) return 'The access token issuer is not trusted.';
			times = { exp, nbf };
			// One token serves many requests: its signature, audience and issuer are checked once (bounded memory).
			if (this.verifiedTokens.size >= VERIFIED_TOKENS_KEPT) this.verifiedTokens.clear();
			this.verifiedTokens.set(token, times);
		}
		const { exp, nbf } = times;
		const nowSeconds = Math.floor(now.getTime() / 1000);
		if (typeof exp !== 'number' || exp <= nowSeconds) return 'The access token has expired.';
		if (typeof nbf === 'number' && nbf > nowSeconds + CLOCK_SKEW_SECONDS)
			return 'The access token is not yet valid.';
		return undefined;
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', this.authorityHost);
		const raw = await readBodyWithin(req, MAX_TOKEN_REQUEST_BYTES);
		if (raw === undefined) {
			const description = `The request body is over ${MAX_TOKEN_REQUEST_BYTES / 1024} KiB.`;
			return send(
				res,
				{ status: 413, body: { error: 'invalid_request', error_description: description } },
				UNREAD_BODY_HEADERS,
			);
		}
		const body = new URLSearchParams(raw.toString('utf8'));
		const segments = url.pathname.split('/').filter(Boolean);
		const tenant = segments[0] ?? '';
		const rest = segments.slice(1).join('/');

		if (req.method === 'GET' && url.pathname === '/msi/token')
			return send(res, this.managedIdentityToken(req, url.searchParams));
		if (tenant !== this.tenantId && tenant !== 'organizations') {
			return send(res, {
				status: 400,
				body: aadError('invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`, 90002),
			});
		}
		if (
			req.method === 'GET' &&
			(rest === 'v2.0/.well-known/openid-configuration' ||
				rest === '.well-known/openid-configuration')
		) {
			return send(res, { status: 200, body: this.openIdConfiguration(tenant) });
		}
		if (req.method === 'GET' && rest === 'discovery/v2.0/keys')
			return send(res, { status: 200, body: this.jwks() });
		if (req.method === 'POST' && rest === 'oauth2/v2.0/token')
			return send(res, this.clientCredentialsToken({ body, tenant }));
		send(res, {
			status: 404,
			body: aadError('invalid_request', 'AADSTS90010: unsupported endpoint.', 90010),
		});
	}

	private openIdConfiguration(tenant: string): Record<string, unknown> {
		const base = `${this.authorityHost}/${tenant}`;
		return {
			issuer: this.issuerFor(tenant),
			authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
			token_endpoint: `${base}/oauth2/v2.0/token`,
			device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
			end_session_endpoint: `${base}/oauth2/v2.0/logout`,
			jwks_uri: `${base}/discovery/v2.0/keys`,
			token_endpoint_auth_methods_supported: [
				'client_secret_post',
				'private_key_jwt',
				'client_secret_basic',
			],
			response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
			subject_types_supported: ['pairwise'],
			id_token_signing_alg_values_supported: ['RS256'],
			scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
			tenant_region_scope: 'WW',
			cloud_instance_name: 'microsoftonline.com',
		};
	}

	private jwks(): Record<string, unknown> {
		const jwk = this.signingKey.publicKey.export({ format: 'jwk' });
		return { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, alg: 'RS256' }] };
	}

	private clientCredentialsToken({ body, tenant }: TokenRequest): Reply {
		if (body.get('grant_type') !== 'client_credentials') {
			return {
				status: 400,
				body: aadError(
					'unsupported_grant_type',
					'AADSTS70003: The app requested an unsupported grant type.',
					70003,
				),
			};
		}
		const clientId = body.get('client_id') ?? '';
		if (clientId !== this.clientId) {
			return {
				status: 400,
				body: aadError(
					'unauthorized_client',
					`AADSTS700016: Application with identifier '${clientId}' was not found in the directory.`,
					700016,
				),
			};
		}
		const scope = (body.get('scope') ?? '').split(' ').find((value) => value.endsWith('/.default'));
		if (!scope) {
			return {
				status: 400,
				body: aadError(
					'invalid_scope',
					'AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default.',
					1002012,
				),
			};
		}
		const secret = body.get('client_secret');
		const assertion = body.get('client_assertion');
		if (secret !== null) {
			if (!sameSecret(secret, this.clientSecret)) {
				return {
					status: 401,
					body: aadError(
						'invalid_client',
						'AADSTS7000215: Invalid client secret provided.',
						7000215,
					),
				};
			}
		} else if (
			assertion !== null &&
			body.get('client_assertion_type') === ASSERTION_TYPE &&
			this.federated.claims(assertion)
		) {
			const refusal = this.federated.verify(assertion);
			if (refusal) return federatedRefusalReply(refusal);
		} else if (assertion !== null && body.get('client_assertion_type') === ASSERTION_TYPE) {
			const problem = this.verifyClientAssertion(assertion, clientId, tenant);
			if (problem)
				return {
					status: 401,
					body: aadError(
						'invalid_client',
						`AADSTS700027: Client assertion failed signature validation. ${problem}`,
						700027,
					),
				};
		} else {
			return {
				status: 401,
				body: aadError(
					'invalid_client',
					'AADSTS7000216: client_assertion or client_secret is required.',
					7000216,
				),
			};
		}
		const token = this.issue(scopeToAudience(scope), clientId, clientId);
		return {
			status: 200,
			body: {
				token_type: 'Bearer',
				expires_in: token.lifetime,
				ext_expires_in: token.lifetime,
				access_token: token.accessToken,
			},
		};
	}

	private verifyClientAssertion(
		assertion: string,
		clientId: string,
		tenant: string,
	): string | undefined {
		const jwt = decodeJwt(assertion);
		if (!jwt) return 'The assertion is malformed.';
		if (!verifyJwtSignature(jwt, this.clientCertificateKey))
			return 'The signature does not match a registered certificate.';
		const der = this.clientCertificate.raw;
		const x5t = jwt.header.x5t;
		const x5tS256 = jwt.header['x5t#S256'];
		if (x5t !== undefined && x5t !== createHash('sha1').update(der).digest('base64url'))
			return 'Unknown certificate thumbprint.';
		if (x5tS256 !== undefined && x5tS256 !== createHash('sha256').update(der).digest('base64url'))
			return 'Unknown certificate thumbprint.';
		const { iss, sub, aud, exp, nbf } = jwt.payload;
		if (iss !== clientId || sub !== clientId)
			return 'The assertion issuer and subject must be the client id.';
		const tokenEndpoint = `${this.authorityHost}/${tenant}/oauth2/v2.0/token`;
		const audiences = Array.isArray(aud) ? aud : [aud];
		if (
			!audiences.some(
				(value) =>
					value === tokenEndpoint ||
					value === `${this.authorityHost}/${tenant}/v2.0` ||
					value === this.issuerFor(tenant),
			)
		) {
			return 'The assertion audience is not this token endpoint.';
		}
		// The client signs with its own (real) clock; accept it against real or virtual time.
		const candidates = [Date.now(), this.options.clock.now().getTime()].map((ms) =>
			Math.floor(ms / 1000),
		);
		if (typeof exp !== 'number' || !candidates.some((now) => exp + CLOCK_SKEW_SECONDS > now))
			return 'The assertion has expired.';
		if (typeof nbf === 'number' && !candidates.some((now) => nbf - CLOCK_SKEW_SECONDS <= now))
			return 'The assertion is not yet valid.';
		return undefined;
	}

	private managedIdentityToken(req: IncomingMessage, query: URLSearchParams): Reply {
		if (req.headers['x-identity-header'] !== this.identityHeader) {
			return {
				status: 401,
				body: { statusCode: 401, message: 'X-IDENTITY-HEADER is missing or not valid.' },
			};
		}
		const resource = query.get('resource');
		if (!resource || !query.get('api-version')) {
			return {
				status: 400,
				body: {
					statusCode: 400,
					message: 'The resource and api-version query parameters are required.',
				},
			};
		}
		const requested = query.get('client_id') ?? query.get('principal_id') ?? undefined;
		if (
			requested !== undefined &&
			requested !== this.userAssignedClientId &&
			requested !== this.systemAssignedClientId
		) {
			return {
				status: 400,
				body: { statusCode: 400, message: 'No managed identity matches the requested client_id.' },
			};
		}
		const clientId = requested ?? this.systemAssignedClientId;
		const token = this.issue(resource.replace(/\/+$/, ''), clientId, clientId);
		return {
			status: 200,
			body: {
				access_token: token.accessToken,
				expires_on: String(token.expiresOn),
				resource,
				token_type: 'Bearer',
				client_id: clientId,
			},
		};
	}

	private issue(
		audience: string,
		appId: string,
		objectId: string,
	): { accessToken: string; expiresOn: number; lifetime: number } {
		const now = Math.floor(this.options.clock.now().getTime() / 1000);
		const expiresOn = now + this.lifetime;
		const accessToken = signJwtRs256(
			{
				aud: audience,
				iss: this.issuerFor(this.tenantId),
				iat: now,
				nbf: now,
				exp: expiresOn,
				tid: this.tenantId,
				appid: appId,
				azp: appId,
				oid: objectId,
				sub: objectId,
				idtyp: 'app',
				ver: '2.0',
				uti: randomBytes(16).toString('base64url'),
			},
			this.signingKey.privateKey,
			this.kid,
		);
		this.issued += 1;
		return { accessToken, expiresOn, lifetime: this.lifetime };
	}
}

/** 'https://communication.azure.com//.default' -> 'https://communication.azure.com' */
export function scopeToAudience(scope: string): string {
	return scope.slice(0, -'/.default'.length).replace(/\/+$/, '');
}

function federatedRefusalReply(refusal: FederatedRefusal): Reply {
	if (refusal.code === 'mismatch')
		return {
			status: 400,
			body: aadError('invalid_request', `AADSTS70021: ${refusal.message}`, 70021),
		};
	if (refusal.code === 'time')
		return {
			status: 400,
			body: aadError(
				'invalid_client',
				`AADSTS700024: Client assertion is not within its valid time range. ${refusal.message}`,
				700024,
			),
		};
	return {
		status: 401,
		body: aadError(
			'invalid_client',
			`AADSTS700027: Client assertion failed signature validation. ${refusal.message}`,
			700027,
		),
	};
}

function aadError(error: string, description: string, code: number): Record<string, unknown> {
	return {
		error,
		error_description: description,
		error_codes: [code],
		timestamp: new Date()
			.toISOString()
			.replace('T', ' ')
			.replace(/\.\d+Z$/, 'Z'),
		trace_id: randomUUID(),
		correlation_id: randomUUID(),
	};
}

function sameSecret(a: string, b: string): boolean {
	const left = createHash('sha256').update(a).digest();
	const right = createHash('sha256').update(b).digest();
	return left.equals(right);
}

function send(res: ServerResponse, reply: Reply, headers: Record<string, string> = {}): void {
	const payload = Buffer.from(JSON.stringify(reply.body));
	res.writeHead(reply.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': String(payload.length),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(payload);
}
