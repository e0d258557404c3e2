import type { Tx } from '../../platform/database/database';

/** Why a case was closed and the risk that remained, as the regiecheck shows it for a case in watch or closed. */
export interface ClosureSummary {
  closedOn: string;
  reason: string;
  reasonText: string;
  riskNote: string | null;
}

/**
 * The latest closure per case. The lifecycle capability owns closures and registers its reader here when its routes
 * are registered (as timeline sources do), so intake does not import lifecycle, which imports intake (no cycle).
 */
export type ClosureLookup = (tx: Tx, caseIds: readonly string[]) => Promise<Map<string, ClosureSummary>>;

let lookup: ClosureLookup | undefined;

export function setClosureLookup(reader: ClosureLookup): void {
  lookup = reader;
}

export function latestClosuresOf(tx: Tx, caseIds: readonly string[]): Promise<Map<string, ClosureSummary>> {
  if (!lookup)
    throw new Error(
      'No closure lookup: the lifecycle capability registers it with its routes (registerLifecycleRoutes).',
    );
  return lookup(tx, caseIds);
}
