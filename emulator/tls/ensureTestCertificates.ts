/**
 * Creates, once, the test TLS material under .local/tls/ (git-ignored):
 *   ca.pem / ca-key.pem          a test CA, trusted only by processes started with NODE_EXTRA_CA_CERTS=.local/tls/ca.pem
 *   server.pem / server-key.pem  a server certificate for 127.0.0.1, localhost and ::1, signed by the CA
 *   client.pem                   a client certificate with its key (Entra certificate auth of the test client)
 * Idempotent and safe to run concurrently: the set is built in a temporary folder and renamed into place.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from 'selfsigned';

export interface TestCertificates {
	dir: string;
	caCertPem: string;
	serverCertPem: string;
	serverKeyPem: string;
	/** Certificate followed by its private key, as @azure/identity's ClientCertificateCredential accepts it. */
	clientCertificatePem: string;
}

export const DEFAULT_TLS_DIR = resolve(__dirname, '..', '..', '.local', 'tls');
const FILES = ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem', 'client.pem'];

export async function ensureTestCertificates(
	dir: string = DEFAULT_TLS_DIR,
): Promise<TestCertificates> {
	if (!FILES.every((file) => existsSync(join(dir, file)))) await createCertificateSet(dir);
	return {
		dir,
		caCertPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
		serverCertPem: readFileSync(join(dir, 'server.pem'), 'utf8'),
		serverKeyPem: readFileSync(join(dir, 'server-key.pem'), 'utf8'),
		clientCertificatePem: readFileSync(join(dir, 'client.pem'), 'utf8'),
	};
}

async function createCertificateSet(dir: string): Promise<void> {
	const notBeforeDate = new Date(Date.now() - 24 * 3600 * 1000);
	const notAfterDate = new Date(Date.now() + 5 * 365 * 24 * 3600 * 1000);
	const ca = await generate([{ name: 'commonName', value: 'ACS Emulator Test CA' }], {
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		extensions: [
			{ name: 'basicConstraints', cA: true, critical: true },
			{
				name: 'keyUsage',
				keyCertSign: true,
				cRLSign: true,
				digitalSignature: true,
				critical: true,
			},
		],
	});
	const server = await generate([{ name: 'commonName', value: 'localhost' }], {
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		ca: { key: ca.private, cert: ca.cert },
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 2, value: 'localhost' },
					{ type: 7, ip: '127.0.0.1' },
					{ type: 7, ip: '::1' },
				],
			},
		],
	});
	const client = await generate([{ name: 'commonName', value: 'ACS Emulator Test Client' }], {
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate,
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true },
			{ name: 'extKeyUsage', clientAuth: true },
		],
	});

	const parent = resolve(dir, '..');
	mkdirSync(parent, { recursive: true });
	const staging = `${dir}.tmp-${process.pid}-${Date.now()}`;
	mkdirSync(staging, { recursive: true });
	writeFileSync(join(staging, 'ca.pem'), ca.cert);
	writeFileSync(join(staging, 'ca-key.pem'), ca.private, { mode: 0o600 });
	writeFileSync(join(staging, 'server.pem'), server.cert);
	writeFileSync(join(staging, 'server-key.pem'), server.private, { mode: 0o600 });
	writeFileSync(join(staging, 'client.pem'), `${client.cert.trim()}\n${client.private.trim()}\n`, {
		mode: 0o600,
	});
	try {
		if (existsSync(dir) && !FILES.every((file) => existsSync(join(dir, file))))
			rmSync(dir, { recursive: true, force: true });
		renameSync(staging, dir);
	} catch {
		// Another process won the race: keep its set.
		rmSync(staging, { recursive: true, force: true });
	}
}

if (require.main === module) {
	ensureTestCertificates()
		.then((certs) => console.log(`Test certificates ready in ${certs.dir}`))
		.catch((error: Error) => {
			console.error(`Could not create test certificates: ${error.message}`);
			process.exit(1);
		});
}
