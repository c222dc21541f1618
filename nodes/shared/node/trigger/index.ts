export type { ChangeEvent, ChangeKind, ChangeSubjectType } from './changeEvent';
export type { ChangeSource, NoTestEvent, SourceReading, SourceState } from './changeSource';
export { EVENTS_PARAMETER, pollForChanges } from './pollForChanges';
