/**
 * The emulated offer: countries, localities, area codes and offerings (prices, capabilities, agreement rules).
 * Static data; the numbers themselves are generated from it by inventory.ts.
 */
import type { AssignmentType, Capabilities, PhoneNumberType } from './model';
import { own } from './own';

export interface LocalityEntry {
	names: LocalizedNames;
	division: { names: LocalizedNames; abbreviatedName: string };
	areaCodes: string[];
}

export interface OfferingEntry {
	phoneNumberType: PhoneNumberType;
	assignmentType: AssignmentType;
	availableCapabilities: Capabilities;
	amount: number;
}

export interface CountryEntry {
	countryCode: string;
	dialCode: string;
	/** Digits after the dial code (area code + subscriber number). */
	nationalLength: number;
	currencyCode: string;
	isAgreementToNotResellRequired: boolean;
	names: LocalizedNames;
	localities: LocalityEntry[];
	tollFreeAreaCodes: string[];
	mobileAreaCodes: string[];
	offerings: OfferingEntry[];
	/** Operator names the operator-information lookup reports, with the mobile country code. */
	operator: { fixed: string; mobile: string; mobileCountryCode: string; mobileNetworkCode: string };
}

/** en is required; other languages are optional (accept-language picks them by primary tag). */
export type LocalizedNames = { en: string } & Partial<Record<'fr' | 'de', string>>;

const both = 'inbound+outbound' as const;

function locality(
	en: string,
	division: string,
	abbreviatedName: string,
	areaCodes: string[],
	other: Partial<LocalizedNames> = {},
): LocalityEntry {
	return {
		names: { en, ...other },
		division: { names: { en: division }, abbreviatedName },
		areaCodes,
	};
}

function offering(
	phoneNumberType: PhoneNumberType,
	assignmentType: AssignmentType,
	sms: Capabilities['sms'],
	amount: number,
): OfferingEntry {
	return { phoneNumberType, assignmentType, availableCapabilities: { calling: both, sms }, amount };
}

export const COUNTRIES: CountryEntry[] = [
	{
		countryCode: 'US',
		dialCode: '1',
		nationalLength: 10,
		currencyCode: 'USD',
		isAgreementToNotResellRequired: false,
		names: { en: 'United States', fr: 'États-Unis', de: 'Vereinigte Staaten' },
		localities: [
			locality('Seattle', 'Washington', 'WA', ['206']),
			locality('Redmond', 'Washington', 'WA', ['425']),
			locality('Los Angeles', 'California', 'CA', ['213', '323']),
			locality('San Francisco', 'California', 'CA', ['415']),
			locality('New York', 'New York', 'NY', ['212', '646']),
			locality('Chicago', 'Illinois', 'IL', ['312']),
			locality('Austin', 'Texas', 'TX', ['512']),
			locality('Miami', 'Florida', 'FL', ['305']),
		],
		tollFreeAreaCodes: ['800', '833', '844', '855', '866', '877', '888'],
		mobileAreaCodes: [],
		offerings: [
			offering('geographic', 'person', 'none', 1),
			offering('geographic', 'application', 'none', 1),
			offering('tollFree', 'application', both, 2),
		],
		operator: {
			fixed: 'Contoso Telecom US',
			mobile: 'Contoso Wireless',
			mobileCountryCode: '310',
			mobileNetworkCode: '260',
		},
	},
	{
		countryCode: 'CA',
		dialCode: '1',
		nationalLength: 10,
		currencyCode: 'CAD',
		isAgreementToNotResellRequired: false,
		names: { en: 'Canada', fr: 'Canada', de: 'Kanada' },
		localities: [
			locality('Vancouver', 'British Columbia', 'BC', ['604', '236']),
			locality('Toronto', 'Ontario', 'ON', ['416', '647']),
			locality('Montreal', 'Quebec', 'QC', ['514'], { fr: 'Montréal' }),
			locality('Calgary', 'Alberta', 'AB', ['403']),
		],
		tollFreeAreaCodes: ['800', '833', '844', '855'],
		mobileAreaCodes: [],
		offerings: [
			offering('geographic', 'person', 'none', 1.5),
			offering('geographic', 'application', 'none', 1.5),
			offering('tollFree', 'application', both, 2.5),
		],
		operator: {
			fixed: 'Fabrikam Canada',
			mobile: 'Fabrikam Mobile',
			mobileCountryCode: '302',
			mobileNetworkCode: '720',
		},
	},
	{
		countryCode: 'GB',
		dialCode: '44',
		nationalLength: 10,
		currencyCode: 'GBP',
		isAgreementToNotResellRequired: false,
		names: { en: 'United Kingdom', fr: 'Royaume-Uni', de: 'Vereinigtes Königreich' },
		localities: [
			locality('London', 'England', 'ENG', ['20'], { fr: 'Londres' }),
			locality('Manchester', 'England', 'ENG', ['161']),
			locality('Birmingham', 'England', 'ENG', ['121']),
			locality('Edinburgh', 'Scotland', 'SCT', ['131'], { fr: 'Édimbourg' }),
		],
		tollFreeAreaCodes: ['800', '808'],
		mobileAreaCodes: ['74', '75', '77'],
		offerings: [
			offering('geographic', 'person', 'none', 1),
			offering('geographic', 'application', 'none', 1),
			offering('tollFree', 'application', 'none', 2.5),
			offering('mobile', 'application', both, 3),
		],
		operator: {
			fixed: 'Northwind Telecom UK',
			mobile: 'Northwind Mobile',
			mobileCountryCode: '234',
			mobileNetworkCode: '15',
		},
	},
	{
		countryCode: 'DE',
		dialCode: '49',
		nationalLength: 11,
		currencyCode: 'EUR',
		isAgreementToNotResellRequired: true,
		names: { en: 'Germany', fr: 'Allemagne', de: 'Deutschland' },
		localities: [
			locality('Berlin', 'Berlin', 'BE', ['30']),
			locality('Munich', 'Bavaria', 'BY', ['89'], { de: 'München', fr: 'Munich' }),
			locality('Hamburg', 'Hamburg', 'HH', ['40']),
			locality('Frankfurt am Main', 'Hesse', 'HE', ['69']),
		],
		tollFreeAreaCodes: ['800'],
		mobileAreaCodes: ['151', '160', '170'],
		offerings: [
			offering('geographic', 'person', 'none', 1.1),
			offering('geographic', 'application', 'none', 1.1),
			offering('tollFree', 'application', 'none', 3),
			offering('mobile', 'application', both, 3.5),
		],
		operator: {
			fixed: 'Tailspin Telekom',
			mobile: 'Tailspin Mobilfunk',
			mobileCountryCode: '262',
			mobileNetworkCode: '01',
		},
	},
	{
		countryCode: 'IE',
		dialCode: '353',
		nationalLength: 9,
		currencyCode: 'EUR',
		isAgreementToNotResellRequired: false,
		names: { en: 'Ireland', fr: 'Irlande', de: 'Irland' },
		localities: [
			locality('Dublin', 'Leinster', 'L', ['1']),
			locality('Cork', 'Munster', 'M', ['21']),
			locality('Galway', 'Connacht', 'C', ['91']),
		],
		tollFreeAreaCodes: ['1800'],
		mobileAreaCodes: ['83', '85', '87'],
		offerings: [
			offering('geographic', 'person', 'none', 1),
			offering('geographic', 'application', 'none', 1),
			offering('tollFree', 'application', 'none', 2.5),
			offering('mobile', 'person', both, 2.5),
			offering('mobile', 'application', both, 2.5),
		],
		operator: {
			fixed: 'Litware Eireann',
			mobile: 'Litware Mobile',
			mobileCountryCode: '272',
			mobileNetworkCode: '01',
		},
	},
	{
		countryCode: 'FR',
		dialCode: '33',
		nationalLength: 9,
		currencyCode: 'EUR',
		isAgreementToNotResellRequired: true,
		names: { en: 'France', fr: 'France', de: 'Frankreich' },
		localities: [
			locality('Paris', 'Île-de-France', 'IDF', ['1']),
			locality('Lyon', 'Auvergne-Rhône-Alpes', 'ARA', ['4']),
			locality('Marseille', "Provence-Alpes-Côte d'Azur", 'PAC', ['9']),
		],
		tollFreeAreaCodes: ['800'],
		mobileAreaCodes: ['6', '7'],
		offerings: [
			offering('geographic', 'application', 'none', 1.2),
			offering('tollFree', 'application', 'none', 3),
			offering('mobile', 'application', both, 4),
		],
		operator: {
			fixed: 'Adventure Works Télécom',
			mobile: 'Adventure Works Mobile',
			mobileCountryCode: '208',
			mobileNetworkCode: '01',
		},
	},
];

const byCode = new Map(COUNTRIES.map((country) => [country.countryCode, country]));

export function findCountry(countryCode: string): CountryEntry | undefined {
	return byCode.get(countryCode.toUpperCase());
}

export function localizedName(names: LocalizedNames, language: string): string {
	return own<string | undefined>(names as Record<string, string | undefined>, language) ?? names.en;
}

/** Primary language tag of an accept-language header ('fr-FR,fr;q=0.9' -> 'fr'); 'en' when absent. */
export function languageOf(acceptLanguage: string | string[] | undefined): string {
	const value = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
	return (value ?? 'en').split(',')[0].trim().split('-')[0].toLowerCase() || 'en';
}

export function areaCodesOf(country: CountryEntry, type: PhoneNumberType): string[] {
	if (type === 'geographic') return country.localities.flatMap((entry) => entry.areaCodes);
	return type === 'tollFree' ? country.tollFreeAreaCodes : country.mobileAreaCodes;
}

export function findOffering(
	country: CountryEntry,
	type: PhoneNumberType,
	assignment: AssignmentType,
): OfferingEntry | undefined {
	return country.offerings.find(
		(entry) => entry.phoneNumberType === type && entry.assignmentType === assignment,
	);
}
