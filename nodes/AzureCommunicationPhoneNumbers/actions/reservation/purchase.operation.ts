import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { lroModeFields, type ItemOutput } from '../../../shared/node';
import { reservationPurchaseOperationId } from '../../../shared/transport';
import { reservationNumbers } from '../helpers/output';
import { readCostLimits, readGuid } from '../helpers/parameters';
import { checkPurchasePlan, purchase } from '../helpers/purchase';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import {
	agreeToNotResellField,
	costGuardFields,
	costGuardNotice,
	optionsCollection,
	reservationIdField,
} from '../common.descriptions';
import { getReservation } from './get.operation';

const properties: INodeProperties[] = [
	costGuardNotice,
	reservationIdField,
	agreeToNotResellField,
	...costGuardFields,
	...lroModeFields(),
	optionsCollection(),
];

export const description = updateDisplayOptions({ show: { resource: ['reservation'], operation: ['purchase'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const reservationId = readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID');
	const agreeToNotResell = this.getNodeParameter('agreeToNotResell', itemIndex, false) as boolean;
	const limits = readCostLimits.call(this, itemIndex);
	const response = await getReservation.call(this, itemIndex, reservationId);
	const reservation = response.body;
	const numbers = reservationNumbers(reservation).filter((number) => number.status !== 'error');
	const status = reservation.status ?? 'unknown';
	const summary = checkPurchasePlan.call(this, itemIndex, {
		source: { reservationId },
		numbers: numbers.map((number) => ({
			phoneNumber: number.phoneNumber ?? `+${number.id}`,
			amount: number.cost?.amount,
			currencyCode: number.cost?.currencyCode,
		})),
		limits,
		expiresAt: reservation.expiresAt,
		now: serviceNow(response.headers),
		agreementRequired: numbers.some((number) => number.isAgreementToNotResellRequired === true),
		agreeToNotResell,
		blocker:
			status === 'expired'
				? { reason: 'expired', message: `reservation ${reservationId} has expired; its numbers are no longer held. Reserve them again.` }
				: status !== 'active'
					? { reason: 'reservationNotActive', message: `reservation ${reservationId} is ${status}; only active reservations can be purchased.` }
					: undefined,
	});
	return await purchase.call(
		this,
		itemIndex,
		{
			method: 'POST',
			path: `/availablePhoneNumbers/reservations/${encodeURIComponent(reservationId)}/:purchase`,
			...phoneNumbersApi.call(this, itemIndex),
			body: { agreeToNotResell },
			idempotent: false,
			knownOperationId: reservationPurchaseOperationId(reservationId),
		},
		summary,
	);
}
