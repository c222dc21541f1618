import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import {
	validateCost,
	validateCountryCode,
	validateGuid,
	validateQuantity,
} from '../../../shared/acs/validators';
import { normaliseE164 } from '../../../shared/acs/phoneNumber';
import type { CostLimits, CurrencyCostLimit } from './costGuard';

/** Reading parameters with validation before any request: a NodeOperationError names the parameter. */

export function invalidParameter(
	this: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	problem: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), `Invalid "${displayName}": ${problem}`, {
		itemIndex,
		description: 'Nothing was sent to Azure. Correct the parameter and run again.',
	});
}

const MAX_QUANTITY = 2147483647;

function validateCurrencyCode(value: string): string | undefined {
	return /^[A-Z]{3}$/.test(value)
		? undefined
		: `Currency "${value}" must be a three-letter ISO 4217 code, e.g. USD.`;
}

function check(
	this: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	problem: string | undefined,
) {
	if (problem) throw invalidParameter.call(this, itemIndex, displayName, problem);
}

export function readString(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback = '',
): string {
	const value = this.getNodeParameter(name, itemIndex, fallback);
	return value === undefined || value === null ? '' : String(value).trim();
}

export function readCountryCode(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'countryCode',
): string {
	const value = readString.call(this, name, itemIndex).toUpperCase();
	check.call(
		this,
		itemIndex,
		'Country',
		value ? validateCountryCode(value) : 'a country is required',
	);
	return value;
}

export function checkE164(
	this: IExecuteFunctions,
	itemIndex: number,
	displayName: string,
	raw: string,
): string {
	const normalised = normaliseE164(raw);
	check.call(this, itemIndex, displayName, normalised.error);
	return normalised.value as string;
}

/** The resource-locator phone number, normalised to E.164. */
export function readPhoneNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'phoneNumber',
): string {
	const raw = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as string;
	return checkE164.call(this, itemIndex, 'Phone Number', String(raw ?? ''));
}

/** A list of E.164 numbers from a string (comma, semicolon, space or newline separated) or an array. */
export function readE164List(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
	options: { required: boolean },
): string[] {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const parts = (Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(/[\s,;]+/))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (options.required && parts.length === 0) {
		throw invalidParameter.call(
			this,
			itemIndex,
			displayName,
			'enter at least one number in E.164 form, e.g. +14255550123',
		);
	}
	return [...new Set(parts.map((part) => checkE164.call(this, itemIndex, displayName, part)))];
}

export function readGuid(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	displayName: string,
): string {
	const value = readString.call(this, name, itemIndex);
	check.call(
		this,
		itemIndex,
		displayName,
		value ? validateGuid(value, displayName) : 'a value is required',
	);
	return value.toLowerCase();
}

export function readQuantity(this: IExecuteFunctions, itemIndex: number): number {
	const value = this.getNodeParameter('quantity', itemIndex, 1) as number;
	check.call(this, itemIndex, 'Quantity', validateQuantity(value, MAX_QUANTITY));
	return value;
}

export function readCostLimits(this: IExecuteFunctions, itemIndex: number): CostLimits {
	const limits = readCurrencyLimit.call(this, itemIndex, {
		currencyCode: readString.call(this, 'costCurrency', itemIndex).toUpperCase(),
		maxMonthlyCostPerNumber: this.getNodeParameter('maxMonthlyCostPerNumber', itemIndex),
		maxTotalMonthlyCost: this.getNodeParameter('maxTotalMonthlyCost', itemIndex),
	});
	const collection = this.getNodeParameter('otherCurrencyLimits', itemIndex, {}) as {
		limit?: IDataObject[];
	};
	const otherCurrencies = (collection.limit ?? []).map((limit) =>
		readCurrencyLimit.call(
			this,
			itemIndex,
			{
				...limit,
				currencyCode: String(limit.currencyCode ?? '')
					.trim()
					.toUpperCase(),
			},
			OTHER_CURRENCIES,
		),
	);
	const seen = new Set<string>();
	for (const { currencyCode } of [limits, ...otherCurrencies]) {
		check.call(
			this,
			itemIndex,
			OTHER_CURRENCIES,
			seen.has(currencyCode)
				? `${currencyCode} has limits twice; state each currency once.`
				: undefined,
		);
		seen.add(currencyCode);
	}
	return otherCurrencies.length > 0 ? { ...limits, otherCurrencies } : limits;
}

const OTHER_CURRENCIES = 'Limits in Other Currencies';

function readCurrencyLimit(
	this: IExecuteFunctions,
	itemIndex: number,
	raw: IDataObject,
	within?: string,
): CurrencyCostLimit {
	const label = (name: string) => (within ? `${within} → ${name}` : name);
	const { currencyCode, maxMonthlyCostPerNumber: perNumber, maxTotalMonthlyCost: total } = raw;
	check.call(
		this,
		itemIndex,
		label('Max Monthly Cost per Number'),
		validateCost(perNumber, 'Max Monthly Cost per Number'),
	);
	check.call(
		this,
		itemIndex,
		label('Max Total Monthly Cost'),
		validateCost(total, 'Max Total Monthly Cost'),
	);
	check.call(this, itemIndex, label('Currency'), validateCurrencyCode(String(currencyCode)));
	return {
		currencyCode: String(currencyCode),
		maxMonthlyCostPerNumber: perNumber as number,
		maxTotalMonthlyCost: total as number,
	};
}

export function readOperationId(this: IExecuteFunctions, itemIndex: number): string {
	const value = readString.call(this, 'operationId', itemIndex);
	check.call(
		this,
		itemIndex,
		'Operation ID',
		!value
			? 'a value is required'
			: /^[A-Za-z0-9_.-]{1,200}$/.test(value)
				? undefined
				: 'use the operationId of an earlier output, e.g. purchase_0f9c5a8e-2d7b-4a51-9a43-6b1f0c7d2e11',
	);
	return value;
}
