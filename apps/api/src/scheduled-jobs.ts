import { refreshAllFacts } from './capabilities/management-information';
import { generateReminders, sendTaskDigests } from './capabilities/tasks';
import type { Deps } from './platform/deps';
import type { JobDefinition } from './platform/jobs';
import { municipalToday } from './shared/clock';

/** The recurring jobs of Nabij, run by the PostgreSQL-backed queue (see platform/jobs.ts). */
export function scheduledJobs(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'mailer'>): JobDefinition[] {
  const today = () => municipalToday(deps.clock);
  return [
    { name: 'generate-reminders', cron: '*/15 * * * *', run: () => generateReminders(deps.db, today()) },
    { name: 'task-digest', cron: '0 7 * * *', run: () => sendTaskDigests(deps, today()) },
    // Keeps the management-information facts and monthly cells current, so dashboards need not compute them on request.
    { name: 'refresh-management-information', cron: '*/10 * * * *', run: () => refreshAllFacts(deps.db, today()) },
  ];
}
