// End-to-end journeys in Debian's Chromium against the real app; see e2e/journeys/.
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { seedTemplate, startApp, type SeededTemplate } from './harness';

export interface Journey {
  name: string;
  env?: Record<string, string>;
  run(baseUrl: string): Promise<void>;
}

const dir = fileURLToPath(new URL('./journeys/', import.meta.url));
// E2E_ONLY=analysis,plan runs only the journeys whose file names start with one of those words.
const only = process.env.E2E_ONLY?.split(',').filter(Boolean);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.journey.ts'))
  .filter((f) => !only || only.some((o) => f.startsWith(o)))
  .sort();
// Each journey has its own app and database, so journeys can run side by side (E2E_CONCURRENCY, default 3 on 2 cores: a journey mostly waits on the browser and the app).
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? Math.min(3, availableParallelism() + 1)));

let failed = 0;
// The demo municipality is seeded once; every journey starts from a copy (E2E_TEMPLATE=false: seed per journey).
const template: SeededTemplate | undefined =
  process.env.E2E_TEMPLATE === 'false' || files.length === 0 ? undefined : await seedTemplate();
async function runOne(file: string): Promise<void> {
  const journey = (await import(`./journeys/${file}`)).default as Journey;
  const started = Date.now();
  const app = await startApp(journey.env, template);
  try {
    await journey.run(app.baseUrl);
    console.log(`✓ ${journey.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`✗ ${journey.name}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  } finally {
    await app.stop();
  }
}

const queue = [...files];
await Promise.all(
  Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) await runOne(file);
  }),
);
await template?.remove();
console.log(`\n${files.length - failed} of ${files.length} journeys passed`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
