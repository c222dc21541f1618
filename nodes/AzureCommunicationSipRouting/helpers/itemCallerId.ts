import type { IExecuteFunctions } from 'n8n-workflow';

import { SIP_PREVIEW_API_VERSION } from './apiChoice';
import { fail } from './parameters';

/**
 * On the stable API the Caller ID Override field is hidden, so an input item's `callerIdOverride` (for example
 * from a preview Get Many) would be ignored and the stable write would drop the stored override. Refuses such an
 * item before any request; null, empty or absent is fine (no override is all the stable API knows).
 */
export function refuseItemCallerIdOnStable(
	this: IExecuteFunctions,
	itemIndex: number,
	routeName: string | undefined,
): void {
	const value = this.getInputData()[itemIndex]?.json?.callerIdOverride;
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return;
	throw fail.call(
		this,
		itemIndex,
		`Input item ${itemIndex + 1}: route "${routeName ?? ''}" has callerIdOverride ${JSON.stringify(value)}, which the stable API cannot store; a stable write would drop it`,
		`Set "API" to Preview (${SIP_PREVIEW_API_VERSION.replace('preview', 'Preview')}) to keep or set it, or set callerIdOverride to null to remove it. Nothing was sent to the service.`,
	);
}
