import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

export type AcsApi = 'phoneNumbers' | 'sip' | 'sipPreview';

export type AcsContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** Limits of the retry policy; tests and callers may tighten them. */
export interface RetryPolicy {
	/** Retries after the first attempt. */
	maxRetries: number;
	/** Upper bound of all waits of one call, in ms. A Retry-After beyond it ends the retries. */
	maxTotalWaitMs: number;
	/** First backoff delay in ms (doubles each retry, with jitter). */
	baseDelayMs: number;
	/** Cap of one backoff delay in ms. */
	maxDelayMs: number;
}

export interface AcsRequestOptions {
	method: IHttpRequestMethods;
	/** Path (+query) relative to the endpoint, e.g. '/phoneNumbers/%2B14255550100'; the caller encodes segments. An absolute URL must be on the endpoint's origin. */
	path: string;
	api: AcsApi;
	/** User override; else the default for `api`. Not added when `path` already carries an api-version (nextLink, Operation-Location). */
	apiVersion?: string;
	qs?: Record<string, string | number | boolean | undefined>;
	body?: IDataObject | IDataObject[];
	contentType?: 'application/json' | 'application/merge-patch+json';
	headers?: Record<string, string>;
	/** Default: true for GET/DELETE/PATCH/PUT/HEAD, false for POST (never retried on an ambiguous failure). */
	idempotent?: boolean;
	itemIndex?: number;
	retry?: Partial<RetryPolicy>;
	/** Per-attempt timeout in ms (default 60 000). */
	timeoutMs?: number;
	/**
	 * Epoch ms after which no attempt may still run and no retry starts: each attempt's timeout shrinks to the
	 * time left (at least 250 ms), and a retry whose wait would reach it is not made.
	 */
	deadline?: number;
}

export interface AcsResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string>;
	body: T;
}

export type PhoneNumberOperationStatus = 'notStarted' | 'running' | 'succeeded' | 'failed';

export interface AcsErrorBody {
	code?: string;
	message?: string;
	target?: string;
	innererror?: AcsErrorBody;
	details?: AcsErrorBody[];
}

export interface PhoneNumberOperation {
	id: string;
	operationType: string;
	status: PhoneNumberOperationStatus | string;
	createdDateTime?: string;
	resourceLocation?: string | null;
	lastActionDateTime?: string;
	error?: AcsErrorBody;
}

export interface LroHandle {
	operationId: string;
	operationLocation: string;
	resourceLocation?: string;
	startHeaders: Record<string, string>;
	startBody?: unknown;
	/** Date.now() when the start's 202 arrived: the polls are planned from it (unknown for a resumed operation). */
	acceptedAt?: number;
}

export interface LroOutcome {
	operation: PhoneNumberOperation;
	/** GET of the final resource (search result, updated phone number) when the operation names one. */
	result?: unknown;
}

export interface LroStartOptions extends AcsRequestOptions {
	/**
	 * The operation id the service gives this start (e.g. `purchase_<searchId>`, `reservationPurchase_<reservationId>`):
	 * followed when the 202 names no readable operation.
	 */
	knownOperationId?: string;
}

export interface WaitOptions {
	timeoutSeconds: number;
	api?: AcsApi;
	apiVersion?: string;
	itemIndex?: number;
	/** Skip GET of the final resource. */
	skipResult?: boolean;
	/**
	 * The operation is known to exist (the service accepted its start): a 404 means it is not visible yet, and polling
	 * goes on until the Timeout.
	 */
	tolerateNotFound?: boolean;
	/** Polling shape (ms); defaults suit the live service. */
	polling?: Partial<PollingPolicy>;
}

export interface PollingPolicy {
	firstDelayMs: number;
	growth: number;
	maxDelayMs: number;
}

export interface OperationLookupOptions {
	apiVersion?: string;
	itemIndex?: number;
}

export interface PagedRequestOptions extends AcsRequestOptions {
	itemsField: string;
	pageSizeParam: 'maxPageSize' | 'top';
	/** Max items to return; undefined = all. */
	limit?: number;
	/** Page size to ask for (default 100, the service's maximum default). */
	pageSize?: number;
	/** Sees each page's response as it is used (e.g. its `date` header: the service's time of the reading). */
	onPage?: (response: AcsResponse<Record<string, unknown>>) => void;
}
