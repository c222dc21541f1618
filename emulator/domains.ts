import type { Domain } from './core/types';
import { phoneNumbersDomain } from './phoneNumbers';
import { sipDomain } from './sip';

/** Every domain the emulator mounts. Domain names must be unique: they key the persisted state. */
export const domains: Domain<any>[] = [phoneNumbersDomain, sipDomain];
