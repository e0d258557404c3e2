import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/app-error';

const NUL_MESSAGE =
  'Deze tekst bevat een teken dat niet is toegestaan (een nul-teken). Haal het weg en probeer het opnieuw.';

/**
 * The dotted path of the first string in `value` that holds a NUL character (U+0000), or undefined.
 * Iterative, so that even absurdly deep JSON cannot overflow the stack.
 */
export function findNulCharacter(value: unknown): string | undefined {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (v && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) stack.push({ value: item, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}

/**
 * Guards that apply to every route, before its own validation: PostgreSQL cannot store a NUL character in
 * text, so a request that carries one anywhere (body, query, path) is refused with 400 and a Dutch message
 * at the field — instead of reaching the database and failing there. Found by the input fuzzer (issue #11).
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path = findNulCharacter(request.params) ?? findNulCharacter(request.query) ?? findNulCharacter(request.body);
    if (path !== undefined) throw new AppError('validation_failed', { fieldErrors: { [path || '_']: [NUL_MESSAGE] } });
  });
}
