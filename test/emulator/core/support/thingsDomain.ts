/** A tiny domain for core tests: GET/POST /things, PATCH /things/{id} (merge-patch), control route /_emulator/things/count. */
import { acsError, requireMediaType, type Domain } from '../../../../emulator/core/types';

export interface ThingsState {
	things: Record<string, { id: string; name: string; createdAt: string }>;
	nextId: number;
}

export const thingsDomain: Domain<ThingsState> = {
	name: 'things',
	supportedApiVersions: ['2099-01-01', '2099-02-01-preview'],
	createState: (seed) => ({ things: {}, nextId: (seed % 1000) + 1 }),
	routes: (getState) => [
		{
			method: 'GET',
			pattern: /^\/things$/,
			handler: (req, _match, ctx) => ({
				status: 200,
				body: {
					value: Object.values(getState().things),
					query: Object.fromEntries(req.query),
					now: ctx.now().toISOString(),
				},
			}),
		},
		{
			method: 'POST',
			pattern: /^\/things$/,
			handler: (req, _match, ctx) => {
				const name = (req.body as { name?: unknown } | undefined)?.name;
				if (typeof name !== 'string')
					return acsError(400, 'InvalidInput', 'name is required', { target: 'name' });
				const state = getState();
				const id = String(state.nextId++);
				state.things[id] = { id, name, createdAt: ctx.now().toISOString() };
				ctx.markDirty();
				return {
					status: 201,
					headers: { Location: `/things/${id}?api-version=${req.apiVersion}` },
					body: state.things[id],
				};
			},
		},
		{
			method: 'PATCH',
			pattern: /^\/things\/([^/]+)$/,
			handler: (req, match, ctx) => {
				const refused = requireMediaType(req, 'application/merge-patch+json');
				if (refused) return refused;
				const thing = getState().things[decodeURIComponent(match[1])];
				if (!thing) return acsError(404, 'NotFound', 'No such thing.');
				const name = (req.body as { name?: unknown } | undefined)?.name;
				if (typeof name === 'string') thing.name = name;
				ctx.markDirty();
				return { status: 200, body: thing };
			},
		},
	],
	controlRoutes: (getState) => [
		{
			method: 'GET',
			pattern: /^\/_emulator\/things\/count$/,
			handler: () => ({ status: 200, body: { count: Object.keys(getState().things).length } }),
		},
	],
};
