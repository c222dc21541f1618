import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { AzureCommunicationPhoneNumbers } from '../../../nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node';
import { searchPurchasedNumbers } from '../../../nodes/AzureCommunicationPhoneNumbers/methods/listSearch';
import {
	getAdministrativeDivisions,
	getAreaCodes,
	getLocalities,
} from '../../../nodes/AzureCommunicationPhoneNumbers/methods/loadOptions';
import {
	BOTH_AUTHS,
	acsRequests,
	control,
	expectEveryRequestSignedWith,
	phoneNumbersEmulator,
} from './harness';
import { editorContext } from './loadOptionsContext';

const ANY = { name: 'Any', value: '' };
const values = (options: Array<{ value: unknown }>) => options.map((option) => option.value);

describe('Phone Numbers node: editor dropdowns and list search', () => {
	const emulator = phoneNumbersEmulator();

	describe.each(BOTH_AUTHS)('with %s', (auth) => {
		expectEveryRequestSignedWith(emulator, auth);
		const editor = (field: string, parameters: INodeParameters) =>
			editorContext(emulator(), auth, field, parameters).context;

		it('lists the administrative divisions of the chosen country and number type', async () => {
			const us = await getAdministrativeDivisions.call(
				editor('administrativeDivision', { countryCode: 'US', phoneNumberType: 'geographic' }),
			);
			expect(us).toEqual([
				ANY,
				{ name: 'California (CA)', value: 'CA' },
				{ name: 'Florida (FL)', value: 'FL' },
				{ name: 'Illinois (IL)', value: 'IL' },
				{ name: 'New York (NY)', value: 'NY' },
				{ name: 'Texas (TX)', value: 'TX' },
				{ name: 'Washington (WA)', value: 'WA' },
			]);
			const canada = await getAdministrativeDivisions.call(
				editor('administrativeDivision', { countryCode: 'CA', phoneNumberType: 'geographic' }),
			);
			expect(values(canada)).toEqual(['', 'AB', 'BC', 'ON', 'QC']);
			// Mobile numbers have no localities in the emulated catalog, so there is nothing to narrow by.
			expect(
				await getAdministrativeDivisions.call(
					editor('administrativeDivision', { countryCode: 'GB', phoneNumberType: 'mobile' }),
				),
			).toEqual([ANY]);
			expect((await acsRequests(emulator())).map(({ method, path }) => ({ method, path }))).toEqual(
				[
					{ method: 'GET', path: '/availablePhoneNumbers/countries/US/localities' },
					{ method: 'GET', path: '/availablePhoneNumbers/countries/CA/localities' },
					{ method: 'GET', path: '/availablePhoneNumbers/countries/GB/localities' },
				],
			);
		});

		it('lists localities filtered by country and administrative division', async () => {
			const all = await getLocalities.call(
				editor('locality', {
					countryCode: 'US',
					phoneNumberType: 'geographic',
					administrativeDivision: '',
				}),
			);
			expect(all).toHaveLength(1 + 8);
			expect(all[0]).toEqual(ANY);
			const california = await getLocalities.call(
				editor('locality', {
					countryCode: 'US',
					phoneNumberType: 'geographic',
					administrativeDivision: 'CA',
				}),
			);
			expect(california).toEqual([
				ANY,
				{ name: 'Los Angeles, CA', value: 'Los Angeles' },
				{ name: 'San Francisco, CA', value: 'San Francisco' },
			]);
			const germany = await getLocalities.call(
				editor('locality', {
					countryCode: 'DE',
					phoneNumberType: 'geographic',
					administrativeDivision: 'BY',
				}),
			);
			expect(germany).toEqual([ANY, { name: 'Munich, BY', value: 'Munich' }]);
		});

		it('lists area codes filtered by country, number type, assignment type, division and locality', async () => {
			const base = {
				countryCode: 'US',
				phoneNumberType: 'geographic',
				assignmentType: 'person',
				administrativeDivision: '',
				locality: '',
			};
			const codes = async (parameters: INodeParameters) =>
				values(await getAreaCodes.call(editor('areaCode', { ...base, ...parameters })));

			expect(await codes({ locality: 'Los Angeles' })).toEqual(['', '213', '323']);
			expect(await codes({ administrativeDivision: 'WA' })).toEqual(['', '206', '425']);
			expect(await codes({ administrativeDivision: 'WA', locality: 'Redmond' })).toEqual([
				'',
				'425',
			]);
			expect((await codes({})).length).toBe(1 + 10);
			expect(await codes({ phoneNumberType: 'tollFree', assignmentType: 'application' })).toEqual([
				'',
				'800',
				'833',
				'844',
				'855',
				'866',
				'877',
				'888',
			]);
			// Toll-free numbers are offered for applications only: nothing for people.
			expect(await codes({ phoneNumberType: 'tollFree', assignmentType: 'person' })).toEqual(['']);
			expect(await codes({ countryCode: 'CA', locality: 'Vancouver' })).toEqual(['', '604', '236']);

			const sent = (await emulator().control.requestLog()).filter((entry) =>
				entry.path.endsWith('/areaCodes'),
			);
			// (The log redacts assignmentType's value; the toll-free answers above show it is sent.)
			expect(sent[2].query).toMatchObject({
				phoneNumberType: 'geographic',
				administrativeDivision: 'WA',
				locality: 'Redmond',
			});
			expect(sent[3].query).not.toHaveProperty('locality');
			expect(sent[3].query).not.toHaveProperty('administrativeDivision');
		});

		it('answers without a request while the country is not a valid ISO code', async () => {
			expect(
				await getAreaCodes.call(
					editor('areaCode', { countryCode: 'U', phoneNumberType: 'geographic' }),
				),
			).toEqual([ANY]);
			expect(
				await getAdministrativeDivisions.call(
					editor('administrativeDivision', { countryCode: '' }),
				),
			).toEqual([ANY]);
			expect(await acsRequests(emulator())).toEqual([]);
		});

		it('searches purchased numbers by digits, one page at a time with a pagination token', async () => {
			const tollFree = (
				await control(emulator(), 'POST', '/seed', {
					count: 120,
					countryCode: 'US',
					phoneNumberType: 'tollFree',
				})
			).phoneNumbers as string[];
			const context = editor('phoneNumber', {});

			const first = await searchPurchasedNumbers.call(context);
			expect(first.results).toHaveLength(100);
			expect(first.results[0]).toEqual({
				name: `${first.results[0].value} (US, tollFree)`,
				value: expect.stringMatching(/^\+1\d{10}$/),
			});
			expect(first.paginationToken).toEqual(expect.any(String));
			const second = await searchPurchasedNumbers.call(
				context,
				undefined,
				first.paginationToken as string,
			);
			expect(second.results).toHaveLength(20);
			expect(second.paginationToken).toBeUndefined();
			expect([...values(first.results), ...values(second.results)].sort()).toEqual(
				[...tollFree].sort(),
			);

			const wanted = first.results[7].value as string;
			const filtered = await searchPurchasedNumbers.call(
				context,
				` ${wanted.slice(0, 2)} ${wanted.slice(2)} `,
			);
			expect(values(filtered.results)).toEqual([wanted]);
			expect(filtered.paginationToken).toEqual(expect.any(String));
			expect((await searchPurchasedNumbers.call(context, '+19999999999')).results).toEqual([]);
		});
	});

	it('reloads each dropdown when a field its method reads changes (loadOptionsDependsOn)', async () => {
		const properties = new AzureCommunicationPhoneNumbers().description.properties;
		const methods = { getAdministrativeDivisions, getLocalities, getAreaCodes };
		const parameters = {
			countryCode: 'US',
			phoneNumberType: 'geographic',
			assignmentType: 'person',
			administrativeDivision: 'WA',
			locality: 'Seattle',
		};
		const checked: string[] = [];
		for (const property of properties.filter(
			(candidate: INodeProperties) => candidate.typeOptions?.loadOptionsMethod,
		)) {
			const method = methods[property.typeOptions!.loadOptionsMethod as keyof typeof methods];
			if (!method) continue;
			const { context, parametersRead } = editorContext(
				emulator(),
				'connectionString',
				property.name,
				parameters,
			);
			await method.call(context);
			const dependsOn = (property.typeOptions!.loadOptionsDependsOn as string[] | undefined) ?? [];
			expect({
				field: property.name,
				undeclared: [...parametersRead].filter((name) => !dependsOn.includes(name)),
			}).toEqual({
				field: property.name,
				undeclared: [],
			});
			checked.push(property.typeOptions!.loadOptionsMethod as string);
		}
		expect(new Set(checked)).toEqual(new Set(Object.keys(methods)));
	});
});
