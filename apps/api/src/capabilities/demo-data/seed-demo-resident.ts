import type { Tx } from '../../platform/database/database';

interface Context {
  tenantId: string;
  noordId: string;
  users: Map<string, string>;
  households: Map<string, { id: string; personIds: string[] }>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The resident portal "Mijn Nabij" in the demo: how to reach team Noord, an account for Anja Meijer (whose plan was
 * agreed, see seed-demo-execution) with one consent she can withdraw, and an account for Petra de Vries, who as a
 * parent represents her children Lotte (under 12) and Daan (12). Demo login codes go to the development outbox.
 */
export async function seedDemoResident(tx: Tx, c: Context): Promise<void> {
  const worker = c.users.get('werker');
  if (!worker) return;
  await tx
    .updateTable('team')
    .set({
      contact_phone: '030 700 10 10',
      contact_email: 'wijkteam.noord@voorbeeld.example',
      // The letterhead on the team's letters (issue #21 item 2).
      postal_address: 'Wijkcentrum De Linde\nLindelaan 1\n3500 AA Voorbeeldstad',
    })
    .where('id', '=', c.noordId)
    .execute();

  const meijer = c.households.get('Huishouden Meijer');
  const anja = meijer?.personIds[0];
  if (meijer && anja) {
    await tx
      .insertInto('resident_account')
      .values({
        tenant_id: c.tenantId,
        person_id: anja,
        email: 'anja.meijer@voorbeeld.example',
        identity_check: 'in_person',
        created_by: worker,
      })
      .execute();
    const kase = await tx.selectFrom('case_file').select('id').where('household_id', '=', meijer.id).executeTakeFirst();
    if (kase) {
      await tx
        .insertInto('information_consent')
        .values({
          tenant_id: c.tenantId,
          case_id: kase.id,
          person_id: anja,
          // Not the GP who referred her: the closing letter to the GP still needs a legal basis (see seed-demo-execution).
          recipient: 'Woningcorporatie Het Parkhuis',
          scope: 'Afspraken over het opruimen en het onderhoud van mijn woning',
          form: 'signed',
          given_on: day(-138),
          expires_on: null,
          withdrawn_on: null,
          recorded_by: worker,
        })
        .execute();
    }
  }

  const deVries = c.households.get('Huishouden De Vries');
  const [petra, daan, lotte] = deVries?.personIds ?? [];
  if (petra && daan && lotte) {
    await tx.updateTable('person').set({ email: 'petra.devries@voorbeeld.example' }).where('id', '=', petra).execute();
    const account = await tx
      .insertInto('resident_account')
      .values({
        tenant_id: c.tenantId,
        person_id: petra,
        email: 'petra.devries@voorbeeld.example',
        identity_check: 'in_person',
        created_by: worker,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('resident_representation')
      .values([
        {
          tenant_id: c.tenantId,
          representative_account_id: account.id,
          person_id: lotte,
          relation: 'parent',
          evidence: 'Gezag gecontroleerd in het gezagsregister',
          recorded_by: worker,
        },
        {
          tenant_id: c.tenantId,
          representative_account_id: account.id,
          person_id: daan,
          relation: 'parent',
          evidence: 'Gezag gecontroleerd in het gezagsregister',
          recorded_by: worker,
        },
      ])
      .execute();
  }
}
