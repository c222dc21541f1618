export * from './types';
export { DEFAULT_API_VERSIONS, apiVersionFor } from './apiVersions';
export { acsRequest, abortableSleep } from './request';
export { acsGetAllPages } from './pager';
export {
	startLongRunningOperation,
	waitForOperation,
	getOperation,
	findOperation,
	cancelOperation,
	handleOfOperation,
	reconcileAmbiguousStart,
	purchaseOperationId,
	reservationPurchaseOperationId,
	operationPath,
} from './lro';
export { acsErrorContextOf, withAcsContext, type AcsErrorContext } from './errorContext';
export { acsApiError, operationFailedError, networkError, correlationIdOf } from './errors';
export { pinToEndpoint } from './hostPin';
export { settle, type Settled } from './settle';
export {
	CONNECTION_STRING_CREDENTIAL,
	ENTRA_CREDENTIAL,
	authenticationOf,
	credentialTypeOf,
	type AcsAuthentication,
} from './credentialSelection';
export { scrubSecrets } from './scrub';
export { DEFAULT_RETRY_POLICY, RETRYABLE_STATUS } from './retryPolicy';
export { DEFAULT_POLLING_POLICY } from './pollingPolicy';
