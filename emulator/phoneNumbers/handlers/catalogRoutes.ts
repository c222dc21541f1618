/** Countries, localities, area codes and offerings: paged, localised reads of the catalog. */
import type { EmulatorReply, Route } from '../../core/types';
import { areaCodesOf, COUNTRIES, languageOf, localizedName, type CountryEntry } from '../catalog';
import type { PhoneNumberType, PhoneNumbersState } from '../model';
import { pageOf, readPageRequest } from '../paging';
import {
	checkAssignmentType,
	checkPhoneNumberType,
	isReply,
	mobileSupported,
	resolveCountry,
} from '../validation';
import { JSON_OK, route, type DomainCall } from './route';

const COUNTRY = '([^/]+)';

export function catalogRoutes(getState: () => PhoneNumbersState): Route[] {
	return [
		route('GET', /^\/availablePhoneNumbers\/countries$/, getState, listCountries),
		route(
			'GET',
			new RegExp(`^/availablePhoneNumbers/countries/${COUNTRY}/localities$`),
			getState,
			listLocalities,
		),
		route(
			'GET',
			new RegExp(`^/availablePhoneNumbers/countries/${COUNTRY}/areaCodes$`),
			getState,
			listAreaCodes,
		),
		route(
			'GET',
			new RegExp(`^/availablePhoneNumbers/countries/${COUNTRY}/offerings$`),
			getState,
			listOfferings,
		),
	];
}

function paged(call: DomainCall, itemsField: string, items: unknown[]): EmulatorReply {
	const page = readPageRequest(call.req, 'maxPageSize');
	if (isReply(page)) return page;
	const result = pageOf(call.req, 'maxPageSize', page, items);
	return JSON_OK({ [itemsField]: result.items, nextLink: result.nextLink });
}

function listCountries(call: DomainCall): EmulatorReply {
	const language = languageOf(call.req.headers['accept-language']);
	const countries = COUNTRIES.map((country) => ({
		localizedName: localizedName(country.names, language),
		countryCode: country.countryCode,
	}));
	return paged(call, 'countries', countries);
}

function listLocalities(call: DomainCall): EmulatorReply {
	const country = resolveCountry(decodeURIComponent(call.match[1]));
	if (isReply(country)) return country;
	const { query } = call.req;
	// The phoneNumberType filter exists from 2025-06-01 (with mobile); older versions ignore it.
	const type = mobileSupported(call.req.apiVersion)
		? (query.get('phoneNumberType') ?? undefined)
		: undefined;
	const typeError = checkPhoneNumberType(type, 'phoneNumberType', call.req.apiVersion, false);
	if (typeError) return typeError;
	const division = query.get('administrativeDivision')?.toLowerCase();
	const language = languageOf(call.req.headers['accept-language']);
	const localities = (type === undefined || type === 'geographic' ? country.localities : [])
		.filter((entry) => !division || matchesDivision(entry.division, division))
		.map((entry) => ({
			localizedName: localizedName(entry.names, language),
			administrativeDivision: {
				localizedName: localizedName(entry.division.names, language),
				abbreviatedName: entry.division.abbreviatedName,
			},
		}));
	return paged(call, 'phoneNumberLocalities', localities);
}

function listAreaCodes(call: DomainCall): EmulatorReply {
	const country = resolveCountry(decodeURIComponent(call.match[1]));
	if (isReply(country)) return country;
	const { query, apiVersion } = call.req;
	const type = query.get('phoneNumberType') ?? undefined;
	const assignment = query.get('assignmentType') ?? undefined;
	const error =
		checkPhoneNumberType(type, 'phoneNumberType', apiVersion, true) ??
		checkAssignmentType(assignment, 'assignmentType', false);
	if (error) return error;
	const phoneNumberType = type as PhoneNumberType;
	const offered = country.offerings.some(
		(entry) =>
			entry.phoneNumberType === phoneNumberType &&
			(assignment === undefined || entry.assignmentType === assignment),
	);
	const areaCodes = offered
		? areaCodesFor(
				country,
				phoneNumberType,
				query.get('locality'),
				query.get('administrativeDivision'),
			)
		: [];
	return paged(
		call,
		'areaCodes',
		areaCodes.map((areaCode) => ({ areaCode })),
	);
}

function areaCodesFor(
	country: CountryEntry,
	type: PhoneNumberType,
	locality: string | null,
	division: string | null,
): string[] {
	if (type !== 'geographic') return areaCodesOf(country, type);
	return country.localities
		.filter(
			(entry) =>
				!locality ||
				Object.values(entry.names).some((name) => name.toLowerCase() === locality.toLowerCase()),
		)
		.filter((entry) => !division || matchesDivision(entry.division, division.toLowerCase()))
		.flatMap((entry) => entry.areaCodes)
		.filter((code, index, all) => all.indexOf(code) === index);
}

function matchesDivision(
	division: CountryEntry['localities'][number]['division'],
	wanted: string,
): boolean {
	return (
		division.abbreviatedName.toLowerCase() === wanted ||
		Object.values(division.names).some((name) => name.toLowerCase() === wanted)
	);
}

function listOfferings(call: DomainCall): EmulatorReply {
	const country = resolveCountry(decodeURIComponent(call.match[1]));
	if (isReply(country)) return country;
	const { query, apiVersion } = call.req;
	const type = query.get('phoneNumberType') ?? undefined;
	const assignment = query.get('assignmentType') ?? undefined;
	const error =
		checkPhoneNumberType(type, 'phoneNumberType', apiVersion, false) ??
		checkAssignmentType(assignment, 'assignmentType', false);
	if (error) return error;
	const offerings = country.offerings
		.filter((entry) => mobileSupported(apiVersion) || entry.phoneNumberType !== 'mobile')
		.filter(
			(entry) =>
				(type === undefined || entry.phoneNumberType === type) &&
				(assignment === undefined || entry.assignmentType === assignment),
		)
		.map((entry) => ({
			phoneNumberType: entry.phoneNumberType,
			assignmentType: entry.assignmentType,
			availableCapabilities: { ...entry.availableCapabilities },
			cost: {
				amount: entry.amount,
				currencyCode: country.currencyCode,
				billingFrequency: 'monthly',
			},
		}));
	return paged(call, 'phoneNumberOfferings', offerings);
}
