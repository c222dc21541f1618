import type { IDataObject } from 'n8n-workflow';

import type {
	AvailablePhoneNumber,
	Capabilities,
	Cost,
	PhoneNumberOperation,
	PurchasedPhoneNumber,
	Reservation,
	SearchResult,
} from './acsTypes';

/** Flat, stable output shapes. Documented in docs/phone-numbers-node.md: change both together. */

export function capabilityFields(capabilities: Capabilities | undefined): IDataObject {
	return {
		callingCapability: capabilities?.calling ?? null,
		smsCapability: capabilities?.sms ?? null,
	};
}

export function costFields(cost: Cost | undefined): IDataObject {
	return {
		monthlyCost: cost?.amount ?? null,
		currencyCode: cost?.currencyCode ?? null,
		billingFrequency: cost?.billingFrequency ?? null,
	};
}

/** `expiresInSeconds` (never negative) and `expired`, measured against the service's clock. */
export function expiryFields(expiresAt: string | undefined, now: Date): IDataObject {
	const expiresMs = expiresAt ? Date.parse(expiresAt) : NaN;
	if (Number.isNaN(expiresMs)) return { expiresInSeconds: null, expired: null };
	const remaining = Math.floor((expiresMs - now.getTime()) / 1000);
	return { expiresInSeconds: Math.max(0, remaining), expired: remaining <= 0 };
}

/** The fields a purchased and an available number share, in output order. */
function numberFields(number: PurchasedPhoneNumber | AvailablePhoneNumber): IDataObject {
	return {
		id: number.id ?? null,
		phoneNumber: number.phoneNumber ?? null,
		countryCode: number.countryCode ?? null,
		phoneNumberType: number.phoneNumberType ?? null,
		assignmentType: number.assignmentType ?? null,
		...capabilityFields(number.capabilities),
	};
}

export function purchasedNumberOutput(number: PurchasedPhoneNumber): IDataObject {
	return {
		...numberFields(number),
		purchaseDate: number.purchaseDate ?? null,
		...costFields(number.cost),
	};
}

export function availableNumberOutput(number: AvailablePhoneNumber): IDataObject {
	return {
		...numberFields(number),
		...costFields(number.cost),
		status: number.status ?? null,
		isAgreementToNotResellRequired: number.isAgreementToNotResellRequired ?? false,
		errorCode: number.error?.code ?? null,
		errorMessage: number.error?.message ?? null,
	};
}

export function searchResultOutput(result: SearchResult, now: Date): IDataObject {
	const phoneNumbers = result.phoneNumbers ?? [];
	const amount = result.cost?.amount;
	return {
		searchId: result.searchId ?? null,
		phoneNumbers,
		phoneNumberCount: phoneNumbers.length,
		phoneNumberType: result.phoneNumberType ?? null,
		assignmentType: result.assignmentType ?? null,
		...capabilityFields(result.capabilities),
		...costFields(result.cost),
		totalMonthlyCost: typeof amount === 'number' ? roundMoney(amount * phoneNumbers.length) : null,
		searchExpiresBy: result.searchExpiresBy ?? null,
		...expiryFields(result.searchExpiresBy, now),
		isAgreementToNotResellRequired: result.isAgreementToNotResellRequired ?? false,
		searchError: result.error ?? null,
		searchErrorCode: result.errorCode ?? null,
	};
}

export function reservationNumbers(reservation: Reservation): AvailablePhoneNumber[] {
	return Object.entries(reservation.phoneNumbers ?? {})
		.filter(
			(entry): entry is [string, AvailablePhoneNumber] =>
				entry[1] !== null && entry[1] !== undefined,
		)
		.map(([id, number]) => ({ id, ...number }));
}

export function reservationOutput(reservation: Reservation, now: Date): IDataObject {
	const numbers = reservationNumbers(reservation);
	const failed = numbers.filter((number) => number.status === 'error');
	const currencies = [
		...new Set(numbers.map((number) => number.cost?.currencyCode).filter(Boolean)),
	];
	const total = numbers
		.filter((number) => number.status !== 'error')
		.reduce((sum, number) => sum + (number.cost?.amount ?? 0), 0);
	return {
		reservationId: reservation.id ?? null,
		status: reservation.status ?? null,
		expiresAt: reservation.expiresAt ?? null,
		...expiryFields(reservation.expiresAt, now),
		phoneNumbers: numbers
			.filter((number) => number.status !== 'error')
			.map((number) => number.phoneNumber ?? null),
		phoneNumberCount: numbers.length - failed.length,
		failedPhoneNumbers: failed.map((number) => number.phoneNumber ?? `+${number.id}`),
		failedCount: failed.length,
		totalMonthlyCost: currencies.length <= 1 ? roundMoney(total) : null,
		currencyCode:
			currencies.length === 1 ? (currencies[0] as string) : currencies.length > 1 ? 'mixed' : null,
		isAgreementToNotResellRequired: numbers.some(
			(number) => number.isAgreementToNotResellRequired === true,
		),
		numbers: numbers.map(availableNumberOutput),
	};
}

export function operationOutput(operation: PhoneNumberOperation): IDataObject {
	return {
		operationId: operation.id ?? null,
		operationType: operation.operationType ?? null,
		operationStatus: operation.status ?? null,
		createdDateTime: operation.createdDateTime ?? null,
		resourceLocation: operation.resourceLocation ?? null,
		operationErrorCode: operation.error?.code ?? null,
		operationErrorMessage: operation.error?.message ?? null,
	};
}

export function roundMoney(value: number): number {
	return Math.round(value * 10000) / 10000;
}
