import { publishChainHeads, runSealer } from './capabilities/audit';
import { refreshAllFacts } from './capabilities/management-information';
import { generateReminders, sendTaskDigests } from './capabilities/tasks';
import type { Deps } from './platform/deps';
import type { JobDefinition } from './platform/jobs';
import { municipalToday } from './shared/clock';

/** The recurring jobs of Nabij, run by the PostgreSQL-backed queue (see platform/jobs.ts). */
export function scheduledJobs(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'mailer'>): JobDefinition[] {
  const today = () => municipalToday(deps.clock);
  return [
    // The access log's sealer (ADR 0045): every minute one job seals every municipality every 5 seconds for 50 seconds,
    // so committed rows enter the hash chain within seconds; the chain head's lock keeps it to one sealer per municipality.
    {
      name: 'seal-access-log',
      cron: '* * * * *',
      retryLimit: 0,
      run: (signal) => runSealer(deps.db, { untilMs: 50_000, everyMs: 5_000, signal }),
    },
    // Each day's chain head, published where each municipality's privacy officer chose (e-mail or file).
    {
      name: 'publish-access-log-chain-heads',
      cron: '55 23 * * *',
      run: () =>
        publishChainHeads({ db: deps.db, mailer: deps.mailer, anchorDir: deps.config.accessLogAnchorDir }, today()),
    },
    { name: 'generate-reminders', cron: '*/15 * * * *', run: () => generateReminders(deps.db, today()) },
    { name: 'task-digest', cron: '0 7 * * *', run: () => sendTaskDigests(deps, today()) },
    // Keeps the management-information facts and monthly cells current, so dashboards need not compute them on request.
    { name: 'refresh-management-information', cron: '*/10 * * * *', run: () => refreshAllFacts(deps.db, today()) },
  ];
}
