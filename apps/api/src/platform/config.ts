import { z } from 'zod';
import { ROLES, ROLES_REQUIRING_MFA_IN_PRODUCTION, type Role } from '@nabij/contracts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const roleList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(ROLES, { error: `each role must be one of ${ROLES.join(', ')}` })));

const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
    .default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  /** Folder of the embedded PGlite database (used only without DATABASE_URL). `memory://` keeps it in memory. */
  DATA_DIR: z.string().default('./data'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Seed the demo municipality on an empty database. Refused in production. */
  DEMO_DATA: bool.optional(),
  JOBS_ENABLED: bool.default(true),
  /** On SIGTERM, how long /health/ready answers 503 while requests are still served, so a load balancer stops sending new ones. Default: 2000 in production, 0 otherwise. */
  SHUTDOWN_DRAIN_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int({ error: 'must be a whole number of milliseconds' })
    .min(0, { error: 'must be 0 or more milliseconds' })
    .max(60_000, { error: 'must be at most 60000 milliseconds (one minute)' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when Nabij runs behind TLS (directly or through a proxy): cookies get the Secure flag. */
  SECURE_COOKIES: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Comma-separated roles that must use two-factor authentication. Default: none in development, every role that can see personal data in production. */
  MFA_REQUIRED_ROLES: roleList.optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Requests per minute per user (or per address before login) on write and search routes; 429 above it. Default: 120 writes, 60 searches, 60 before login (test: unlimited). */
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_SEARCHES_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Requests per minute per logged-in resident in Mijn Nabij, for writes and for searches each (issue #21 item 13). */
  RATE_LIMIT_RESIDENT_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  /** SMTP server for e-mail, e.g. smtp://user:password@mail.example.nl:587. Without it (not in production) mail goes to the dev outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().default('Nabij <no-reply@nabij.invalid>'),
  /** Folder where the daily access-log chain heads are appended to files, for municipalities whose privacy officer chose a file (ADR 0045). */
  ACCESS_LOG_ANCHOR_DIR: z.string().optional(),
  PUBLIC_URL: z.url({ error: 'must be a URL such as https://nabij.example.nl' }).default('http://localhost:3000'),
  OIDC_ISSUER: z.url({ error: 'must be the URL of the identity provider' }).optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  /** The municipality (tenant slug) whose staff log in through this identity provider. */
  OIDC_TENANT: z.string().optional(),
  /** Claim holding the user's groups. */
  OIDC_GROUPS_CLAIM: z.string().default('groups'),
  /** JSON object: IdP group → Nabij role, e.g. {"wijkteam-werkers":"case_worker"}. */
  OIDC_GROUP_ROLES: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.enum(ROLES))),
  /** JSON object: IdP group → Nabij team name. */
  OIDC_GROUP_TEAMS: z
    .string()
    .default('{}')
    .transform((v, ctx) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string(), z.string())),
  /** Treat a login through the identity provider as two-factor (the IdP enforces MFA). */
  OIDC_TRUSTS_MFA: bool.default(true),
  /** Resident portal (Mijn Nabij): idle and absolute session timeouts, shorter than staff sessions. */
  RESIDENT_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  RESIDENT_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(12).default(2),
  /** Login to the resident portal with a one-time code by e-mail (demo and tests). Refused in production: DigiD is required there. */
  RESIDENT_EMAIL_LOGIN: bool.optional(),
  /** The DigiD broker (OpenID Connect) for the resident portal. */
  RESIDENT_OIDC_ISSUER: z.url({ error: 'must be the URL of the DigiD broker' }).optional(),
  RESIDENT_OIDC_CLIENT_ID: z.string().optional(),
  RESIDENT_OIDC_CLIENT_SECRET: z.string().optional(),
  /** The municipality (tenant slug) whose residents log in through this broker. */
  RESIDENT_OIDC_TENANT: z.string().optional(),
  /** Scopes to ask the broker for (space-separated); `openid` is always included. */
  RESIDENT_OIDC_SCOPE: z.string().default('openid'),
  /** Claim holding the BSN (some brokers send it as e.g. "s00000000:123456789": the last nine digits count). */
  RESIDENT_OIDC_BSN_CLAIM: z.string().default('bsn'),
  /** Accepted assurance levels (acr), comma-separated, the lowest first: DigiD Substantieel and Hoog by default. */
  RESIDENT_OIDC_ACR_VALUES: z
    .string()
    .default('urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard,urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, { error: 'name at least one accepted assurance level' })),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  database: { url: string | undefined; dataDir: string; poolSize: number };
  demoData: boolean;
  /** Run the job queue (reminders, digests) in this instance. */
  jobsEnabled: boolean;
  /** Milliseconds between SIGTERM (readiness 503) and closing the HTTP server (docs/reliability.md §7). */
  shutdownDrainMs: number;
  logLevel: Env['LOG_LEVEL'];
  secureCookies: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  mfaRequiredRoles: readonly Role[];
  login: { maxFailures: number; lockoutMinutes: number };
  /** Requests per minute on write and search routes: per user, or per address before login (ADR 0017). */
  rateLimits: {
    writesPerMinute: number;
    searchesPerMinute: number;
    anonymousPerMinute: number;
    residentPerMinute: number;
  };
  webDistDir: string;
  publicUrl: string;
  mail: { smtpUrl: string | undefined; from: string };
  /** Folder for the daily chain heads published to a file (ADR 0045); without it only e-mail can be chosen. */
  accessLogAnchorDir: string | undefined;
  oidc:
    | {
        issuer: string;
        clientId: string;
        clientSecret: string | undefined;
        tenant: string;
        groupsClaim: string;
        groupRoles: Record<string, Role>;
        groupTeams: Record<string, string>;
        trustsMfa: boolean;
      }
    | undefined;
  resident: {
    session: { idleMinutes: number; absoluteHours: number };
    /** One-time codes by e-mail (never in production). */
    emailLogin: boolean;
    oidc:
      | {
          issuer: string;
          clientId: string;
          clientSecret: string | undefined;
          tenant: string;
          scope: string;
          bsnClaim: string;
          acrValues: string[];
        }
      | undefined;
  };
}

export class ConfigError extends Error {}

/** Reads and validates the environment. A wrong value stops the app with a message naming the variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.DEMO_DATA)
    throw new ConfigError('Invalid configuration:\n  DEMO_DATA: demo data is refused when NODE_ENV=production');
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_TENANT];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_TENANT must be set together');
  }
  if (production && e.RESIDENT_EMAIL_LOGIN) {
    throw new ConfigError(
      'Invalid configuration:\n  RESIDENT_EMAIL_LOGIN: login codes by e-mail are refused when NODE_ENV=production; residents log in with DigiD (RESIDENT_OIDC_*)',
    );
  }
  const residentOidcParts = [e.RESIDENT_OIDC_ISSUER, e.RESIDENT_OIDC_CLIENT_ID, e.RESIDENT_OIDC_TENANT];
  if (residentOidcParts.some(Boolean) && !residentOidcParts.every(Boolean)) {
    throw new ConfigError(
      'Invalid configuration:\n  RESIDENT_OIDC_ISSUER, RESIDENT_OIDC_CLIENT_ID and RESIDENT_OIDC_TENANT must be set together',
    );
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolSize: e.DATABASE_POOL_SIZE },
    demoData: e.DEMO_DATA ?? !production,
    jobsEnabled: e.JOBS_ENABLED,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ?? (production ? 2_000 : 0),
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES ?? e.PUBLIC_URL.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    mfaRequiredRoles: e.MFA_REQUIRED_ROLES ?? (production ? ROLES_REQUIRING_MFA_IN_PRODUCTION : []),
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES },
    rateLimits: {
      writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 120),
      searchesPerMinute: e.RATE_LIMIT_SEARCHES_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 60),
      anonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 60),
      residentPerMinute: e.RATE_LIMIT_RESIDENT_PER_MINUTE ?? (e.NODE_ENV === 'test' ? 1_000_000 : 60),
    },
    webDistDir: e.WEB_DIST_DIR,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    accessLogAnchorDir: e.ACCESS_LOG_ANCHOR_DIR,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_TENANT
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            tenant: e.OIDC_TENANT,
            groupsClaim: e.OIDC_GROUPS_CLAIM,
            groupRoles: e.OIDC_GROUP_ROLES,
            groupTeams: e.OIDC_GROUP_TEAMS,
            trustsMfa: e.OIDC_TRUSTS_MFA,
          }
        : undefined,
    resident: {
      session: { idleMinutes: e.RESIDENT_SESSION_IDLE_MINUTES, absoluteHours: e.RESIDENT_SESSION_ABSOLUTE_HOURS },
      emailLogin: e.RESIDENT_EMAIL_LOGIN ?? !production,
      oidc:
        e.RESIDENT_OIDC_ISSUER && e.RESIDENT_OIDC_CLIENT_ID && e.RESIDENT_OIDC_TENANT
          ? {
              issuer: e.RESIDENT_OIDC_ISSUER,
              clientId: e.RESIDENT_OIDC_CLIENT_ID,
              clientSecret: e.RESIDENT_OIDC_CLIENT_SECRET,
              tenant: e.RESIDENT_OIDC_TENANT,
              scope: e.RESIDENT_OIDC_SCOPE,
              bsnClaim: e.RESIDENT_OIDC_BSN_CLAIM,
              acrValues: e.RESIDENT_OIDC_ACR_VALUES,
            }
          : undefined,
    },
  };
}
