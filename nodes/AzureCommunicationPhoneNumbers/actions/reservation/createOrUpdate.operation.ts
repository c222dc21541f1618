import { randomUUID } from 'crypto';
import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { withOutputFields, type ItemOutput } from '../../../shared/node';
import { acsRequest } from '../../../shared/transport';
import type { Reservation } from '../helpers/acsTypes';
import { reservationOutput } from '../helpers/output';
import { readE164List, readGuid, readString } from '../helpers/parameters';
import { phoneNumbersApi } from '../helpers/request';
import { serviceNow } from '../helpers/serverTime';
import {
	assignmentTypeField,
	capabilityFields,
	countryField,
	numberTypeField,
	optionsCollection,
} from '../common.descriptions';
import {
	numbersFromInputItems,
	numbersFromList,
	pendingChanges,
	reservationPatchBody,
	type NumberToReserve,
} from './reservationNumbers';
import { reservationIdFromItems, storedReservation } from './reservationFromItems';

const showList = { show: { numbersSource: ['list'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'A reservation holds numbers for 15 minutes after its last change, at most 2 hours after it was created. Reserving is free; purchasing is not.',
		name: 'reservationNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Reservation ID',
		name: 'reservationId',
		type: 'string',
		default: '={{ $json.reservationId }}',
		placeholder: 'e.g. 65c18c7f-8074-4efb-a572-e0df127a9964',
		description:
			'GUID of the reservation to update; by default the reservationId of the input item (e.g. the output of Reservation → Get). Empty: a new reservation with a generated ID.',
	},
	{
		displayName: 'Numbers to Add From',
		name: 'numbersSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Input Items (Browse or Reservation Output)',
				value: 'inputItems',
				description:
					'Add the numbers of every input item to one reservation: the output of Available Number → Browse, or of Reservation → Get (its numbers). Numbers it already holds are not sent again.',
			},
			{
				name: 'List',
				value: 'list',
				description: 'Type the numbers; they share the attributes below',
			},
			{ name: 'Nothing', value: 'none', description: 'Only remove numbers, or refresh the expiry' },
		],
		default: 'inputItems',
	},
	{
		displayName: 'Numbers to Add',
		name: 'phoneNumbersToAdd',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +14255550123, +14255550124',
		description: 'E.164 numbers, separated by commas or new lines',
		displayOptions: showList,
	},
	{ ...countryField(), displayOptions: showList },
	{ ...numberTypeField({ required: true }), displayOptions: showList },
	{ ...assignmentTypeField({ required: true }), displayOptions: showList },
	...capabilityFields({ allowAny: false }).map((field) => ({ ...field, displayOptions: showList })),
	{
		displayName: 'Numbers to Remove',
		name: 'phoneNumbersToRemove',
		type: 'string',
		default: '',
		placeholder: 'e.g. +14255550125',
		description: 'E.164 numbers to take out of the reservation, separated by commas or new lines',
	},
	{
		displayName: 'Fail If Any Number Failed',
		name: 'failOnNumberError',
		type: 'boolean',
		default: false,
		description:
			'Whether the item fails when the service could not reserve some of the numbers (HTTP 207). Off: the item lists the per-number statuses and errors.',
	},
	optionsCollection(),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['reservation'], operation: ['createOrUpdate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemOutput> {
	const source = this.getNodeParameter('numbersSource', 0, 'inputItems') as string;
	// From input items, all items go into one reservation: the first item does the work for all of them.
	if (source === 'inputItems' && itemIndex > 0) return [];
	const givenId =
		source === 'inputItems'
			? reservationIdFromItems.call(this)
			: readString.call(this, 'reservationId', itemIndex)
				? readGuid.call(this, 'reservationId', itemIndex, 'Reservation ID')
				: undefined;
	const reservationId = givenId ?? randomUUID();
	let add: NumberToReserve[] =
		source === 'list'
			? numbersFromList.call(this, itemIndex)
			: source === 'inputItems'
				? numbersFromInputItems.call(this)
				: [];
	let remove = readE164List.call(this, 'phoneNumbersToRemove', itemIndex, 'Numbers to Remove', {
		required: false,
	});
	if (source === 'inputItems' && givenId !== undefined) {
		// what the items state may already be held: send only the rest, and nothing (no expiry refresh) if that is all
		const stored = await storedReservation.call(this, itemIndex, reservationId);
		if (stored !== undefined) {
			({ add, remove } = pendingChanges(stored.reservation.phoneNumbers ?? {}, add, remove));
			if (add.length === 0 && remove.length === 0) {
				const unchanged = {
					...reservationOutput(stored.reservation, stored.now),
					created: false,
					partial: false,
					change: 'unchanged',
				};
				return [{ json: unchanged, pairedItem: this.getInputData().map((_, item) => ({ item })) }];
			}
		}
	}
	const response = await (acsRequest<Reservation>).call(this, {
		method: 'PATCH',
		path: `/availablePhoneNumbers/reservations/${encodeURIComponent(reservationId)}`,
		...phoneNumbersApi.call(this, itemIndex),
		body: reservationPatchBody(add, remove),
		contentType: 'application/merge-patch+json',
	});
	const output: IDataObject = {
		...reservationOutput({ id: reservationId, ...response.body }, serviceNow(response.headers)),
		created: response.statusCode === 201,
		partial: response.statusCode === 207,
		change: response.statusCode === 201 ? 'created' : 'updated',
	};
	if (
		this.getNodeParameter('failOnNumberError', itemIndex, false) &&
		(output.failedCount as number) > 0
	) {
		const failed = (output.failedPhoneNumbers as string[]).join(', ');
		throw withOutputFields(
			new NodeOperationError(this.getNode(), `Some numbers could not be reserved: ${failed}`, {
				itemIndex,
				description: `Reservation ${reservationId} holds the other numbers. See the per-number errors in "numbers".`,
			}),
			output,
		);
	}
	if (source === 'inputItems') {
		return [{ json: output, pairedItem: this.getInputData().map((_, item) => ({ item })) }];
	}
	return output;
}
