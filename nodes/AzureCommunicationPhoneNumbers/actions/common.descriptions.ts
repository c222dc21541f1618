import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiVersionOption } from '../../shared/node';
import { DEFAULT_API_VERSIONS } from '../../shared/transport/apiVersions';

export const PHONE_NUMBERS_API_VERSION = DEFAULT_API_VERSIONS.phoneNumbers;

export const numberTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Geographic',
		value: 'geographic',
		description: 'A local number tied to a locality and area code',
	},
	{
		name: 'Mobile',
		value: 'mobile',
		description: 'A mobile number (api-version 2025-06-01 or later)',
	},
	{ name: 'Toll-Free', value: 'tollFree', description: 'A toll-free number' },
];

export const assignmentTypeOptions: INodePropertyOptions[] = [
	{
		name: 'Application',
		value: 'application',
		description: 'The number is used by an application (bots, IVR)',
	},
	{ name: 'Person', value: 'person', description: 'The number is assigned to a person' },
];

export const capabilityOptions: INodePropertyOptions[] = [
	{ name: 'Inbound', value: 'inbound' },
	{ name: 'Inbound and Outbound', value: 'inbound+outbound' },
	{ name: 'None', value: 'none' },
	{ name: 'Outbound', value: 'outbound' },
];

const ANY: INodePropertyOptions = { name: 'Any', value: '' };

export function countryField(): INodeProperties {
	return {
		displayName: 'Country Name or ID',
		name: 'countryCode',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCountries' },
		default: '',
		required: true,
		description:
			'The country (ISO 3166-1 alpha-2 code). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export function numberTypeField(options: { required: boolean }): INodeProperties {
	if (options.required) {
		return {
			displayName: 'Number Type',
			name: 'phoneNumberType',
			type: 'options',
			options: numberTypeOptions,
			default: 'geographic',
			required: true,
			description: 'The kind of number',
		};
	}
	return {
		displayName: 'Number Type',
		name: 'phoneNumberType',
		type: 'options',
		options: [ANY, ...numberTypeOptions],
		default: '',
		description: 'The kind of number, or any',
	};
}

export function assignmentTypeField(options: { required: boolean }): INodeProperties {
	if (options.required) {
		return {
			displayName: 'Assignment Type',
			name: 'assignmentType',
			type: 'options',
			options: assignmentTypeOptions,
			default: 'application',
			required: true,
			description: 'Who uses the number. Some capabilities exist only for one assignment type.',
		};
	}
	return {
		displayName: 'Assignment Type',
		name: 'assignmentType',
		type: 'options',
		options: [ANY, ...assignmentTypeOptions],
		default: '',
		description: 'Who uses the number, or any',
	};
}

export function capabilityFields(options: { allowAny: boolean }): INodeProperties[] {
	if (options.allowAny) {
		return [
			{
				displayName: 'Calling',
				name: 'callingCapability',
				type: 'options',
				options: [ANY, ...capabilityOptions],
				default: '',
				description: 'Minimum calling capability, or any',
			},
			{
				displayName: 'SMS',
				name: 'smsCapability',
				type: 'options',
				options: [ANY, ...capabilityOptions],
				default: '',
				description: 'Minimum SMS capability, or any',
			},
		];
	}
	return [
		{
			displayName: 'Calling',
			name: 'callingCapability',
			type: 'options',
			options: capabilityOptions,
			default: 'outbound',
			description: 'Calling capability of the number',
		},
		{
			displayName: 'SMS',
			name: 'smsCapability',
			type: 'options',
			options: capabilityOptions,
			default: 'none',
			description: 'SMS capability of the number',
		},
	];
}

export const E164_REGEX = '^\\+[1-9]\\d{1,14}$';

/** Resource locator for a purchased number: from the list, or typed as E.164. */
export const phoneNumberLocator: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'A number this resource owns',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPurchasedNumbers', searchable: true },
		},
		{
			displayName: 'By Number',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. +14255550123',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: E164_REGEX,
						errorMessage: 'Enter the number in E.164 form, e.g. +14255550123',
					},
				},
			],
		},
	],
};

export const operationIdField: INodeProperties = {
	displayName: 'Operation ID',
	name: 'operationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. purchase_0f9c5a8e-2d7b-4a51-9a43-6b1f0c7d2e11',
	description: 'The ID a long-running operation returned (operationId in an earlier output)',
};

export const agreeToNotResellField: INodeProperties = {
	displayName: 'Agree to Not Resell',
	name: 'agreeToNotResell',
	type: 'boolean',
	default: false,
	description:
		'Whether you agree not to resell these numbers. Some countries require it: without it those numbers cannot be bought, and the node refuses before buying.',
};

export const costGuardNotice: INodeProperties = {
	displayName:
		'Purchasing numbers adds a monthly charge to your Azure bill. The cost limits below stop the purchase (nothing is bought) when the numbers cost more.',
	name: 'costNotice',
	type: 'notice',
	default: '',
};

export const costGuardFields: INodeProperties[] = [
	{
		displayName: 'Max Monthly Cost per Number',
		name: 'maxMonthlyCostPerNumber',
		type: 'number',
		default: 5,
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description:
			'Refuse the purchase if any number costs more than this a month (in the currency below)',
	},
	{
		displayName: 'Max Total Monthly Cost',
		name: 'maxTotalMonthlyCost',
		type: 'number',
		default: 20,
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		description: 'Refuse the purchase if all numbers together cost more than this a month',
	},
	{
		displayName: 'Currency',
		name: 'costCurrency',
		type: 'string',
		default: 'USD',
		required: true,
		placeholder: 'e.g. USD',
		description:
			'ISO 4217 code the limits are in. Numbers priced in a currency that has no limits are not bought.',
	},
];

/** Limits for further currencies: a reservation may hold numbers of several countries, each priced in its own currency. */
export const otherCurrencyLimitsField: INodeProperties = {
	displayName: 'Limits in Other Currencies',
	name: 'otherCurrencyLimits',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Currency Limit',
	default: {},
	description:
		'Cost limits for numbers priced in a currency other than the one above (e.g. GBP for UK numbers next to USD for US numbers). A purchase with numbers in a currency that has no limit is refused.',
	options: [
		{
			displayName: 'Currency Limit',
			name: 'limit',
			values: [
				{
					displayName: 'Currency',
					name: 'currencyCode',
					type: 'string',
					default: '',
					placeholder: 'e.g. GBP',
					description: 'ISO 4217 code these limits are in',
				},
				{
					displayName: 'Max Monthly Cost per Number',
					name: 'maxMonthlyCostPerNumber',
					type: 'number',
					default: 5,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					description:
						'Refuse the purchase if any number priced in this currency costs more than this a month',
				},
				{
					displayName: 'Max Total Monthly Cost',
					name: 'maxTotalMonthlyCost',
					type: 'number',
					default: 20,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					description:
						'Refuse the purchase if the numbers priced in this currency together cost more than this a month',
				},
			],
		},
	],
};

export function optionsCollection(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...extra, apiVersionOption(PHONE_NUMBERS_API_VERSION)].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

export const acceptLanguageOption: INodeProperties = {
	displayName: 'Accept Language',
	name: 'acceptLanguage',
	type: 'string',
	default: '',
	placeholder: 'e.g. en-US',
	description: 'Language of the localized names in the answer',
};

export function administrativeDivisionField(): INodeProperties {
	return {
		displayName: 'Administrative Division Name or ID',
		name: 'administrativeDivision',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getAdministrativeDivisions',
			loadOptionsDependsOn: ['countryCode', 'phoneNumberType'],
		},
		default: '',
		description:
			'State or province (abbreviation), optional. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	};
}

export function localityField(hint: string): INodeProperties {
	return {
		displayName: 'Locality Name or ID',
		name: 'locality',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getLocalities',
			loadOptionsDependsOn: ['countryCode', 'administrativeDivision', 'phoneNumberType'],
		},
		default: '',
		description: `City or region, optional. ${hint}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export function areaCodeField(hint: string): INodeProperties {
	return {
		displayName: 'Area Code Name or ID',
		name: 'areaCode',
		type: 'options',
		typeOptions: {
			loadOptionsMethod: 'getAreaCodes',
			loadOptionsDependsOn: [
				'countryCode',
				'phoneNumberType',
				'assignmentType',
				'administrativeDivision',
				'locality',
			],
		},
		default: '',
		description: `${hint}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

export const searchIdField: INodeProperties = {
	displayName: 'Search ID',
	name: 'searchId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 0f9c5a8e-2d7b-4a51-9a43-6b1f0c7d2e11',
	description: 'The searchId of an earlier Search',
};

export const reservationIdField: INodeProperties = {
	displayName: 'Reservation ID',
	name: 'reservationId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 65c18c7f-8074-4efb-a572-e0df127a9964',
	description:
		'GUID of the reservation (reservationId in the output of Reservation → Create or Update)',
};
