/**
 * Endless lists: a hostile loopback server whose every page has items and a fresh nextLink. Get Many with Return
 * All ends with a specific error within a bounded number of requests instead of paging until cancelled. The
 * server ends its chain after 12,000 pages, more than any bound, so a run without bounds finishes without an error.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_LIST_ITEMS, MAX_LIST_PAGES } from '../../nodes/shared/transport/pageChainGuard';
import { runNode } from '../support/engine';
import { reportFigures } from './support/figures';
import { PHONE_NUMBERS } from './support/nodes';

const CHAIN_END = 12_000;

/** One page of the chain, from the request URL: its position in the chain, the items it lists and the next link. */
type Chain = (url: URL) => { position: number; ids: string[]; nextLink: string };

const skipOf = (url: URL) => Number(url.searchParams.get('skip') ?? 0);
const number = (n: number) => `+1425${String(n).padStart(7, '0')}`;

const CHAINS: Record<string, Chain> = {
	'ever-increasing skip, fresh items': (url) => {
		const skip = skipOf(url);
		const top = Number(url.searchParams.get('top') ?? 100);
		return {
			position: skip / top,
			ids: Array.from({ length: top }, (_, i) => number(skip + i)),
			nextLink: `/phoneNumbers?skip=${skip + top}&top=${top}&api-version=2025-06-01`,
		};
	},
	'the same items, links differing only in a junk query parameter': (url) => {
		const position = Number(url.searchParams.get('junk') ?? 0);
		return {
			position,
			ids: [number(100), number(101)],
			nextLink: `/phoneNumbers?top=100&junk=${position + 1}&api-version=2025-06-01`,
		};
	},
	'a cycle of three pages under ever new links': (url) => ({
		position: skipOf(url),
		ids: [number(skipOf(url) % 3)],
		nextLink: `/phoneNumbers?top=100&skip=${skipOf(url) + 1}&api-version=2025-06-01`,
	}),
	'a link back to the page just read, with fresh items each time': (url) => ({
		position: url.searchParams.has('p') ? 1 : 0,
		ids: [number(requests * 2), number(requests * 2 + 1)],
		nextLink: '/phoneNumbers?p=2&api-version=2025-06-01',
	}),
	'links A, B, C, then B again, with fresh items each time': (url) => {
		const at = url.searchParams.get('p') ?? 'A';
		return {
			position: 'ABC'.indexOf(at),
			ids: [number(requests * 2), number(requests * 2 + 1)],
			nextLink: `/phoneNumbers?p=${{ A: 'B', B: 'C', C: 'B' }[at]}&api-version=2025-06-01`,
		};
	},
	'an empty page with a next link between full ones': (url) => {
		const skip = skipOf(url);
		return {
			position: skip >= 200 ? CHAIN_END : skip / 100,
			ids: skip === 100 ? [] : Array.from({ length: 100 }, (_, i) => number(skip + i)),
			nextLink: `/phoneNumbers?skip=${skip + 100}&top=100&api-version=2025-06-01`,
		};
	},
	'one fresh item per page': (url) => ({
		position: skipOf(url),
		ids: [number(skipOf(url))],
		nextLink: `/phoneNumbers?top=100&skip=${skipOf(url) + 1}&api-version=2025-06-01`,
	}),
};

let server: Server;
let endpoint = '';
let chain: Chain = CHAINS['ever-increasing skip, fresh items'];
let requests = 0;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
	server = createServer((req, res) => {
		requests++;
		const { position, ids, nextLink } = chain(new URL(req.url ?? '/', endpoint));
		const phoneNumbers = ids.map((phoneNumber) => ({ id: phoneNumber.slice(1), phoneNumber }));
		const body = { phoneNumbers, nextLink: position + 1 >= CHAIN_END ? null : nextLink };
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
	reportFigures('endlessLists', figures);
});

async function getManyReturnAll() {
	requests = 0;
	const heapBefore = process.memoryUsage().heapUsed;
	const run = await runNode({
		nodeType: PHONE_NUMBERS,
		parameters: {
			authentication: 'connectionString',
			resource: 'phoneNumber',
			operation: 'getAll',
			returnAll: true,
		},
		credentials: {
			azureCommunicationServicesApi: {
				connectionStringSecret: `endpoint=${endpoint};accesskey=${Buffer.alloc(32, 7).toString('base64')}`,
				allowCustomEndpoint: true,
			},
		},
	});
	return {
		run,
		requests,
		heapGrowthMb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
	};
}

it(`fresh items without end: stopped past ${MAX_LIST_ITEMS.toLocaleString('en-US')} items`, async () => {
	chain = CHAINS['ever-increasing skip, fresh items'];
	const { run, requests: sent, heapGrowthMb } = await getManyReturnAll();
	expect(run.error?.message).toMatch(
		/^The list did not end after 500,100 items in 5,001 pages: the service kept sending a next page/,
	);
	expect(run.error?.description).toMatch(/Use Limit/);
	expect(run.items).toEqual([]);
	// The pages of the bound, plus the one past it and the one read ahead.
	expect(sent).toBeLessThanOrEqual(MAX_LIST_ITEMS / 100 + 2);
	figures.freshItems = { requests: sent, heapGrowthMb };
});

it.each([
	[
		'the same items, links differing only in a junk query parameter',
		'page 2 (first sent as page 1)',
		3,
	],
	['a cycle of three pages under ever new links', 'page 4 (first sent as page 1)', 6],
])('%s: stopped at the first page seen before', async (name, pages, bound) => {
	chain = CHAINS[name];
	const { run, requests: sent } = await getManyReturnAll();
	expect(run.error?.message).toContain(
		`again as ${pages}: its next-page links go round in a circle`,
	);
	expect(sent).toBeLessThanOrEqual(bound);
	figures[name] = { requests: sent };
});

it(`one fresh item per page: stopped past ${MAX_LIST_PAGES.toLocaleString('en-US')} pages`, async () => {
	chain = CHAINS['one fresh item per page'];
	const { run, requests: sent, heapGrowthMb } = await getManyReturnAll();
	expect(run.error?.message).toMatch(/^The list did not end after 10,001 items in 10,001 pages/);
	// Links that do not follow skip + page size: after the first page read ahead in vain, none is.
	expect(sent).toBeLessThanOrEqual(MAX_LIST_PAGES + 2);
	figures.oneItemPerPage = { requests: sent, heapGrowthMb };
});

it.each([
	['a link back to the page just read, with fresh items each time', 2],
	['links A, B, C, then B again, with fresh items each time', 3],
])('%s: ends with the circle error, not a partial list', async (name, pages) => {
	chain = CHAINS[name];
	const { run, requests: sent } = await getManyReturnAll();
	expect(run.error?.message).toContain('its next-page links go round in a circle');
	expect(run.items).toEqual([]);
	expect(sent).toBeLessThanOrEqual(pages + 1);
});

it('an empty page with a next link is followed: every item of the pages after it is listed', async () => {
	chain = CHAINS['an empty page with a next link between full ones'];
	const { run } = await getManyReturnAll();
	expect(run.error).toBeUndefined();
	expect(run.items).toHaveLength(200);
	expect(new Set(run.items.map((item) => item.json.phoneNumber)).size).toBe(200);
});
