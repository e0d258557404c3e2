import type { Tx } from '../../platform/database/database';

export interface TimelineEntry {
  at: string;
  kind: string;
  summary: string;
  byName: string | null;
}

/** Adds entries of another capability (evaluations, closure, watch) to the case timeline, read in the overview's transaction. */
export type TimelineSource = (tx: Tx, caseId: string) => Promise<TimelineEntry[]>;

const sources = new Set<TimelineSource>();

/** Registers a source once (registering the same function again, e.g. for a second app instance, changes nothing). */
export function addTimelineSource(source: TimelineSource): void {
  sources.add(source);
}

export async function timelineFromSources(tx: Tx, caseId: string): Promise<TimelineEntry[]> {
  const lists = [];
  for (const source of sources) lists.push(await source(tx, caseId));
  return lists.flat();
}
