import { NodeApiError, NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { Reservation } from '../helpers/acsTypes';
import { invalidParameter, readGuid, readString } from '../helpers/parameters';
import { serviceNow } from '../helpers/serverTime';
import { getReservation } from './get.operation';

/**
 * The one reservation the input items go into: the Reservation ID of every item (by default its `reservationId`),
 * undefined when none gives one (a new reservation). Items naming different reservations are refused.
 */
export function reservationIdFromItems(this: IExecuteFunctions): string | undefined {
	const ids = new Map<string, number>();
	this.getInputData().forEach((_, itemIndex) => {
		if (readString.call(this, 'reservationId', itemIndex) === '') return;
		const id = readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID');
		if (!ids.has(id)) ids.set(id, itemIndex);
	});
	if (ids.size > 1) {
		const [, second] = [...ids.values()];
		throw invalidParameter.call(
			this,
			second,
			'Reservation ID',
			`input items name ${ids.size} reservations (${[...ids.keys()].join(', ')})`,
		);
	}
	return ids.keys().next().value;
}

/** The reservation as stored, with the service's clock; undefined when there is no such reservation (yet). */
export async function storedReservation(
	this: IExecuteFunctions,
	itemIndex: number,
	reservationId: string,
): Promise<{ reservation: Reservation; now: Date } | undefined> {
	try {
		const response = await getReservation.call(this, itemIndex, reservationId);
		return {
			reservation: { id: reservationId, ...response.body },
			now: serviceNow(response.headers),
		};
	} catch (error) {
		if (!(error instanceof NodeApiError))
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		if (error.httpCode === '404') return undefined;
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the transport's NodeApiError, as it is
		throw error;
	}
}
