import type { Tx } from '../../platform/database/database';

interface Context {
  tenantId: string;
  noordId: string;
  users: Map<string, string>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Tasks and a few journaal entries for the demo worker, so "Mijn werk" shows something late, something for today and
 * something coming up, the coordinator sees the team's tasks, and the Meijer case (in execution) has a contact log.
 * Generated reminders come from the scheduler at start; these are manual ones. Runs after the other demo seeds.
 */
export async function seedDemoTasks(tx: Tx, c: Context): Promise<void> {
  const worker = c.users.get('werker');
  if (!worker) return;
  const cases = await tx
    .selectFrom('case_file as f')
    .innerJoin('household as h', 'h.id', 'f.household_id')
    .select(['f.id', 'h.name'])
    .where('f.tenant_id', '=', c.tenantId)
    .where('f.case_worker_id', '=', worker)
    .execute();
  const caseOf = (household: string) => cases.find((x) => x.name === household)?.id ?? null;
  const meijer = caseOf('Huishouden Meijer');
  const vandenberg = caseOf('Huishouden Van den Berg');

  const tasks: Array<{ caseId: string | null; title: string; dueOn: string }> = [
    { caseId: meijer, title: 'Huisarts terugbellen over de POH-GGZ', dueOn: day(-3) },
    { caseId: vandenberg, title: 'School van Noah bellen over het gesprek met de mentor', dueOn: day(0) },
    { caseId: meijer, title: 'Netwerkberaad met zus Karin voorbereiden', dueOn: day(6) },
    { caseId: null, title: 'Casuïstiekoverleg voorbereiden', dueOn: day(2) },
  ];
  for (const task of tasks) {
    await tx
      .insertInto('task')
      .values({
        tenant_id: c.tenantId,
        team_id: c.noordId,
        case_id: task.caseId,
        kind: 'manual',
        title: task.title,
        due_on: task.dueOn,
        // A case task without an assignee is for whoever is the case worker; an own task is for the worker.
        assignee_id: task.caseId ? null : worker,
        created_by: worker,
      })
      .execute();
  }

  if (!meijer) return;
  const goals = await tx
    .selectFrom('plan_goal as g')
    .innerJoin('plan_version as v', 'v.id', 'g.plan_version_id')
    .innerJoin('plan as p', 'p.id', 'v.plan_id')
    .select(['g.id', 'g.domain'])
    .where('p.case_id', '=', meijer)
    .where('v.status', '=', 'agreed')
    .execute();
  const goalOf = (domain: string) => goals.filter((g) => g.domain === domain).map((g) => g.id);
  const contacts: Array<{
    kind: string;
    on: string;
    minutes: number | null;
    participants: string | null;
    note: string;
    internal: boolean;
    goalIds: string[];
  }> = [
    {
      kind: 'home_visit',
      on: day(-21),
      minutes: 60,
      participants: 'Anja Meijer',
      note: 'Samen de weekplanning voor het huishouden gemaakt. Anja wil beginnen met de keuken en de post.',
      internal: false,
      goalIds: goalOf('instrumental_adl'),
    },
    {
      kind: 'phone',
      on: day(-14),
      minutes: 15,
      participants: 'Anja Meijer',
      note: 'Anja belde: de koffieochtend in De Schakel was fijn, ze gaat volgende week weer.',
      internal: false,
      goalIds: goalOf('social_network'),
    },
    {
      kind: 'accompany',
      on: day(-7),
      minutes: 90,
      participants: 'Anja Meijer, POH-GGZ',
      note: 'Meegegaan naar de POH-GGZ. Afgesproken dat Anja belt als de somberheid toeneemt.',
      internal: false,
      goalIds: goalOf('mental_health'),
    },
    {
      kind: 'other',
      on: day(-6),
      minutes: null,
      participants: null,
      note: 'Voor mijzelf: letten op signalen van terugval rond de feestdagen.',
      internal: true,
      goalIds: [],
    },
  ];
  for (const x of contacts) {
    const entry = await tx
      .insertInto('contact_entry')
      .values({
        tenant_id: c.tenantId,
        case_id: meijer,
        kind: x.kind,
        contact_on: x.on,
        duration_minutes: x.minutes,
        participants: x.participants,
        note: x.note,
        internal: x.internal,
        recorded_by: worker,
        recorded_at: new Date(`${x.on}T15:00:00Z`),
        idempotency_key: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (x.goalIds.length > 0)
      await tx
        .insertInto('contact_goal')
        .values(x.goalIds.map((goalId) => ({ tenant_id: c.tenantId, contact_id: entry.id, goal_id: goalId })))
        .execute();
  }
}
