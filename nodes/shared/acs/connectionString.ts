/** Parses an ACS connection string `endpoint=https://x.communication.azure.com/;accesskey=BASE64`. */

export interface AcsConnectionString {
	endpoint: string;
	accessKey: string;
}

/** Thrown for a malformed connection string. Its message never contains any part of the input. */
export class ConnectionStringError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ConnectionStringError';
	}
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const EXPECTED_SHAPE =
	'Expected: endpoint=https://<resource>.communication.azure.com/;accesskey=<key>';

export function parseConnectionString(value: unknown): AcsConnectionString {
	if (typeof value !== 'string' || value.trim() === '') {
		throw new ConnectionStringError(`The connection string is empty. ${EXPECTED_SHAPE}`);
	}
	const parts = new Map<string, string>();
	const segments = value
		.trim()
		.split(';')
		.filter((segment) => segment.trim() !== '');
	for (const [index, segment] of segments.entries()) {
		const equals = segment.indexOf('=');
		if (equals <= 0) {
			throw new ConnectionStringError(
				`Part ${index + 1} of the connection string is not of the form name=value. ${EXPECTED_SHAPE}`,
			);
		}
		const name = segment.slice(0, equals).trim().toLowerCase();
		if (name !== 'endpoint' && name !== 'accesskey') {
			throw new ConnectionStringError(
				`Part ${index + 1} of the connection string is neither "endpoint" nor "accesskey". ${EXPECTED_SHAPE}`,
			);
		}
		if (parts.has(name)) {
			throw new ConnectionStringError(`The connection string contains "${name}" twice.`);
		}
		parts.set(name, segment.slice(equals + 1).trim());
	}
	const endpoint = parts.get('endpoint');
	const accessKey = parts.get('accesskey');
	if (!endpoint) {
		throw new ConnectionStringError(`The connection string has no endpoint. ${EXPECTED_SHAPE}`);
	}
	if (!accessKey) {
		throw new ConnectionStringError(`The connection string has no accesskey. ${EXPECTED_SHAPE}`);
	}
	if (!BASE64.test(accessKey) || accessKey.length % 4 !== 0) {
		throw new ConnectionStringError(
			'The accesskey in the connection string is not valid base64. Copy the connection string again from the Azure portal (Keys blade).',
		);
	}
	return { endpoint, accessKey };
}
