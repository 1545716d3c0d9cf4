import type { TimelineEvent } from '../../src-shared/contract/timeline';

/** One event as a timeline source reads it; the service merges the sources newest first. */
export type TimelineRow = TimelineEvent;
