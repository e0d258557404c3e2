import { timingSafeEqual } from 'node:crypto';

/** Compares two secrets (tokens, CSRF values) in constant time for equal lengths. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
