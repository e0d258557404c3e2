import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config';

/** `__Host-` binds the cookie to this host and path / and requires Secure, so it is only used behind TLS. */
export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-nabij_session' : 'nabij_session';
}

export function readSessionToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[sessionCookieName(config)];
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
  });
}
