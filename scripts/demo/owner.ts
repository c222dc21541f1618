import type { OwnerAccount } from '../n8n/rest';

/** The local demo's login. It only ever guards an n8n bound to 127.0.0.1 on this machine. */
export const DEMO_OWNER: OwnerAccount = {
	email: 'demo@example.com',
	password: 'AcsDemo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};
