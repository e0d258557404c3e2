import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../shared/clock';
import type { Config } from './config';
import type { Database } from './database/database';
import type { Mailer } from './mail';

/** What use cases need from the platform, built once in main.ts (or per test). */
export interface Deps {
  db: Database;
  config: Config;
  clock: Clock;
  log: FastifyBaseLogger;
  mailer: Mailer;
}
