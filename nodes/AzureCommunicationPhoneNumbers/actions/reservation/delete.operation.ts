import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import { readGuid } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection, reservationIdField } from '../common.descriptions';

const properties: INodeProperties[] = [reservationIdField, optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['reservation'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const reservationId = readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID');
	await acsRequest.call(this, {
		method: 'DELETE',
		path: `/availablePhoneNumbers/reservations/${encodeURIComponent(reservationId)}`,
		...phoneNumbersApi.call(this, itemIndex),
	});
	return { reservationId, deleted: true };
}
