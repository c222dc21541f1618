import type { AcsApi } from './types';

export const DEFAULT_API_VERSIONS: Readonly<Record<AcsApi, string>> = {
	phoneNumbers: '2025-06-01',
	sip: '2023-03-01',
	sipPreview: '2024-11-15-preview',
};

export function apiVersionFor(api: AcsApi, override?: string): string {
	const trimmed = override?.trim();
	return trimmed ? trimmed : DEFAULT_API_VERSIONS[api];
}
