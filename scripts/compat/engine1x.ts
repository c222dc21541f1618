import * as path from 'node:path';
import { localDir } from '../n8n/paths';

/** The engine packages n8n 1.123.x (the last 1.x line) depends on, installed for `npm run test:compat`. */
export const ENGINE_1X_PACKAGES = { 'n8n-workflow': '1.120.31', 'n8n-core': '1.122.48' } as const;

export const engine1xDir = path.join(localDir, 'compat-1x');
export const engine1xModules = path.join(engine1xDir, 'node_modules');
