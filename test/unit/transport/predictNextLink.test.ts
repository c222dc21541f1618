/** The page after next, as the service writes next links: the same URL with skip moved on by the page size. */
import { predictNextLink } from '../../../nodes/shared/transport/pager';

describe('predictNextLink', () => {
	it.each([
		[
			'/phoneNumbers?skip=100&top=100&api-version=2025-06-01',
			'top',
			'/phoneNumbers?skip=200&top=100&api-version=2025-06-01',
		],
		[
			'/availablePhoneNumbers/countries?skip=0&maxPageSize=50&api-version=2025-06-01',
			'maxPageSize',
			'/availablePhoneNumbers/countries?skip=50&maxPageSize=50&api-version=2025-06-01',
		],
		['/x?top=10&skip=990', 'top', '/x?top=10&skip=1000'],
	])('%s -> %s', (link, param, expected) => {
		expect(predictNextLink(link, param)).toBe(expected);
	});

	it.each([
		['/phoneNumbers?$skipToken=abc&api-version=2025-06-01', 'top'],
		['/phoneNumbers?skip=100&api-version=2025-06-01', 'top'],
		['/phoneNumbers?skip=100&top=0', 'top'],
		['/phoneNumbers?skip=100&top=100', 'maxPageSize'],
		['/phoneNumbers?noskip=100&top=100', 'top'],
		['/phoneNumbers?skip=1e3&top=100', 'top'],
	])('%s (page size %s): no prediction', (link, param) => {
		expect(predictNextLink(link, param)).toBeUndefined();
	});
});
