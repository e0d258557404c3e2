// `npm run audit:verify`: checks the hash chain of the access log of every municipality in the configured
// database (DATABASE_URL, or the embedded database in DATA_DIR — stop the app first) and reports the first
// altered, deleted or reordered row per municipality. Exit code 0: intact; 1: tampering found; 2: error.
// Nothing is repaired. Keep the printed chain heads outside the database (ADR 0016).
import { verifyAllChains } from '../apps/api/src/capabilities/audit/access-log-chain';
import { loadConfig } from '../apps/api/src/platform/config';
import { connectDatabase } from '../apps/api/src/platform/database/connect';

let exitCode = 0;
try {
  const { db, embedded } = await connectDatabase(loadConfig());
  try {
    const names = new Map(
      (await db.inSystem((tx) => tx.selectFrom('tenant').select(['id', 'slug']).execute())).map((t) => [t.id, t.slug]),
    );
    const reports = await verifyAllChains(db);
    if (reports.length === 0) console.log('Het logboek is leeg; er is niets te controleren.');
    for (const r of reports) {
      const name = names.get(r.tenantId) ?? r.tenantId;
      if (r.problem) {
        exitCode = 1;
        console.error(
          `FOUT   ${name}: ${r.problem.message} (${r.checked} rijen waren in orde; soort: ${r.problem.kind})`,
        );
      } else {
        console.log(`IN ORDE ${name}: ${r.checked} rijen gecontroleerd; laatste rij ${r.headSeq}, hash ${r.headHash}`);
      }
    }
    if (exitCode === 1)
      console.error(
        '\nHet logboek is aangetast. Er is niets hersteld. Meld dit bij de privacyfunctionaris en bewaar deze uitvoer.',
      );
  } finally {
    await db.close();
    await embedded?.stop();
  }
} catch (err) {
  console.error(`De controle kon niet worden uitgevoerd: ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 2;
}
process.exit(exitCode);
