/**
 * The one place the web app talks HTTP. Same-origin cookies, JSON, the CSRF header on every
 * state-changing request, and one typed error (`ApiError`) for every failure.
 */
import { ApiError, isSessionLost, parseErrorBody } from './errors';
import { readSessionTime, reportSessionTime } from './session-timer';

export { ApiError } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken: string | undefined;
let onSessionLost: ((error: ApiError) => void) | undefined;
let refreshCsrfToken: (() => Promise<string | undefined>) | undefined;

/** The session response carries the token; the session provider hands it over here. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called once by the session provider: what to do when any call answers 401. */
export function setSessionLostHandler(handler: (error: ApiError) => void): void {
  onSessionLost = handler;
}

/** The session turned out to be over without a failed call (the check after the warning's countdown). */
export function reportSessionLost(): void {
  onSessionLost?.(new ApiError(401, { code: 'session_expired', message: '' }));
}

/** Called once by the session provider: how to get a fresh CSRF token after `csrf_failed`. */
export function setCsrfRefresher(refresher: () => Promise<string | undefined>): void {
  refreshCsrfToken = refresher;
}

export interface RequestOptions {
  /** Set to false for calls whose 401 is handled by the page itself (e.g. the session probe). */
  reportSessionLost?: boolean;
  signal?: AbortSignal;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function send(method: Method, path: string, body: unknown, signal: AbortSignal | undefined): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (signal) init.signal = signal;
  return fetch(path, init);
}

/**
 * Sends a request and returns the parsed JSON body (typed by the caller, who knows the contract).
 * Throws `ApiError` for every non-2xx answer and for network failures (status 0).
 */
export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await send(method, path, body, options.signal);
    if (response.status === 403 && method !== 'GET' && refreshCsrfToken) {
      const peek = parseErrorBody(403, await readJson(response.clone()));
      if (peek.code === 'csrf_failed') {
        csrfToken = await refreshCsrfToken();
        response = await send(method, path, body, options.signal);
      }
    }
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network', message: '' });
  }

  // Every response of a logged-in user says how long the session has left (the warning before it ends).
  const sessionTime = readSessionTime(response.headers, Date.now());
  if (sessionTime) reportSessionTime(sessionTime);

  const data = await readJson(response);
  if (response.ok) return data as T;

  const error = new ApiError(response.status, parseErrorBody(response.status, data));
  if (options.reportSessionLost !== false && isSessionLost(error.status, error.code)) onSessionLost?.(error);
  throw error;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
