import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { acsGetAllPages } from '../../shared/transport';

/** Dropdowns filled from the service, each depending on the fields before it. */

const ANY: INodePropertyOptions = { name: 'Any', value: '' };

function current(this: ILoadOptionsFunctions, name: string): string {
	const value = this.getCurrentNodeParameter(name);
	return typeof value === 'string' ? value.trim() : '';
}

function countryPath(this: ILoadOptionsFunctions, suffix: string): string | undefined {
	const countryCode = current.call(this, 'countryCode').toUpperCase();
	return /^[A-Z]{2}$/.test(countryCode)
		? `/availablePhoneNumbers/countries/${countryCode}${suffix}`
		: undefined;
}

interface Locality {
	localizedName?: string;
	administrativeDivision?: { localizedName?: string; abbreviatedName?: string };
}

async function localities(this: ILoadOptionsFunctions): Promise<Locality[]> {
	const path = countryPath.call(this, '/localities');
	if (!path) return [];
	const phoneNumberType = current.call(this, 'phoneNumberType');
	return await (acsGetAllPages<Locality>).call(this, {
		method: 'GET',
		path,
		api: 'phoneNumbers',
		qs: {
			phoneNumberType:
				phoneNumberType === 'geographic' || phoneNumberType === 'mobile'
					? phoneNumberType
					: undefined,
		},
		itemsField: 'phoneNumberLocalities',
		pageSizeParam: 'maxPageSize',
	});
}

export async function getCountries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const countries = await (acsGetAllPages<{ countryCode: string; localizedName?: string }>).call(
		this,
		{
			method: 'GET',
			path: '/availablePhoneNumbers/countries',
			api: 'phoneNumbers',
			itemsField: 'countries',
			pageSizeParam: 'maxPageSize',
		},
	);
	return countries
		.map((country) => ({
			name: `${country.localizedName ?? country.countryCode} (${country.countryCode})`,
			value: country.countryCode,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAdministrativeDivisions(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const divisions = new Map<string, string>();
	for (const locality of await localities.call(this)) {
		const division = locality.administrativeDivision;
		if (division?.abbreviatedName)
			divisions.set(division.abbreviatedName, division.localizedName ?? division.abbreviatedName);
	}
	return [
		ANY,
		...[...divisions]
			.map(([value, name]) => ({ name: `${name} (${value})`, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

export async function getLocalities(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const division = current.call(this, 'administrativeDivision');
	const options = (await localities.call(this))
		.filter(
			(locality) =>
				locality.localizedName &&
				(!division || locality.administrativeDivision?.abbreviatedName === division),
		)
		.map((locality) => ({
			name: locality.administrativeDivision?.abbreviatedName
				? `${locality.localizedName}, ${locality.administrativeDivision.abbreviatedName}`
				: (locality.localizedName as string),
			value: locality.localizedName as string,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [ANY, ...options];
}

export async function getAreaCodes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const path = countryPath.call(this, '/areaCodes');
	if (!path) return [ANY];
	const areaCodes = await (acsGetAllPages<{ areaCode?: string }>).call(this, {
		method: 'GET',
		path,
		api: 'phoneNumbers',
		qs: {
			phoneNumberType: current.call(this, 'phoneNumberType') || 'geographic',
			assignmentType: current.call(this, 'assignmentType') || undefined,
			locality: current.call(this, 'locality') || undefined,
			administrativeDivision: current.call(this, 'administrativeDivision') || undefined,
		},
		itemsField: 'areaCodes',
		pageSizeParam: 'maxPageSize',
	});
	return [
		ANY,
		...areaCodes
			.filter((entry) => entry.areaCode)
			.map((entry) => ({ name: entry.areaCode as string, value: entry.areaCode as string })),
	];
}
