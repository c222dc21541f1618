/** The output item of one looked-up number: flat, every key present (null when the service gave none). */
import type { IDataObject } from 'n8n-workflow';

export interface OperatorInformation {
	phoneNumber?: string;
	nationalFormat?: string | null;
	internationalFormat?: string | null;
	isoCountryCode?: string | null;
	numberType?: string | null;
	operatorDetails?: {
		name?: string | null;
		mobileNetworkCode?: string | null;
		mobileCountryCode?: string | null;
	} | null;
}

export function operatorInformationOutput(
	requested: string,
	value: OperatorInformation | undefined,
): IDataObject {
	return {
		phoneNumber: value?.phoneNumber ?? requested,
		nationalFormat: value?.nationalFormat ?? null,
		internationalFormat: value?.internationalFormat ?? null,
		isoCountryCode: value?.isoCountryCode ?? null,
		numberType: value?.numberType ?? null,
		operatorName: value?.operatorDetails?.name ?? null,
		mobileNetworkCode: value?.operatorDetails?.mobileNetworkCode ?? null,
		mobileCountryCode: value?.operatorDetails?.mobileCountryCode ?? null,
	};
}
