/** Pure helpers for lists of choices in forms. No I/O. */

/** Adds or removes one value, keeping the order of `order`. */
export function toggleValue(list: readonly string[], value: string, on: boolean, order: readonly string[]): string[] {
  const next = new Set(list);
  if (on) next.add(value);
  else next.delete(value);
  return order.filter((v) => next.has(v));
}
