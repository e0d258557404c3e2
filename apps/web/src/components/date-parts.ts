/**
 * A date typed as day, month and year in three boxes (the date of birth on the public form, issue #19 item 5),
 * kept in the form as "jaar-maand-dag" parts. No I/O.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The parts of a value held by the form: "1980-3-25" or "1980-03-25" → year, month, day; anything else → empty. */
export function toDateParts(value: string): DateParts {
  const m = /^(\d*)-(\d*)-(\d*)$/.exec(value);
  return m ? { year: m[1]!, month: m[2]!, day: m[3]! } : { day: '', month: '', year: '' };
}

/** The form's value for three typed parts; "" when all three are empty. */
export function fromDateParts(parts: DateParts): string {
  const clean = (v: string) => v.replace(/\D/g, '');
  const [day, month, year] = [clean(parts.day), clean(parts.month), clean(parts.year)];
  return day || month || year ? `${year}-${month}-${day}` : '';
}

/**
 * The ISO date the API expects: day and month padded ("1980-3-5" → "1980-03-05"). A part left empty or a two-digit
 * year stays visible as is, so the contract answers "Vul een geldige datum in."
 */
export function toIsoDate(value: string): string {
  const { day, month, year } = toDateParts(value);
  if (!day && !month && !year) return value.trim();
  return `${year}-${month ? month.padStart(2, '0') : ''}-${day ? day.padStart(2, '0') : ''}`;
}
