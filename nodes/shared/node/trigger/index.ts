export type { ChangeEvent, ChangeKind, ChangeSubjectType } from './changeEvent';
export type { ChangeSource, NoTestEvent, SourceReading, SourceState } from './changeSource';
export { EVENTS_PARAMETER, pollForChanges } from './pollForChanges';
export {
	DEFAULT_POLL_TIMEOUT_SECONDS,
	MAX_POLL_TIMEOUT_SECONDS,
	numberInRange,
	pollTimeoutOption,
	readPollSettings,
	type PollSettings,
} from './pollSettings';
