/**
 * A browser-like client over real HTTP (fetch), for tests that start the app as a process or listen on a
 * port: keeps the session cookie, sends the CSRF token on changes, and never waits forever — a request
 * that does not answer within `timeoutMs` comes back as status -1 ("hung"); one that cannot connect or
 * whose connection breaks as status 0.
 */
export interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  ms: number;
  headers: Headers | undefined;
}

export class HttpAgent {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(public baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { timeoutMs?: number; headers?: Record<string, string> } = {},
  ): Promise<HttpResult> {
    const started = performance.now();
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      for (const c of response.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        const name = pair!.slice(0, eq).trim();
        const value = pair!.slice(eq + 1).trim();
        if (value === '' || /max-age=0/i.test(c)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return {
        status: response.status,
        body: parsed,
        text,
        ms: performance.now() - started,
        headers: response.headers,
      };
    } catch (err) {
      const hung = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return {
        status: hung ? -1 : 0,
        body: undefined,
        text: err instanceof Error ? err.message : String(err),
        ms: performance.now() - started,
        headers: undefined,
      };
    }
  }

  get(path: string, options?: { timeoutMs?: number }) {
    return this.request('GET', path, undefined, options);
  }
  post(path: string, body: unknown = {}, options?: { timeoutMs?: number; headers?: Record<string, string> }) {
    return this.request('POST', path, body, options);
  }
  put(path: string, body: unknown, options?: { timeoutMs?: number }) {
    return this.request('PUT', path, body, options);
  }

  /** Password login (no second factor) and the CSRF token; throws when it fails. */
  async login(username: string, password: string): Promise<void> {
    const r = await this.post('/api/auth/login', { username, password });
    if (r.status !== 200) throw new Error(`login of ${username} failed: ${r.status} ${r.text}`);
    const s = await this.get('/api/auth/session');
    this.csrfToken = (s.body as { csrfToken?: string } | undefined)?.csrfToken;
    if (!this.csrfToken) throw new Error(`no CSRF token for ${username}`);
  }
}

/** True when an error body reveals nothing of the inside: only the Dutch code and message, no stack, SQL or driver text. */
export function revealsNothing(text: string): boolean {
  return !/stack|\bat \w+ \(|select |insert |update |delete from|relation "|syntax error|ECONN|ETIMEDOUT|EPIPE|pg-pool|node_modules|kysely|Connection terminated|Query read timeout|timeout exceeded/i.test(
    text,
  );
}
