/** The SIP routing domain of the emulator: one SIP document per resource. See README.md. */
import type { Domain } from '../core/types';
import { sipControlRoutes } from './control';
import { getSip, patchSip, testRoutesWithNumber } from './handlers';
import { createSipState, restoreSipState, type SipState } from './state';

export const sipDomain: Domain<SipState> = {
	name: 'sip',
	createState: () => createSipState(),
	restoreState: (saved) => restoreSipState(saved),
	routes: (getState) => [
		{ method: 'GET', pattern: /^\/sip\/?$/, handler: (req) => getSip(getState(), req) },
		{
			method: 'PATCH',
			pattern: /^\/sip\/?$/,
			handler: (req, _m, ctx) => patchSip(getState(), req, ctx),
		},
		{
			method: 'POST',
			pattern: /^\/sip(?::|%3A)testRoutesWithNumber$/i,
			handler: (req) => testRoutesWithNumber(getState(), req),
		},
	],
	controlRoutes: (getState) => sipControlRoutes(getState),
	supportedApiVersions: [
		'2021-05-01-preview',
		'2022-09-01-preview',
		'2022-10-01-preview',
		'2023-01-01-preview',
		'2023-03-01',
		'2023-04-01-preview',
		'2024-11-15-preview',
	],
};

export type { SipState } from './state';
