/**
 * `/robots.txt`. Nabij is a case-management system: search engines may index only the public pages a resident or
 * referrer may look for — the referral form and the statements (accessibility, privacy, contact) — and nothing else.
 * Paths are matched by prefix (RFC 9309); the longest matching rule wins, so `Allow` beats `Disallow: /`.
 */
export const PUBLIC_PAGE_PATHS = [
  '/aanmelden',
  '/toegankelijkheidsverklaring',
  '/privacyverklaring',
  '/contact',
] as const;

export const ROBOTS_TXT = [
  '# Nabij: case management for social neighbourhood teams. Only the public pages may be indexed.',
  'User-agent: *',
  ...PUBLIC_PAGE_PATHS.map((p) => `Allow: ${p}`),
  'Disallow: /',
  '',
].join('\n');
