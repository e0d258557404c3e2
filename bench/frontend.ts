// The front end (issue #10 part 6): the worker app's initial JavaScript (gzip) and the case file page's Largest
// Contentful Paint in headless Chromium against the app on loopback.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { SYNTHETIC_PASSWORD } from '../apps/api/src/capabilities/demo-data';
import { median } from './report';

export const INITIAL_JS_TARGET_KB = 250;
export const CASE_LCP_TARGET_MS = 1500;

/** Builds the web app into `outDir` (production build, as `npm run build` does, but into a folder of its own). */
export function buildWeb(root: string, outDir: string): { seconds: number } {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'error',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`building the web app failed (exit ${r.status})`);
  return { seconds: (performance.now() - t0) / 1000 };
}

export interface InitialJs {
  /** Sum of the gzip (level 9) sizes of the JavaScript index.html loads before the app starts, KB (1024 bytes). */
  gzipKb: number;
  /** The same files uncompressed (minified), KB. */
  rawKb: number;
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
}

/**
 * The initial JavaScript: every `<script src>` and `<link rel="modulepreload">` of index.html (the entry and the
 * chunks it imports statically), each gzipped at level 9 with node:zlib and summed. Chunks of lazily loaded pages
 * (`React Router lazy`, apps/web/src/app/lazy-page.tsx) are not part of it.
 */
export function measureInitialJs(distDir: string): InitialJs {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script\b[^>]*\ssrc="([^"]+\.js)"|<link\b[^>]*rel="modulepreload"[^>]*\shref="([^"]+\.js)"/g),
  ].map((m) => (m[1] ?? m[2])!);
  const files = [...new Set(refs)].map((ref) => {
    const bytes = readFileSync(path.join(distDir, ref.replace(/^\//, '')));
    return { file: ref, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    gzipKb: kb(files.reduce((n, f) => n + f.gzipBytes, 0)),
    rawKb: kb(files.reduce((n, f) => n + f.bytes, 0)),
    files: files.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

export interface PageLoad {
  caseId: string;
  /** Largest Contentful Paint, ms after navigation start. */
  lcpMs: number;
  /** The LCP element (tag#id.class) and its size in px². */
  lcpElement: string | null;
  lcpSize: number;
  fcpMs: number | null;
  /** Time to the first byte of the document. */
  ttfbMs: number;
  /** When the case overview was rendered (its link to the plan in the document), ms after navigation start. */
  readyMs: number;
  /** The LCP entry came before the overview: the largest paint was the frame or the loading message. */
  lcpBeforeReady: boolean;
}

export interface CaseLcp {
  /** Fresh browser context per run: empty HTTP cache, every script downloaded. */
  cold: { medianMs: number; runs: PageLoad[] };
  /** The same case opened again in the same context: scripts from the HTTP cache (revalidated: max-age=0, ETag). */
  warm: { medianMs: number; runs: PageLoad[] };
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--lang=nl-NL',
];

/**
 * Read in the page: the last `largest-contentful-paint` entry so far (buffered), its element, first contentful paint
 * and time to first byte. A string, so that the TypeScript runner's helpers (`__name`) do not end up in the page.
 */
const READ_LCP = `new Promise((resolve) => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const fcpEntry = performance.getEntriesByName('first-contentful-paint')[0];
  let done = false;
  const finish = (e) => {
    if (done) return;
    done = true;
    const el = e ? e.element : null;
    const describe = el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '') : null;
    resolve({ lcp: e ? e.startTime : -1, element: describe, size: e ? e.size : 0, fcp: fcpEntry ? fcpEntry.startTime : null, ttfb: navigation ? navigation.responseStart : -1 });
  };
  new PerformanceObserver((list) => { const all = list.getEntries(); finish(all[all.length - 1]); }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => finish(undefined), 5000);
})`;

/** Notes, in the page, when the overview's link to the plan first appears in the document (before it is painted). */
const MARK_READY = `window.__nabijReady = null;
new MutationObserver((_, observer) => {
  if (document.querySelector('a[href^="/dossiers/"][href$="/plan"]')) {
    window.__nabijReady = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

async function openCase(context: BrowserContext, baseUrl: string, caseId: string): Promise<PageLoad> {
  const page = await context.newPage();
  await page.addInitScript(MARK_READY);
  try {
    await page.goto(`${baseUrl}/dossiers/${encodeURIComponent(caseId)}`, { waitUntil: 'load' });
    await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    // The h1 shows "Dossier" while the overview loads; the case is on screen when its link to the plan is.
    await page.locator(`a[href="/dossiers/${caseId}/plan"]`).first().waitFor({ state: 'visible', timeout: 30_000 });
    const readyMs = await page.evaluate<number>('window.__nabijReady ?? performance.now()');
    // The sections below the header load their own data; let them settle before the LCP candidate is read.
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const m = await page.evaluate<{
      lcp: number;
      element: string | null;
      size: number;
      fcp: number | null;
      ttfb: number;
    }>(READ_LCP);
    if (m.lcp < 0) throw new Error(`no largest-contentful-paint entry for /dossiers/${caseId}`);
    return {
      caseId,
      lcpMs: m.lcp,
      lcpElement: m.element,
      lcpSize: m.size,
      fcpMs: m.fcp,
      ttfbMs: m.ttfb,
      readyMs,
      lcpBeforeReady: m.lcp < readyMs,
    };
  } finally {
    await page.close();
  }
}

/**
 * Opens the case file page `runs` times as a case worker, each time in a fresh browser context (cold HTTP cache,
 * logged in through the API beforehand, so the page is the first document of the context), then once more in the
 * same context (warm cache). Rotates over the given case files.
 */
export async function measureCaseLcp(
  baseUrl: string,
  username: string,
  caseIds: string[],
  runs: number,
): Promise<CaseLcp> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const cold: PageLoad[] = [];
  const warm: PageLoad[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
      try {
        const login = await context.request.post(`${baseUrl}/api/auth/login`, {
          data: { username, password: SYNTHETIC_PASSWORD },
        });
        if (login.status() !== 200) throw new Error(`login of ${username} failed: ${login.status()}`);
        const caseId = caseIds[i % caseIds.length]!;
        cold.push(await openCase(context, baseUrl, caseId));
        warm.push(await openCase(context, baseUrl, caseId));
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return {
    cold: { medianMs: median(cold.map((r) => r.lcpMs)), runs: cold },
    warm: { medianMs: median(warm.map((r) => r.lcpMs)), runs: warm },
  };
}
