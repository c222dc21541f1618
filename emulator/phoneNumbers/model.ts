/** Wire enums and the JSON-serialisable state of the Phone Numbers domain. */

export const PHONE_NUMBER_TYPES = ['geographic', 'tollFree', 'mobile'] as const;
export const ASSIGNMENT_TYPES = ['person', 'application'] as const;
export const CAPABILITY_VALUES = ['none', 'inbound', 'outbound', 'inbound+outbound'] as const;
export const OPERATION_TYPES = [
	'search',
	'purchase',
	'releasePhoneNumber',
	'updatePhoneNumberCapabilities',
	'reservationPurchase',
] as const;

export type PhoneNumberType = (typeof PHONE_NUMBER_TYPES)[number];
export type AssignmentType = (typeof ASSIGNMENT_TYPES)[number];
export type CapabilityValue = (typeof CAPABILITY_VALUES)[number];
export type OperationType = (typeof OPERATION_TYPES)[number];
export type OperationStatus = 'notStarted' | 'running' | 'succeeded' | 'failed';
export type ReservationStatus = 'active' | 'submitted' | 'completed' | 'expired';

export interface Capabilities {
	calling: CapabilityValue;
	sms: CapabilityValue;
}

export interface Cost {
	amount: number;
	currencyCode: string;
	billingFrequency: 'monthly';
}

export interface ErrorBody {
	code: string;
	message: string;
}

export interface PurchasedNumber {
	id: string;
	phoneNumber: string;
	countryCode: string;
	phoneNumberType: PhoneNumberType;
	capabilities: Capabilities;
	assignmentType: AssignmentType;
	purchaseDate: string;
	cost: Cost;
}

export interface SearchRecord {
	searchId: string;
	countryCode: string;
	phoneNumbers: string[];
	phoneNumberType: PhoneNumberType;
	assignmentType: AssignmentType;
	capabilities: Capabilities;
	cost: Cost;
	createdAt: number;
	expiresAt: number;
	isAgreementToNotResellRequired: boolean;
	quantity: number;
	/** Set when fewer numbers than asked for were found. */
	outOfStock: boolean;
	/** 'none' until a purchase starts; 'pending' while it runs; 'purchased' once bought; 'failed' after a failed purchase. */
	purchase: 'none' | 'pending' | 'purchased' | 'failed';
}

export interface ReservedNumber {
	id: string;
	countryCode: string;
	phoneNumber: string;
	capabilities: Capabilities;
	phoneNumberType: PhoneNumberType;
	assignmentType: AssignmentType;
	cost: Cost;
	isAgreementToNotResellRequired: boolean;
}

export interface ReservationRecord {
	id: string;
	createdAt: number;
	expiresAt: number;
	/** active / submitted / completed; 'expired' is derived from expiresAt while active. */
	status: 'active' | 'submitted' | 'completed';
	phoneNumbers: Record<string, ReservedNumber>;
}

/** How one operation progresses: time in notStarted, then in running, then its outcome. */
export interface LroPlan {
	notStartedMs: number;
	runningMs: number;
	outcome: 'succeed' | 'fail' | 'never';
	error?: ErrorBody;
	/** Live quirk: report notStarted again during the second half of the running phase. */
	nonMonotonic?: boolean;
}

export interface OperationRecord {
	id: string;
	operationType: OperationType;
	createdAt: number;
	apiVersion: string;
	resourceLocation: string | null;
	plan: LroPlan;
	canceledAt?: number;
	/** Effects of the terminal state (purchase, release, ...) have been applied. */
	settled: boolean;
	/** The operation-specific subject: searchId, reservationId, phone-number id. */
	subject: string;
	/** Extra input: the requested capabilities for updates. */
	capabilities?: Partial<Capabilities>;
	/** A failure decided when the operation started (e.g. an expired search). */
	forcedError?: ErrorBody;
}

export interface InventorySettings {
	/** Numbers generated per area code (pool). */
	poolSize: number;
	browseSampleSize: number;
	searchHoldMs: number;
	reservationSlidingMs: number;
	reservationCapMs: number;
}

export interface PhoneNumbersState {
	seed: number;
	settings: InventorySettings;
	lro: {
		defaults: Record<OperationType, LroPlan>;
		next: Partial<Record<OperationType, LroPlan[]>>;
	};
	purchased: Record<string, PurchasedNumber>;
	/** Number id -> who holds it (a search or a reservation); validity is checked against the holder. */
	holds: Record<string, { kind: 'search' | 'reservation'; owner: string }>;
	searches: Record<string, SearchRecord>;
	reservations: Record<string, ReservationRecord>;
	operations: Record<string, OperationRecord>;
	/** Operation ids whose terminal effects are not applied yet. */
	pending: string[];
	ledger: { searches: Record<string, number>; reservations: Record<string, number> };
}
