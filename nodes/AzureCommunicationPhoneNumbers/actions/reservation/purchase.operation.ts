import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { lroModeFields, type ItemOutput } from '../../../shared/node';
import {
	reservationPurchaseOperationId,
	settle,
	type AcsResponse,
} from '../../../shared/transport';
import type { Reservation } from '../helpers/acsTypes';
import { reservationNumbers } from '../helpers/output';
import { readCostLimits, readGuid } from '../helpers/parameters';
import {
	beforePurchase,
	checkPurchasePlan,
	purchase,
	summarizePurchase,
	type PurchasePlan,
} from '../helpers/purchase';
import { boughtBeyondCheckFields } from '../helpers/purchaseOutcome';
import type { PricedNumber } from '../helpers/costGuard';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import {
	agreeToNotResellField,
	costGuardFields,
	costGuardNotice,
	optionsCollection,
	otherCurrencyLimitsField,
	reservationIdField,
} from '../common.descriptions';
import { getReservation } from './get.operation';

const properties: INodeProperties[] = [
	costGuardNotice,
	reservationIdField,
	agreeToNotResellField,
	...costGuardFields,
	otherCurrencyLimitsField,
	...lroModeFields(),
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reservation'], operation: ['purchase'] } },
	properties,
);

/** A reservation moves active -> submitted (its purchase runs) -> completed (bought), or active -> expired. */
const BEING_BOUGHT = 'submitted';
const BOUGHT = 'completed';

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const reservationId = readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID');
	const agreeToNotResell = this.getNodeParameter('agreeToNotResell', itemIndex, false) as boolean;
	const limits = readCostLimits.call(this, itemIndex);
	const source = { reservationId };
	const response = await (beforePurchase<AcsResponse<Reservation>>).call(
		this,
		itemIndex,
		getReservation.call(this, itemIndex, reservationId),
		{
			source,
			reason: 'reservationNotRead',
		},
	);
	const reservation = response.body;
	const numbers = reservationNumbers(reservation).filter((number) => number.status !== 'error');
	const status = reservation.status ?? 'unknown';
	const plan: PurchasePlan = {
		source,
		numbers: pricedNumbers(reservation),
		limits,
		expiresAt: reservation.expiresAt,
		now: serviceNow(response.headers),
		agreementRequired: numbers.some((number) => number.isAgreementToNotResellRequired === true),
		agreeToNotResell,
		blocker:
			status === 'expired'
				? {
						reason: 'expired',
						message: `reservation ${reservationId} has expired; its numbers are no longer held. Reserve them again.`,
					}
				: status !== 'active'
					? {
							reason: 'reservationNotActive',
							message: `reservation ${reservationId} is ${status}; only active reservations can be purchased.`,
						}
					: undefined,
	};
	const start = {
		method: 'POST' as const,
		path: `/availablePhoneNumbers/reservations/${encodeURIComponent(reservationId)}/:purchase`,
		...phoneNumbersApi.call(this, itemIndex),
		body: { agreeToNotResell },
		idempotent: false,
		knownOperationId: reservationPurchaseOperationId(reservationId),
	};
	// Bought or being bought by an earlier purchase of this reservation: say so (following it), send nothing.
	if (status === BOUGHT || status === BEING_BOUGHT) {
		return await purchase.call(this, itemIndex, {
			start,
			summary: summarizePurchase(plan),
			already: status === BOUGHT ? 'bought' : 'started',
		});
	}
	const summary = checkPurchasePlan.call(this, itemIndex, plan);
	// The purchase carries no condition on the reservation's contents: read back what it bought (see readBought).
	const readBought = async () => {
		const read = await settle(getReservation.call(this, itemIndex, reservationId));
		const bought = read.ok ? pricedNumbers(read.value.body) : null;
		const actual = bought ? summarizePurchase({ ...plan, numbers: bought }) : {};
		return {
			...actual,
			...boughtBeyondCheckFields(
				plan.numbers.map((n) => n.phoneNumber),
				bought,
			),
		};
	};
	return await purchase.call(this, itemIndex, {
		start,
		summary,
		readBought,
		probe: async () => {
			const now = (await getReservation.call(this, itemIndex, reservationId)).body.status;
			if (now === BOUGHT || now === BEING_BOUGHT) return 'started';
			return now === 'expired' ? 'expired' : undefined;
		},
	});
}

function pricedNumbers(reservation: Reservation): PricedNumber[] {
	return reservationNumbers(reservation)
		.filter((number) => number.status !== 'error')
		.map((number) => ({
			phoneNumber: number.phoneNumber ?? `+${number.id}`,
			amount: number.cost?.amount,
			currencyCode: number.cost?.currencyCode,
		}));
}
