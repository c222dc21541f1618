import { baseNodesPlumbing } from './baseNodes.case';
import {
	applySipConfigurationWithDryRun,
	buyTollFreeUnderCostLimit,
	nightlyPurchasedNumbersReport,
	reserveBrowsedNumbersAndBuy,
} from './demoWorkflows.case';
import { httpRequestWithAcsCredential } from './httpRequest.case';
import { httpRequestRedirectedElsewhere } from './httpRequestRedirect.case';
import {
	phoneNumberReservations,
	phoneNumbersEveryResource,
	sipRoutingEveryResource,
} from './perNode.case';
import type { WorkflowCase } from './types';

export type { WorkflowCase, CaseContext } from './types';

/** Every workflow that `npm run e2e` runs must have its case here: a workflow without assertions fails. */
export const workflowCases: WorkflowCase[] = [
	baseNodesPlumbing,
	httpRequestWithAcsCredential,
	httpRequestRedirectedElsewhere,
	buyTollFreeUnderCostLimit,
	reserveBrowsedNumbersAndBuy,
	nightlyPurchasedNumbersReport,
	applySipConfigurationWithDryRun,
	phoneNumbersEveryResource,
	phoneNumberReservations,
	sipRoutingEveryResource,
];
