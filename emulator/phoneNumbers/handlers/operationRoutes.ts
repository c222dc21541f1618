/** GET and cancel (DELETE) of long-running operations. */
import type { EmulatorReply, Route } from '../../core/types';
import { notFound } from '../errors';
import {
	isTerminal,
	operationBody,
	operationLocation,
	resourceUrl,
	settle,
	statusAt,
} from '../lro';
import type { PhoneNumbersState } from '../model';
import { JSON_OK, route, type DomainCall } from './route';
import { own } from '../own';

export function operationRoutes(getState: () => PhoneNumbersState): Route[] {
	const one = /^\/phoneNumbers\/operations\/([^/]+)$/;
	return [
		route('GET', one, getState, getOperation),
		route('DELETE', one, getState, cancelOperation),
	];
}

function getOperation(call: DomainCall): EmulatorReply {
	const id = decodeURIComponent(call.match[1]);
	const operation = own(call.state.operations, id);
	if (!operation) return notFound(`Operation ${id} was not found.`);
	const { apiVersion } = call.req;
	const headers: Record<string, string> = {};
	const location = resourceUrl(operation, apiVersion);
	if (location) headers.Location = location;
	if (operation.operationType === 'reservationPurchase') {
		headers['Operation-Location'] = operationLocation(operation.id, apiVersion);
		headers['operation-id'] = operation.id;
		headers['reservation-purchase-id'] = operation.subject;
	}
	return JSON_OK(operationBody(operation, call.now, apiVersion), headers);
}

/** Cancel: an unfinished operation becomes failed with error OperationCanceled and nothing of it takes effect. */
function cancelOperation(call: DomainCall): EmulatorReply {
	const id = decodeURIComponent(call.match[1]);
	const operation = own(call.state.operations, id);
	if (!operation) return notFound(`Operation ${id} was not found.`);
	if (!isTerminal(statusAt(operation, call.now).status)) {
		operation.canceledAt = call.now;
		settle(call.state, call.now);
		call.ctx.markDirty();
	}
	return { status: 204 };
}
