import type { IDataObject } from 'n8n-workflow';

/** What a change is about. */
export type ChangeSubjectType =
	| 'phoneNumber'
	| 'reservation'
	| 'trunk'
	| 'route'
	| 'routeOrder'
	| 'domain';

/** How the subject changed, where the event kind alone does not say it (a SIP configuration change). */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'reordered';

/** One detected change: one output item of a trigger. */
export interface ChangeEvent {
	/** The event's value as chosen in the trigger's Events parameter, e.g. `numberPurchased`. */
	event: string;
	subjectType: ChangeSubjectType;
	/** The number (E.164), reservation id, trunk FQDN or route name. */
	subject: string;
	change?: ChangeKind;
	/** What was known before the change; absent where nothing existed before. */
	before?: IDataObject;
	/** What is there now; absent where the subject is gone. */
	after?: IDataObject;
	/** ISO time of the poll that saw the change. */
	detectedAt: string;
}
