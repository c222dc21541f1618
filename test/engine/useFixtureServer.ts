import {
	registerFixtures,
	startFixtureServer,
	type FixtureServer,
} from '../support/engine/fixtures';

export interface FixtureServerHandle {
	/** The registered fixture node type. */
	readonly fixtureType: string;
	/** Available inside tests and hooks (it starts in `beforeAll`). */
	readonly server: FixtureServer;
}

/** Registers the fixture node and credentials, and runs one fixture server around the calling file's tests. */
export function useFixtureServer(): FixtureServerHandle {
	const fixtureType = registerFixtures();
	let server: FixtureServer | undefined;
	beforeAll(async () => {
		server = await startFixtureServer();
	});
	afterAll(async () => {
		await server?.stop();
	});
	return {
		fixtureType,
		get server() {
			if (!server)
				throw new Error('The fixture server starts in beforeAll; use it inside tests and hooks');
			return server;
		},
	};
}
