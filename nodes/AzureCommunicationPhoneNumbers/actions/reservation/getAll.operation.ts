import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readLimit, returnAllAndLimitFields, type ItemOutput } from '../../../shared/node';
import { acsGetAllPages } from '../../../shared/transport';
import type { Reservation } from '../helpers/acsTypes';
import { expiryFields } from '../helpers/output';
import { phoneNumbersApi } from '../helpers/request';
import { optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllAndLimitFields(), optionsCollection()];

export const description = updateDisplayOptions(
	{ show: { resource: ['reservation'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const reservations = await (acsGetAllPages<Reservation>).call(this, {
		method: 'GET',
		path: '/availablePhoneNumbers/reservations',
		...phoneNumbersApi.call(this, itemIndex),
		itemsField: 'reservations',
		pageSizeParam: 'maxPageSize',
		limit: readLimit.call(this, itemIndex),
	});
	const now = new Date();
	// The list does not include the numbers of each reservation: use Get for those.
	return reservations.map((reservation) => ({
		reservationId: reservation.id ?? null,
		status: reservation.status ?? null,
		expiresAt: reservation.expiresAt ?? null,
		...expiryFields(reservation.expiresAt, now),
	}));
}
