import { z } from 'zod';
import { ROLES, ROLES_REQUIRING_MFA_IN_PRODUCTION, type Role } from '@nabij/contracts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const roleList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ROLES, { error: `each role must be one of ${ROLES.join(', ')}` })));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when Nabij runs behind TLS (directly or through a proxy): cookies get the Secure flag. */
  SECURE_COOKIES: bool.optional(),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /** Comma-separated roles that must use two-factor authentication. Default: none in development, every role that can see personal data in production. */
  MFA_REQUIRED_ROLES: roleList.optional(),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  /** SMTP server for e-mail, e.g. smtp://user:password@mail.example.nl:587. Without it (not in production) mail goes to the dev outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' }).optional(),
  MAIL_FROM: z.string().default('Nabij <no-reply@nabij.invalid>'),
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
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  database: { url: string | undefined; dataDir: string; poolSize: number };
  demoData: boolean;
  logLevel: Env['LOG_LEVEL'];
  secureCookies: boolean;
  trustProxy: boolean;
  session: { idleMinutes: number; absoluteHours: number };
  mfaRequiredRoles: readonly Role[];
  login: { maxFailures: number; lockoutMinutes: number };
  webDistDir: string;
  publicUrl: string;
  mail: { smtpUrl: string | undefined; from: string };
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
  if (production && e.DEMO_DATA) throw new ConfigError('Invalid configuration:\n  DEMO_DATA: demo data is refused when NODE_ENV=production');
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_TENANT];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_TENANT must be set together');
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR, poolSize: e.DATABASE_POOL_SIZE },
    demoData: e.DEMO_DATA ?? !production,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES ?? e.PUBLIC_URL.startsWith('https://'),
    trustProxy: e.TRUST_PROXY,
    session: { idleMinutes: e.SESSION_IDLE_MINUTES, absoluteHours: e.SESSION_ABSOLUTE_HOURS },
    mfaRequiredRoles: e.MFA_REQUIRED_ROLES ?? (production ? ROLES_REQUIRING_MFA_IN_PRODUCTION : []),
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockoutMinutes: e.LOGIN_LOCKOUT_MINUTES },
    webDistDir: e.WEB_DIST_DIR,
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
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
  };
}
