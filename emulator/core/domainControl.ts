/**
 * Typed wrappers of the domains' control routes (`emu.control.phoneNumbers`, `emu.control.sip`); see
 * emulator/phoneNumbers/README.md and emulator/sip/README.md. Types only are taken from the domains.
 */
import type { SipTrunkHealth, StoredSipDocument } from '../sip/model';
import type {
	ErrorBody,
	InventorySettings,
	LroPlan,
	OperationType,
	PhoneNumbersState,
} from '../phoneNumbers/model';

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export type { LroPlan, OperationType, InventorySettings };

/** Body of PUT /lro: without operationType, every type. */
export interface LroSettingsUpdate {
	operationType?: OperationType;
	notStartedMs?: number;
	runningMs?: number;
	outcome?: LroPlan['outcome'];
	error?: ErrorBody;
	nonMonotonic?: boolean;
}

export interface LroSettings {
	defaults: Record<OperationType, LroPlan>;
	next: Partial<Record<OperationType, LroPlan[]>>;
}

export interface PurchaseLedger {
	/** searchId / reservationId -> how often its purchase took effect */
	searches: Record<string, number>;
	reservations: Record<string, number>;
	totals: { searches: number; reservations: number };
	boughtMoreThanOnce: string[];
}

export interface PhoneNumbersSummary {
	seed: number;
	now: string;
	settings: InventorySettings;
	purchasedCount: number;
	heldCount: number;
	searchCount: number;
	reservationCount: number;
	operations: { total: number; byStatus: Record<string, number>; unfinished: string[] };
	ledger: PurchaseLedger;
}

export interface SeedRequest {
	count: number;
	countryCode?: string;
	phoneNumberType?: string;
	assignmentType?: string;
	capabilities?: { calling?: string; sms?: string };
	areaCode?: string;
}

export class PhoneNumbersControl {
	constructor(private readonly call: Call) {}

	private at<T>(method: string, path: string, body?: unknown): Promise<T> {
		return this.call<T>(method, `/_emulator/phoneNumbers${path}`, body);
	}

	summary(): Promise<PhoneNumbersSummary> {
		return this.at('GET', '/state');
	}

	/** The whole domain state (GET /state?detail=true). */
	detail(): Promise<PhoneNumbersState> {
		return this.at('GET', '/state?detail=true');
	}

	ledger(): Promise<PurchaseLedger> {
		return this.at('GET', '/ledger');
	}

	settings(): Promise<InventorySettings> {
		return this.at('GET', '/settings');
	}

	/** Merges into the settings; answers the resulting settings. */
	updateSettings(update: Partial<InventorySettings>): Promise<InventorySettings> {
		return this.at('PUT', '/settings', update);
	}

	lroSettings(): Promise<LroSettings> {
		return this.at('GET', '/lro');
	}

	/** Default plan of one operation type, or of every type without operationType. */
	setLro(update: LroSettingsUpdate): Promise<LroSettings> {
		return this.at('PUT', '/lro', update);
	}

	/** The next `count` (default 1) operations of that type use this plan, then the defaults again. */
	queueLro(
		plan: LroSettingsUpdate & { operationType: OperationType; count?: number },
	): Promise<LroSettings> {
		return this.at('POST', '/lro/next', plan);
	}

	/** Back to the built-in defaults. */
	resetLro(): Promise<LroSettings> {
		return this.at('DELETE', '/lro');
	}

	/** Purchased at once, without search or LRO. */
	seed(request: SeedRequest): Promise<{ count: number; phoneNumbers: string[] }> {
		return this.at('POST', '/seed', request);
	}
}

export class SipControl {
	constructor(private readonly call: Call) {}

	/** The stored document with every field (GA and preview) and the health set so far. */
	config(): Promise<{ config: StoredSipDocument; health: Record<string, SipTrunkHealth> }> {
		return this.call('GET', '/_emulator/sip/config');
	}

	/** Any part of the health; statuses as the service reports them. Throws (404) for an unknown trunk, (400) for an unknown status. */
	setTrunkHealth(fqdn: string, health: Partial<SipTrunkHealth>): Promise<SipTrunkHealth> {
		return this.call('PUT', `/_emulator/sip/trunks/${encodeURIComponent(fqdn)}/health`, health);
	}

	/** Back to `unknown`. */
	async clearTrunkHealth(fqdn: string): Promise<void> {
		await this.call('DELETE', `/_emulator/sip/trunks/${encodeURIComponent(fqdn)}/health`);
	}
}
