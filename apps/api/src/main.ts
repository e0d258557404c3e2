/**
 * Composition root: configuration, database (embedded or server), migrations, demo data, HTTP server,
 * graceful shutdown. `npm start` runs this file.
 */
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './platform/config';
import { connectDatabase, DatabaseStartError } from './platform/database/connect';
import { EmbeddedDatabaseError } from './platform/database/embedded';
import { logSerializers } from './platform/http/log-serializers';
import { systemClock } from './shared/clock';
import { buildApp } from './app';
import { startScheduler, type Scheduler } from './platform/jobs';
import { createMailer } from './platform/mail';
import { scheduledJobs } from './scheduled-jobs';
import { DEMO_PASSWORD, DEMO_USERS, isEmpty, seedDemo } from './capabilities/demo-data';

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
  const loggerOptions = { level: config.logLevel, serializers: logSerializers, redact: ['req.headers.cookie', 'req.headers.authorization'] };
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

  let scheduler: Scheduler | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await scheduler?.stop().catch((err: unknown) => log.error({ err }, 'stopping the job queue failed'));
    await app.close();
    await db.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  if (config.jobsEnabled) {
    scheduler = await startScheduler(url, scheduledJobs({ db, config, clock: systemClock, mailer }), log);
    await scheduler.runNow('generate-reminders');
  }
  const where = `http://localhost:${config.port}`;
  console.log(`\nNabij draait op ${where} (${mode === 'embedded' ? `ingebouwde database in ${config.database.dataDir}` : 'PostgreSQL-server'})`);
  if (config.demoData) {
    console.log(`${seeded ? 'Demodata aangemaakt' : 'Demodata'}: Gemeente Voorbeeld. Inloggen met wachtwoord "${DEMO_PASSWORD}" als:`);
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(22)} ${u.roles.join(', ')}`);
    console.log(`  ${'anderstad.werker'.padEnd(22)} case_worker (Gemeente Anderstad)\n`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
