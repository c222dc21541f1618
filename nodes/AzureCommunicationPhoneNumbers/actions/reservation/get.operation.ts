import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import type { Reservation } from '../helpers/acsTypes';
import { reservationOutput } from '../helpers/output';
import { readGuid } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import { optionsCollection, reservationIdField } from '../common.descriptions';

const properties: INodeProperties[] = [reservationIdField, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['reservation'], operation: ['get'] } },
	properties,
);

export async function getReservation(
	this: IExecuteFunctions,
	itemIndex: number,
	reservationId: string,
) {
	return await (acsRequest<Reservation>).call(this, {
		method: 'GET',
		path: `/availablePhoneNumbers/reservations/${encodeURIComponent(reservationId)}`,
		...phoneNumbersApi.call(this, itemIndex),
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const reservationId = readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID');
	const response = await getReservation.call(this, itemIndex, reservationId);
	return reservationOutput(response.body, serviceNow(response.headers));
}
