/** Route building for this domain: every handler first settles finished operations against the virtual clock. */
import type { EmulatorContext, EmulatorReply, EmulatorRequest, Route } from '../../core/types';
import { settle } from '../lro';
import type { PhoneNumbersState } from '../model';

export interface DomainCall {
	req: EmulatorRequest;
	match: RegExpMatchArray;
	ctx: EmulatorContext;
	state: PhoneNumbersState;
	now: number;
}

export type DomainHandler = (call: DomainCall) => EmulatorReply;

export function route(
	method: string,
	pattern: RegExp,
	getState: () => PhoneNumbersState,
	handler: DomainHandler,
): Route {
	return {
		method,
		pattern,
		handler(req, match, ctx) {
			const state = getState();
			const now = ctx.now().getTime();
			if (settle(state, now)) ctx.markDirty();
			return handler({ req, match, ctx, state, now });
		},
	};
}

export const JSON_OK = (body: unknown, headers?: Record<string, string>): EmulatorReply => ({
	status: 200,
	body,
	headers,
});
