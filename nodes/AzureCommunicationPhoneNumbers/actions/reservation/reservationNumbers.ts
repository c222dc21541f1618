import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { validateCountryCode } from '../../../shared/acs/validators';
import { checkE164, invalidParameter, readCountryCode, readE164List, readString } from '../helpers/parameters';

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
	const phoneNumbers = readE164List.call(this, 'phoneNumbersToAdd', itemIndex, 'Numbers to Add', { required: true });
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
 * Numbers from the input items, as Available Number → Browse outputs them (flat), or as the service
 * returns them (nested `capabilities`).
 */
export function numbersFromInputItems(this: IExecuteFunctions): NumberToReserve[] {
	return this.getInputData().map((item, index) => {
		const json = item.json as IDataObject;
		const capabilities = (json.capabilities ?? {}) as IDataObject;
		const candidate = {
			phoneNumber: String(json.phoneNumber ?? ''),
			countryCode: String(json.countryCode ?? '').toUpperCase(),
			phoneNumberType: String(json.phoneNumberType ?? ''),
			assignmentType: String(json.assignmentType ?? ''),
			calling: String(json.callingCapability ?? capabilities.calling ?? ''),
			sms: String(json.smsCapability ?? capabilities.sms ?? ''),
		};
		const where = `Input item ${index}`;
		const problem = !candidate.phoneNumber
			? 'has no phoneNumber field (connect the output of Available Number → Browse)'
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
		return { ...candidate, phoneNumber: checkE164.call(this, index, 'Numbers to Add', candidate.phoneNumber) };
	});
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
