import pg from 'pg';
import PgBoss from 'pg-boss';
import { jobRuns } from './metrics';

/** A recurring job: what it is called, when it runs (cron, Europe/Amsterdam) and what it does. */
export interface JobDefinition {
  name: string;
  cron: string;
  /** `signal` is aborted when the queue stops (graceful shutdown): a job that loops for a while ends early. */
  run(signal?: AbortSignal): Promise<unknown>;
  /** Retries after a failure (default 3) and the first delay in seconds (default 60, doubling). */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface FailedJob {
  id: string;
  name: string;
  failedAt: string | null;
  retryCount: number;
  error: string;
}

export interface Scheduler {
  /** Queues one run now (e.g. after start, or from a test); resolves with the job id. */
  runNow(name: string): Promise<string | null>;
  stop(): Promise<void>;
}

export const JOB_SCHEMA = 'pgboss';

/**
 * The PostgreSQL-backed job queue (pg-boss). Every app instance starts one; cron schedules are kept in the
 * database and each tick becomes one job that exactly one instance fetches (SKIP LOCKED), so a job runs
 * once however many instances share the database. A failing job is retried three times with backoff;
 * after that it stays in state `failed`, listed for the administrator (`listFailedJobs`).
 */
export async function startScheduler(
  connectionString: string,
  jobs: readonly JobDefinition[],
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void },
): Promise<Scheduler> {
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 4, application_name: 'nabij-jobs' });
  boss.on('error', (err: Error) => log.error({ err: err.message }, 'job queue error'));
  // Instances starting at the same moment would deadlock creating the queue schema and partitions:
  // the setup runs under a database-wide advisory lock, one instance after the other.
  const setupLock = new pg.Client({ connectionString, application_name: 'nabij-jobs-setup' });
  await setupLock.connect();
  try {
    await setupLock.query("select pg_advisory_lock(hashtext('nabij:job-queue-setup'))");
    await boss.start();
    for (const job of jobs) {
      const options = {
        name: job.name,
        retryLimit: job.retryLimit ?? 3,
        retryDelay: job.retryDelaySeconds ?? 60,
        retryBackoff: true,
        expireInSeconds: 15 * 60,
      };
      if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, options);
      else await boss.createQueue(job.name, options);
      await boss.schedule(job.name, job.cron, {}, { tz: 'Europe/Amsterdam' });
    }
  } finally {
    await setupLock.end(); // ends the session, which releases the lock
  }
  // Our own worker loop instead of `boss.work`: pg-boss's stop() does not wait for a fetch that is in flight, so a
  // job fetched (and so marked active) at the moment of SIGTERM was left active until it expired (15 minutes) — seen
  // in the graceful-shutdown test. Here stop() waits for every loop to finish its fetch and the job it got.
  let stopping = false;
  const stopped = new AbortController();
  const wake = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake.add(done);
    });
  const loops = jobs.map(async (job) => {
    while (!stopping) {
      let fetched = 0;
      try {
        const batch = (await boss.fetch(job.name, { batchSize: 1 })) ?? [];
        fetched = batch.length;
        for (const item of batch) {
          try {
            const result = await job.run(stopped.signal);
            jobRuns.inc({ queue: job.name, outcome: 'completed' });
            log.info({ job: job.name, result }, 'job done');
            await boss.complete(
              job.name,
              item.id,
              result === null || typeof result !== 'object' ? { value: result ?? null } : result,
            );
          } catch (err) {
            jobRuns.inc({ queue: job.name, outcome: 'failed' });
            await boss.fail(
              job.name,
              item.id,
              err instanceof Error
                ? { message: err.message, name: err.name, stack: err.stack }
                : { message: String(err) },
            );
          }
        }
      } catch (err) {
        log.error({ job: job.name, err: err instanceof Error ? err.message : String(err) }, 'job queue fetch failed');
      }
      if (!stopping && fetched === 0) await pause(POLL_MS);
    }
  });
  return {
    runNow: (name) => boss.send(name, {}),
    async stop() {
      stopping = true;
      stopped.abort();
      for (const done of [...wake]) done();
      // The job running now finishes (bounded: the app's own shutdown timer exits the process in the end).
      await Promise.race([Promise.all(loops), new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
      await boss.stop({ graceful: true, wait: true, timeout: 1_000 });
    },
  };
}

const POLL_MS = 2_000;
const STOP_WAIT_MS = 15_000;

/**
 * The jobs in the queue table by queue and state (created, retry, active, completed, cancelled, failed), for the metrics:
 * created + retry is the queue's depth. Empty before the job queue has made its schema.
 */
export async function jobQueueCounts(
  query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
): Promise<Array<{ queue: string; state: string; count: number }>> {
  const exists = await query(`select to_regclass('${JOB_SCHEMA}.job') is not null as present`);
  if (!exists.rows[0]?.present) return [];
  const r = await query(
    `select name, state::text as state, count(*)::int as count from ${JOB_SCHEMA}.job group by 1, 2`,
  );
  return r.rows.map((row) => ({ queue: String(row.name), state: String(row.state), count: Number(row.count) }));
}

/** Failed jobs (after their retries) in the queue tables: never silently lost. */
export async function listFailedJobs(
  query: (text: string) => Promise<{ rows: Array<Record<string, unknown>> }>,
): Promise<FailedJob[]> {
  const exists = await query(`select to_regclass('${JOB_SCHEMA}.job') is not null as present`);
  if (!exists.rows[0]?.present) return [];
  const r = await query(
    `select id::text, name, completed_on, retry_count, output from ${JOB_SCHEMA}.job where state = 'failed'
     union all
     select id::text, name, completed_on, retry_count, output from ${JOB_SCHEMA}.archive where state = 'failed'
     order by completed_on desc nulls last limit 200`,
  );
  return r.rows.map((row) => {
    const output = row.output as { message?: string } | null;
    return {
      id: String(row.id),
      name: String(row.name),
      failedAt: row.completed_on instanceof Date ? row.completed_on.toISOString() : null,
      retryCount: Number(row.retry_count),
      error: typeof output?.message === 'string' ? output.message.slice(0, 500) : 'onbekende fout',
    };
  });
}
