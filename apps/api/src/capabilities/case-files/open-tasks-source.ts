import type { TaskView } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';

/**
 * The open tasks of a case for its overview, read in the overview's transaction. The tasks capability owns them and
 * registers its reader here when its routes are registered (as timeline sources do), so case files does not import
 * tasks, which imports case files (no import cycle).
 */
export type OpenTasksSource = (tx: Tx, caseId: string, today: string) => Promise<TaskView[]>;

let source: OpenTasksSource | undefined;

export function setOpenTasksSource(reader: OpenTasksSource): void {
  source = reader;
}

export function openTasksOfCase(tx: Tx, caseId: string, today: string): Promise<TaskView[]> {
  if (!source)
    throw new Error('No open-tasks source: the tasks capability registers it with its routes (registerTaskRoutes).');
  return source(tx, caseId, today);
}
