import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { validateCountryCode } from '../../../shared/acs/validators';
import type { AvailablePhoneNumber } from '../helpers/acsTypes';
import {
	checkE164,
	invalidParameter,
	readCountryCode,
	readE164List,
	readString,
} from '../helpers/parameters';

/** What a reservation PATCH needs for a number to add. */
export interface NumberToReserve {
	phoneNumber: string;
	countryCode: string;
	phoneNumberType: string;
	assignmentType: string;
	calling: string;
	sms: string;
}

const CAPABILITIES = new Set(['none', 'inbound', 'outbound', 'inbound+outbound']);
const NUMBER_TYPES = new Set(['geographic', 'tollFree', 'mobile']);
const ASSIGNMENT_TYPES = new Set(['person', 'application']);

/** Numbers typed as a list, all sharing the attributes given in the node. */
export function numbersFromList(this: IExecuteFunctions, itemIndex: number): NumberToReserve[] {
	const phoneNumbers = readE164List.call(this, 'phoneNumbersToAdd', itemIndex, 'Numbers to Add', {
		required: true,
	});
	const shared = {
		countryCode: readCountryCode.call(this, itemIndex),
		phoneNumberType: readString.call(this, 'phoneNumberType', itemIndex),
		assignmentType: readString.call(this, 'assignmentType', itemIndex),
		calling: readString.call(this, 'callingCapability', itemIndex),
		sms: readString.call(this, 'smsCapability', itemIndex),
	};
	return phoneNumbers.map((phoneNumber) => ({ phoneNumber, ...shared }));
}

/**
 * Numbers from the input items, as Available Number → Browse outputs them (flat, or with the service's nested
 * `capabilities`), or as Reservation → Get outputs a reservation (its `numbers`). An item that names a reservation
 * and no number adds none.
 */
export function numbersFromInputItems(this: IExecuteFunctions): NumberToReserve[] {
	return this.getInputData().flatMap((item, index) => {
		const json = item.json as IDataObject;
		if (Array.isArray(json.numbers)) {
			return (json.numbers as IDataObject[]).map((number, position) =>
				numberFromItem.call(
					this,
					number ?? {},
					index,
					`Input item ${index}, number ${position + 1}`,
				),
			);
		}
		if (json.phoneNumber === undefined && typeof json.reservationId === 'string') return [];
		return [numberFromItem.call(this, json, index, `Input item ${index}`)];
	});
}

function numberFromItem(
	this: IExecuteFunctions,
	json: IDataObject,
	index: number,
	where: string,
): NumberToReserve {
	const capabilities = (json.capabilities ?? {}) as IDataObject;
	const candidate = {
		phoneNumber: String(json.phoneNumber ?? ''),
		countryCode: String(json.countryCode ?? '').toUpperCase(),
		phoneNumberType: String(json.phoneNumberType ?? ''),
		assignmentType: String(json.assignmentType ?? ''),
		calling: String(json.callingCapability ?? capabilities.calling ?? ''),
		sms: String(json.smsCapability ?? capabilities.sms ?? ''),
	};
	const problem = !candidate.phoneNumber
		? 'has no phoneNumber field (connect the output of Available Number → Browse or Reservation → Get)'
		: validateCountryCode(candidate.countryCode)
			? `has an invalid countryCode "${candidate.countryCode}"`
			: !NUMBER_TYPES.has(candidate.phoneNumberType)
				? `has an invalid phoneNumberType "${candidate.phoneNumberType}"`
				: !ASSIGNMENT_TYPES.has(candidate.assignmentType)
					? `has an invalid assignmentType "${candidate.assignmentType}"`
					: !CAPABILITIES.has(candidate.calling) || !CAPABILITIES.has(candidate.sms)
						? 'has invalid calling or SMS capabilities'
						: undefined;
	if (problem) throw invalidParameter.call(this, index, 'Numbers to Add', `${where} ${problem}`);
	return {
		...candidate,
		phoneNumber: checkE164.call(this, index, 'Numbers to Add', candidate.phoneNumber),
	};
}

/**
 * What a PATCH still has to do, given the numbers the reservation holds: numbers to add that it does not hold
 * with the same attributes, numbers to remove that it holds. Both empty: the reservation already is as asked.
 */
export function pendingChanges(
	held: Record<string, AvailablePhoneNumber | null | undefined>,
	add: NumberToReserve[],
	remove: string[],
): { add: NumberToReserve[]; remove: string[] } {
	return {
		add: add.filter((number) => !sameNumber(held[reservationKey(number.phoneNumber)], number)),
		remove: remove.filter((phoneNumber) => held[reservationKey(phoneNumber)] != null),
	};
}

function sameNumber(
	held: AvailablePhoneNumber | null | undefined,
	wanted: NumberToReserve,
): boolean {
	return (
		held != null &&
		held.countryCode === wanted.countryCode &&
		held.phoneNumberType === wanted.phoneNumberType &&
		held.assignmentType === wanted.assignmentType &&
		held.capabilities?.calling === wanted.calling &&
		held.capabilities?.sms === wanted.sms
	);
}

/** Reservation keys are the number's digits without the plus. */
export function reservationKey(phoneNumber: string): string {
	return phoneNumber.replace(/^\+/, '');
}

export function reservationPatchBody(add: NumberToReserve[], remove: string[]): IDataObject {
	const phoneNumbers: IDataObject = {};
	for (const number of add) {
		phoneNumbers[reservationKey(number.phoneNumber)] = {
			countryCode: number.countryCode,
			phoneNumberType: number.phoneNumberType,
			assignmentType: number.assignmentType,
			capabilities: { calling: number.calling, sms: number.sms },
		};
	}
	for (const phoneNumber of remove) phoneNumbers[reservationKey(phoneNumber)] = null;
	return { phoneNumbers };
}
