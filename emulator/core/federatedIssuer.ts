/**
 * The "federated issuer" of workload identity (a Kubernetes cluster's service-account token issuer, say): the emulator
 * owns its signing key, mints service-account tokens with it, and checks them when the registered client presents
 * one as `client_assertion` at the token endpoint. One federated credential is registered for the test client:
 * issuer, subject and audience must all match, as in Entra ID.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { VirtualClock } from './clock';
import { decodeJwt, signJwtRs256, verifyJwtSignature } from './jwt';

export const FEDERATED_AUDIENCE = 'api://AzureADTokenExchange';
export const DEFAULT_FEDERATED_SUBJECT = 'system:serviceaccount:n8n:n8n-workload';
const DEFAULT_FEDERATED_LIFETIME_SECONDS = 3600;
const CLOCK_SKEW_SECONDS = 300;

export interface FederatedCredentialInfo {
	/** `iss` of the tokens this issuer mints (not served: the emulator holds the key itself). */
	issuer: string;
	/** The subject registered for the test client. */
	subject: string;
	audience: string;
}

export interface MintFederatedTokenOptions {
	/** Defaults to the registered subject. */
	subject?: string;
	/** Defaults to 3600; measured on the emulator's virtual clock. */
	lifetimeSeconds?: number;
	/** Defaults to api://AzureADTokenExchange. */
	audience?: string;
}

export type FederatedRefusal = { code: 'mismatch' | 'time' | 'signature'; message: string };

export class FederatedIssuer {
	private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
	private readonly kid = randomBytes(12).toString('base64url');

	constructor(
		private readonly clock: VirtualClock,
		private readonly issuerUrl: () => string,
		private readonly subject = DEFAULT_FEDERATED_SUBJECT,
	) {}

	info(): FederatedCredentialInfo {
		return { issuer: this.issuerUrl(), subject: this.subject, audience: FEDERATED_AUDIENCE };
	}

	/** True when the assertion claims to come from this issuer (otherwise it is a certificate assertion). */
	claims(assertion: string): boolean {
		return decodeJwt(assertion)?.payload.iss === this.issuerUrl();
	}

	mint(options: MintFederatedTokenOptions = {}): string {
		const now = Math.floor(this.clock.now().getTime() / 1000);
		return signJwtRs256(
			{
				iss: this.issuerUrl(),
				sub: options.subject ?? this.subject,
				aud: [options.audience ?? FEDERATED_AUDIENCE],
				iat: now,
				nbf: now,
				exp: now + (options.lifetimeSeconds ?? DEFAULT_FEDERATED_LIFETIME_SECONDS),
				jti: randomBytes(12).toString('base64url'),
			},
			this.key.privateKey,
			this.kid,
		);
	}

	/** Undefined when the assertion matches the registered federated credential and is within its lifetime. */
	verify(assertion: string): FederatedRefusal | undefined {
		const jwt = decodeJwt(assertion);
		if (!jwt || jwt.header.kid !== this.kid || !verifyJwtSignature(jwt, this.key.publicKey)) {
			return {
				code: 'signature',
				message: 'The federated token signature does not match the issuer key.',
			};
		}
		const { iss, sub, aud, exp, nbf } = jwt.payload;
		const audiences = Array.isArray(aud) ? aud : [aud];
		if (
			iss !== this.issuerUrl() ||
			sub !== this.subject ||
			!audiences.includes(FEDERATED_AUDIENCE)
		) {
			return {
				code: 'mismatch',
				message:
					'No matching federated identity record found for the presented assertion (issuer, subject and audience must match).',
			};
		}
		const now = Math.floor(this.clock.now().getTime() / 1000);
		if (typeof exp !== 'number' || exp + CLOCK_SKEW_SECONDS <= now)
			return { code: 'time', message: 'The federated token has expired.' };
		if (typeof nbf === 'number' && nbf - CLOCK_SKEW_SECONDS > now)
			return { code: 'time', message: 'The federated token is not yet valid.' };
		return undefined;
	}
}
