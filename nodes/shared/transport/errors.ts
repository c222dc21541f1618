/**
 * Errors built from scratch: only what the ACS response says, never the request options, headers or credential.
 * n8n's own errors carry the request (with its Authorization header) as their cause, so none is re-used here.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';
import { hintForAcsError } from '../acs/errorHints';
import { withAcsContext, type AcsErrorContext } from './errorContext';
import { scrubDeep, scrubSecrets } from './scrub';
import type { AcsErrorBody } from './types';

const CORRELATION_HEADERS = ['ms-cv', 'x-azure-ref', 'x-ms-client-request-id', 'x-ms-request-id'];

export function correlationIdOf(headers: Record<string, string> | undefined): string | undefined {
	if (!headers) return undefined;
	const parts = CORRELATION_HEADERS.filter((name) => headers[name]).map(
		(name) => `${name}=${headers[name]}`,
	);
	return parts.length ? parts.join('; ') : undefined;
}

function looksLikeHtml(body: unknown, headers: Record<string, string>): boolean {
	if ((headers['content-type'] ?? '').toLowerCase().includes('text/html')) return true;
	return typeof body === 'string' && /^\s*(<!doctype html|<html|<head|<body)/i.test(body);
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (Buffer.isBuffer(body)) return parseBody((body as Buffer).toString('utf8'));
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

export function acsErrorBodyOf(body: unknown): AcsErrorBody | undefined {
	const parsed = parseBody(body);
	if (!parsed || typeof parsed !== 'object') return undefined;
	const candidate = (parsed as { error?: unknown }).error ?? parsed;
	if (!candidate || typeof candidate !== 'object') return undefined;
	const { code, message } = candidate as AcsErrorBody;
	if (typeof code !== 'string' && typeof message !== 'string') return undefined;
	return candidate as AcsErrorBody;
}

function textOf(value: unknown, max = 500): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
	const compact = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return compact.length > max ? `${compact.slice(0, max)}…` : compact;
}

function makeApiError(
	node: INode,
	message: string,
	descriptionLines: Array<string | undefined>,
	details: AcsErrorContext,
	itemIndex?: number,
): NodeApiError {
	const safeMessage = scrubSecrets(message);
	const description = scrubSecrets(descriptionLines.filter(Boolean).join('\n'));
	const plain: JsonObject = { message: safeMessage, description };
	if (details.status !== undefined) plain.httpCode = String(details.status);
	const error = new NodeApiError(node, plain, {
		message: safeMessage,
		description,
		httpCode: details.status !== undefined ? String(details.status) : undefined,
		itemIndex,
	});
	// NodeApiError rewrites messages that mention well-known codes; keep ours.
	error.message = safeMessage;
	error.description = description;
	return withAcsContext(error, details);
}

/** An HTTP response of status >= 300 (a redirect is not followed) turned into a NodeApiError. */
export function acsApiError(
	node: INode,
	answer: { statusCode: number; headers: Record<string, string>; body: unknown },
	options: { itemIndex?: number; note?: string; requestPath?: string } = {},
): NodeApiError {
	const response = scrubDeep(answer);
	const { statusCode: status, headers } = response;
	const correlationId = correlationIdOf(headers);
	const headerCode = headers['x-ms-error-code'];
	if (looksLikeHtml(response.body, headers)) {
		const hint = hintForAcsError({
			status,
			code: 'HtmlErrorPage',
			contentType: 'text/html',
			message: textOf(response.body, 200),
		});
		return makeApiError(
			node,
			`The service answered with an HTML error page (HTTP ${status}) instead of an ACS response`,
			[
				`HTTP ${status}`,
				`Page text: ${textOf(response.body, 200)}`,
				correlationId && `Correlation: ${correlationId}`,
				options.note,
				hint && `Hint: ${hint}`,
			],
			{ status, code: 'HtmlErrorPage', correlationId },
			options.itemIndex,
		);
	}
	if (status >= 300 && status < 400) {
		return makeApiError(
			node,
			`HTTP ${status}: the service answered with a redirect, which is not followed`,
			[
				headers.location && `Location: ${textOf(headers.location, 200)}`,
				correlationId && `Correlation: ${correlationId}`,
				'Requests signed with the credential go only to its endpoint. Check the endpoint (or a proxy in front of it).',
			],
			{ status, code: `HTTP${status}`, correlationId },
			options.itemIndex,
		);
	}
	const body = acsErrorBodyOf(response.body);
	const code = body?.code ?? headerCode ?? `HTTP${status}`;
	const innerCode = body?.innererror?.code;
	const hint = hintForAcsError({
		status,
		code,
		innerCode,
		message: body?.message,
		contentType: headers['content-type'],
		target: body?.target,
		requestPath: options.requestPath,
	});
	const message = body?.message
		? `${code}: ${body.message}`
		: `${code}: the service answered HTTP ${status}${response.body ? ` (${textOf(response.body, 200)})` : ''}`;
	return makeApiError(
		node,
		message,
		[
			`HTTP ${status}`,
			innerCode &&
				`Inner error: ${innerCode}${body?.innererror?.message ? ` — ${body.innererror.message}` : ''}`,
			body?.target && `Target: ${body.target}`,
			headerCode && `x-ms-error-code: ${headerCode}`,
			...(body?.details ?? []).map(
				(d) => `Detail: ${d.code ?? ''}${d.message ? ` — ${d.message}` : ''}`,
			),
			correlationId && `Correlation: ${correlationId}`,
			options.note,
			hint && `Hint: ${hint}`,
		],
		{ status, code, innerCode, target: body?.target, correlationId },
		options.itemIndex,
	);
}

/** A failed long-running operation: the operation's own error. */
export function operationFailedError(
	node: INode,
	failed: { id: string; operationType?: string; error?: AcsErrorBody },
	itemIndex?: number,
): NodeApiError {
	const operation = scrubDeep(failed);
	const code = operation.error?.code ?? 'OperationFailed';
	const innerCode = operation.error?.innererror?.code;
	const hint = hintForAcsError({ code, innerCode, message: operation.error?.message });
	return makeApiError(
		node,
		`${code}: ${operation.error?.message ?? `The ${operation.operationType ?? ''} operation failed`}`,
		[
			`Operation: ${operation.id}${operation.operationType ? ` (${operation.operationType})` : ''}`,
			innerCode &&
				`Inner error: ${innerCode}${operation.error?.innererror?.message ? ` — ${operation.error.innererror.message}` : ''}`,
			operation.error?.target && `Target: ${operation.error.target}`,
			hint && `Hint: ${hint}`,
		],
		{ code, innerCode, target: operation.error?.target, operationId: operation.id },
		itemIndex,
	);
}

/** No HTTP response: connection failure or timeout. */
export function networkError(
	node: INode,
	failure: { code: string; ambiguous: boolean; attempts: number },
	itemIndex?: number,
): NodeApiError {
	const hint = failure.ambiguous
		? undefined
		: 'Check that the endpoint is reachable from the n8n host (network, DNS, proxy, firewall) and try again.';
	return makeApiError(
		node,
		`Could not complete the request to Azure Communication Services (${failure.code})`,
		[
			failure.attempts > 1 ? `Tried ${failure.attempts} times.` : undefined,
			failure.ambiguous
				? 'The connection failed after the request was sent, so the service may or may not have processed it. It was not sent again: check the resource (or the operation) before retrying.'
				: undefined,
			hint && `Hint: ${hint}`,
		],
		{ code: failure.code, ambiguous: failure.ambiguous },
		itemIndex,
	);
}

/** A problem of the credential or configuration found before anything was sent. */
export function configurationError(
	node: INode,
	message: string,
	itemIndex?: number,
	description?: string,
) {
	return new NodeOperationError(node, scrubSecrets(message), {
		itemIndex,
		description: description ? scrubSecrets(description) : undefined,
	});
}
