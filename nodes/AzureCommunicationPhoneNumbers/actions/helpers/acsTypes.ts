/** Wire shapes of the Phone Numbers API that the operations read. */

export interface Capabilities {
	calling?: string;
	sms?: string;
}

export interface Cost {
	amount?: number;
	currencyCode?: string;
	billingFrequency?: string;
}

export interface PurchasedPhoneNumber {
	id?: string;
	phoneNumber?: string;
	countryCode?: string;
	phoneNumberType?: string;
	assignmentType?: string;
	capabilities?: Capabilities;
	purchaseDate?: string;
	cost?: Cost;
}

export interface AvailablePhoneNumber {
	id?: string;
	phoneNumber?: string;
	countryCode?: string;
	phoneNumberType?: string;
	assignmentType?: string;
	capabilities?: Capabilities;
	cost?: Cost;
	status?: string;
	isAgreementToNotResellRequired?: boolean;
	error?: { code?: string; message?: string };
}

export interface SearchResult {
	searchId?: string;
	phoneNumbers?: string[];
	phoneNumberType?: string;
	assignmentType?: string;
	capabilities?: Capabilities;
	cost?: Cost;
	searchExpiresBy?: string;
	isAgreementToNotResellRequired?: boolean;
	errorCode?: number;
	error?: string;
}

export interface Reservation {
	id?: string;
	expiresAt?: string;
	status?: string;
	phoneNumbers?: Record<string, AvailablePhoneNumber | null>;
}

export interface PhoneNumberOperation {
	id?: string;
	operationType?: string;
	status?: string;
	createdDateTime?: string;
	resourceLocation?: string | null;
	error?: { code?: string; message?: string } | null;
}
