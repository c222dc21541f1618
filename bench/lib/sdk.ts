/** The official SDK as a user would call it in a Code node: default options, except that the emulator is plain http. */
import { PhoneNumbersClient } from '@azure/communication-phone-numbers';

import type { BenchEmulator } from './emulator';

export function sdkClient(emu: BenchEmulator): PhoneNumbersClient {
	return new PhoneNumbersClient(emu.connectionString, { allowInsecureConnection: true } as never);
}

/** Polling options for set-up steps only (not measured): the SDK pollers read updateIntervalInMs at run time. */
export const FAST_SETUP_POLLING = { updateIntervalInMs: 5 } as never;
