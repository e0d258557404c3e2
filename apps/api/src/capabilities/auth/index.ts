export { resolveSession, type SessionLookup } from './resolve-session';
export { readSessionToken } from './cookies';
export type { SessionRow } from './auth.store';
export { safeEqual } from './tokens';
export { hashPassword, generateTemporaryPassword } from './passwords';
export { totpCode } from './totp';
export { registerAuthRoutes } from './auth.routes';
export { setSessionTimeHeaders, timeLeftOf } from './keep-alive';
