/**
 * Composition root: configuration, database (embedded or server), migrations, demo data, HTTP server,
 * graceful shutdown. `npm start` runs this file.
 */
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { connectDatabase, DatabaseStartError } from './platform/database/connect';
import { createDatabase, type Database } from './platform/database/database';
import { EmbeddedDatabaseError } from './platform/database/embedded';
import { startDraining } from './platform/http/graceful-shutdown';
import { logSerializers } from './platform/http/log-serializers';
import { systemClock } from './shared/clock';
import { buildApp } from './app';
import { startScheduler, type Scheduler } from './platform/jobs';
import { createMailer } from './platform/mail';
import { scheduledJobs } from './scheduled-jobs';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from './capabilities/demo-data';

/** The longest a background job's query may run (the job queue expires a job after 15 minutes). */
const JOB_QUERY_TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const loggerOptions = {
    level: config.logLevel,
    serializers: logSerializers,
    redact: ['req.headers.cookie', 'req.headers.authorization'],
  };
  const log = pino(loggerOptions);

  let connected;
  try {
    connected = await connectDatabase(config);
  } catch (err) {
    if (err instanceof DatabaseStartError || err instanceof EmbeddedDatabaseError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  const { db, embedded, mode, applied, url } = connected;
  log.info({ mode, migrationsApplied: applied.length }, 'database ready');

  let seeded = false;
  if (config.demoData && (await isEmpty(db))) {
    await seedDemo(db);
    seeded = true;
    log.info('demo municipality "Gemeente Voorbeeld" seeded');
  }

  const mailer = createMailer({ ...config.mail, production: config.env === 'production' }, db);
  const app = await buildApp({ db, config, clock: systemClock, mailer }, { logger: loggerOptions });
  embedded?.onUnexpectedExit((code) => {
    log.fatal({ code }, 'the embedded database process stopped; shutting down');
    void app.close().finally(() => process.exit(1));
  });

  // Graceful shutdown (docs/reliability.md §7). SIGTERM: /health/ready answers 503 at once and the job queue stops
  // taking jobs (the one running finishes); for SHUTDOWN_DRAIN_MS every request is still served, so a load balancer
  // can take this instance out of rotation; then the HTTP server closes (no new connections, requests in flight
  // finish, idle keep-alive connections are closed), then the database. Exit code 0.
  let schedulerStarting: Promise<Scheduler | undefined> = Promise.resolve(undefined);
  let jobsDb: Database | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    const drainMs = config.shutdownDrainMs;
    log.info({ signal, drainMs }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, drainMs + 20_000);
    force.unref();
    startDraining(app);
    const jobsStopped = schedulerStarting
      .then((scheduler) => scheduler?.stop())
      .catch((err: unknown) => log.error({ err }, 'stopping the job queue failed'));
    if (drainMs > 0) await new Promise((resolve) => setTimeout(resolve, drainMs));
    await app.close().catch((err: unknown) => log.error({ err }, 'closing the HTTP server failed'));
    await jobsStopped;
    await jobsDb?.close();
    await db.close();
    await embedded?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  if (config.jobsEnabled && !closing) {
    // Background jobs work on whole municipalities (reminders, management-information facts): they get their own small
    // pool without the request path's 10 s query limit (a job is bounded by the queue's 15-minute expiry instead).
    jobsDb = createDatabase(url, 2, { queryTimeoutMs: JOB_QUERY_TIMEOUT_MS, metricsName: 'jobs' });
    const starting = startScheduler(url, scheduledJobs({ db: jobsDb, config, clock: systemClock, mailer }), log);
    schedulerStarting = starting;
    const scheduler = await starting;
    if (!closing) await scheduler.runNow('generate-reminders');
  }
  const where = `http://localhost:${config.port}`;
  console.log(
    `\nNabij draait op ${where} (${mode === 'embedded' ? `ingebouwde database in ${config.database.dataDir}` : 'PostgreSQL-server'})`,
  );
  if (config.demoData) {
    console.log(
      `${seeded ? 'Demodata aangemaakt' : 'Demodata'}: Gemeente Voorbeeld. Inloggen met wachtwoord "${DEMO_PASSWORD}" als:`,
    );
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(22)} ${u.roles.join(', ')}`);
    console.log(`  ${'anderstad.werker'.padEnd(22)} case_worker (Gemeente Anderstad)\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
