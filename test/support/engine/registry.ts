/** The per-process (per test file) node and credential type registries. */
import { EngineCredentialTypes } from './credentialTypes';
import { HARNESS_PACKAGE_NAME, ItemsTrigger } from './itemsTrigger';
import { EngineNodeTypes } from './nodeTypes';
import { ensureEngineRuntime } from './runtime';

export const nodeTypes = new EngineNodeTypes();
export const credentialTypes = new EngineCredentialTypes();
export const ITEMS_TRIGGER_TYPE = nodeTypes.register(new ItemsTrigger(), HARNESS_PACKAGE_NAME);

ensureEngineRuntime();
