/** The Phone Numbers domain of the emulator. */
import type { Domain } from '../core/types';
import { controlRoutes } from './control';
import { browseRoutes } from './handlers/browseRoutes';
import { catalogRoutes } from './handlers/catalogRoutes';
import { operationRoutes } from './handlers/operationRoutes';
import { operatorRoutes } from './handlers/operatorRoutes';
import { purchasedRoutes } from './handlers/purchasedRoutes';
import { reservationRoutes } from './handlers/reservationRoutes';
import { searchRoutes } from './handlers/searchRoutes';
import type { PhoneNumbersState } from './model';
import { createPhoneNumbersState, restorePhoneNumbersState } from './state';

export const phoneNumbersDomain: Domain<PhoneNumbersState> = {
	name: 'phoneNumbers',
	createState: createPhoneNumbersState,
	restoreState: restorePhoneNumbersState,
	routes: (getState) => [
		...catalogRoutes(getState),
		...searchRoutes(getState),
		...browseRoutes(getState),
		...reservationRoutes(getState),
		...operationRoutes(getState),
		...purchasedRoutes(getState),
		...operatorRoutes(getState),
	],
	controlRoutes,
	supportedApiVersions: ['2021-03-07', '2022-12-01', '2025-02-11', '2025-04-01', '2025-06-01'],
};

export type { PhoneNumbersState } from './model';
