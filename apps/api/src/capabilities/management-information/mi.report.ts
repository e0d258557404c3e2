/**
 * Turns the aggregates of `mi.queries.ts` into the report: sections of tables with suppressed cells (and the headline
 * figures of the quality mirror). Pure apart from loading the facts; the same report is shown, exported and printed.
 */
import type { MiCell, MiSection, MiTable, MiUnit, QualityElement } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import {
  CHANNEL,
  CLOSURE_REASON,
  DECISION,
  LIFE_DOMAIN,
  PERFORMER_GROUP,
  PHASE,
  REFERRER_KIND,
  SERVICE_TYPE,
  SIGNAL_KIND,
  STEP,
  STEPS,
  TOTAL,
  ZRM_DOMAIN,
} from './mi.labels';
import {
  COMPLEMENTARY,
  countCell,
  FEW_CASES,
  isSmall,
  monthLabel,
  monthsOf,
  NO_DATA,
  percentileOfHistogram,
  shareCell,
  statCell,
  suppressList,
  suppressMatrix,
  type Bin,
} from './mi.domain';
import * as q from './mi.queries';
import { additiveDirect, additiveFigures, type Additive } from './mi.cells';

export interface Facts {
  inflow: q.InflowRow[];
  decisions: q.DecisionRow[];
  closedWithoutCase: q.ClosedWithoutCaseRow[];
  leadTimes: q.LeadTimeRow[];
  teamNorms: q.TeamNormRow[];
  caseload: q.CaseloadRow[];
  workers: q.WorkerRow[];
  evaluations: q.EvaluationRow;
  zrmChange: q.ZrmChangeRow[];
  zrmCoverage: q.ClosedCoverageRow;
  participation: q.ParticipationRow;
  closures: q.ClosureRow[];
  watch: q.WatchRow;
  reReferrals: q.ReReferralRow;
  continuity: q.ContinuityRow;
  actions: q.ActionRow[];
  planDomains: q.PlanDomainsRow[];
  signals: q.SignalRow[];
  contacts: q.ContactRow;
  consultations: q.ConsultationRow[];
  /** Consultations without a case ("even overleggen") per month. */
  teamConsultations: q.TeamConsultationRow[];
}

/**
 * Runs the aggregate queries of the report in the caller's transaction. What adds up over months comes from the
 * monthly cells per team plus a direct computation of the days around whole months (`mi.cells.ts`); the rest is
 * computed directly. `direct: true` computes everything directly (the tests compare the two). The contacts and
 * consultations are read only for the quality mirror (`mirror: true`), which is about one team.
 */
export async function loadFacts(
  tx: Tx,
  s: q.Scope,
  options: { mirror?: boolean; direct?: boolean } = {},
): Promise<Facts> {
  if (s.teamIds.length === 0) throw new Error('a report needs at least one team');
  let a: Additive;
  if (options.direct) a = await additiveDirect(tx, s);
  else {
    const summed = await additiveFigures(tx, s);
    const now = await q.notAdditive(tx, s);
    a = {
      ...summed,
      evaluations: {
        ...summed.evaluations,
        cases: now.evaluation_cases,
        overdue_now: now.overdue_now,
        execution_now: now.execution_now,
      },
      watch: { ...summed.watch, in_watch_now: now.in_watch_now },
      continuity: { ...summed.continuity, cases_changed_in_period: now.cases_changed_in_period },
    };
  }
  const plans = await q.plans(tx, s, { fromVersions: options.direct ?? false });
  return {
    ...a,
    teamNorms: await q.teamNorms(tx, s),
    caseload: await q.caseload(tx, s),
    workers: await q.teamWorkers(tx, s),
    actions: plans.actions,
    planDomains: plans.domains,
    contacts: options.mirror ? await q.contacts(tx, s) : { contacts: 0, home_visits: 0, cases: 0, home_visit_cases: 0 },
    consultations: options.mirror ? await q.consultationDays(tx, s) : [],
    teamConsultations: await q.teamConsultations(tx, s),
  };
}

// ---------- building blocks ----------
const column = (key: string, label: string, unit: MiUnit) => ({ key, label, unit });
const row = (key: string, label: string, cells: MiCell[], total = false) => ({ key, label, total, cells });

interface TableOptions {
  chart?: MiTable['chart'];
  snapshot?: boolean;
}
function table(
  key: string,
  title: string,
  definition: string,
  columns: MiTable['columns'],
  rows: MiTable['rows'],
  options: TableOptions = {},
): MiTable {
  return { key, title, definition, columns, rows, chart: options.chart ?? null, snapshot: options.snapshot ?? false };
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const COUNT = column('count', 'Aantal', 'count');
const SHARE = column('share', 'Aandeel (%)', 'percent');

/** A one-dimensional distribution with a total row: counts suppressed together, shares of the total. */
function distribution(
  keys: readonly string[],
  labels: Record<string, string>,
  counts: readonly number[],
  force: readonly boolean[] = [],
) {
  const s = suppressList(counts, force);
  const total = sum(counts);
  return [
    ...keys.map((k, i) =>
      row(k, labels[k] ?? k, [
        s.cells[i] ?? NO_DATA,
        shareCell(counts[i] ?? 0, total, s.cells[i]?.suppressed ?? false),
      ]),
    ),
    row('total', TOTAL, [s.total, shareCell(total, total, s.total.suppressed)], true),
  ];
}

/** Median, 90th percentile and number of a histogram. */
function summary(bins: readonly Bin[]) {
  const n = sum(bins.map((b) => b.count));
  return { n, median: percentileOfHistogram(bins, 0.5), p90: percentileOfHistogram(bins, 0.9) };
}

// ---------- sections ----------
function inflowSection(f: Facts, from: string, to: string): MiSection {
  const months = monthsOf(from, to);
  const matrix = (dimension: 'channel' | 'referrer_kind', keys: readonly string[]) =>
    months.map((m) =>
      keys.map((k) => sum(f.inflow.filter((r) => r.month === m && r[dimension] === k).map((r) => r.n))),
    );
  const monthTable = (
    key: string,
    title: string,
    definition: string,
    dimension: 'channel' | 'referrer_kind',
    labels: Record<string, string>,
  ) => {
    const keys = Object.keys(labels);
    const m = suppressMatrix(matrix(dimension, keys));
    return table(
      key,
      title,
      definition,
      [...keys.map((k) => column(k, labels[k] ?? k, 'count')), column('total', TOTAL, 'count')],
      [
        ...months.map((mo, i) => row(mo, monthLabel(mo), [...(m.cells[i] ?? []), m.rowTotals[i] ?? NO_DATA])),
        row('total', TOTAL, [...m.colTotals, m.grandTotal], true),
      ],
      { chart: { kind: 'line', column: 'total' } },
    );
  };
  const decisionKeys = ['take_up', 'advice', 'refer_elsewhere', 'not_for_us'];
  const referrals = sum(f.inflow.map((r) => r.n));
  const closedKeys = ['none', ...decisionKeys];
  const closedCounts = closedKeys.map((k) => f.closedWithoutCase.find((r) => r.outcome === k)?.n ?? 0);
  const closed = suppressList(closedCounts);
  const closedTotal = sum(closedCounts);
  return {
    key: 'inflow',
    title: 'Instroom en kernbesluiten',
    tables: [
      monthTable(
        'inflow_channel',
        'Aanmeldingen per maand en kanaal',
        'Aanmeldingen die in de periode zijn binnengekomen (datum van ontvangst), per maand en per kanaal waarlangs ze binnenkwamen.',
        'channel',
        CHANNEL,
      ),
      monthTable(
        'inflow_referrer',
        'Aanmeldingen per maand en soort verwijzer',
        'Dezelfde aanmeldingen, per maand en naar wie aanmeldde: een professional, de inwoner zelf of een partnerorganisatie (signaal).',
        'referrer_kind',
        REFERRER_KIND,
      ),
      table(
        'core_decisions',
        'Kernbesluiten',
        'Kernbesluiten die in de periode in het aanmeldoverleg zijn genomen, per uitkomst.',
        [COUNT, SHARE],
        distribution(
          decisionKeys,
          DECISION,
          decisionKeys.map((k) => f.decisions.find((r) => r.outcome === k)?.n ?? 0),
        ),
        { chart: { kind: 'bar', column: 'count' } },
      ),
      table(
        'closed_without_case',
        'Aanmeldingen afgesloten zonder dossier',
        'Aanmeldingen die in de periode zijn binnengekomen en zijn afgesloten zonder dat er een dossier werd geopend, per kernbesluit. Het aandeel is van alle aanmeldingen in de periode.',
        [COUNT, column('share', 'Aandeel van alle aanmeldingen (%)', 'percent')],
        [
          ...closedKeys.map((k, i) =>
            row(k, DECISION[k] ?? k, [
              closed.cells[i] ?? NO_DATA,
              shareCell(closedCounts[i] ?? 0, referrals, closed.cells[i]?.suppressed ?? false),
            ]),
          ),
          row('total', TOTAL, [closed.total, shareCell(closedTotal, referrals, closed.total.suppressed)], true),
        ],
      ),
      consultationTable(f, months),
    ],
  };
}

/** Consultations without a case per month. They hold no personal data, so small numbers are shown. */
function consultationTable(f: Facts, months: readonly string[]): MiTable {
  const cell = (n: number): MiCell => ({ value: n, suppressed: false });
  const of = (m: string) => f.teamConsultations.find((r) => r.month === m) ?? { n: 0, minutes: 0, referred: 0 };
  const totals = f.teamConsultations.reduce(
    (a, r) => ({ n: a.n + r.n, minutes: a.minutes + r.minutes, referred: a.referred + r.referred }),
    { n: 0, minutes: 0, referred: 0 },
  );
  return table(
    'team_consultations',
    'Even overleggen: consultaties zonder dossier',
    'Vragen om advies van een professional of inwoner aan het team zonder aanmelding (“even overleggen”), per maand: het aantal, de bestede tijd in minuten en hoeveel er later een aanmelding werden. Zonder persoonsgegevens vastgelegd.',
    [COUNT, column('minutes', 'Bestede tijd (minuten)', 'number'), column('referred', 'Werd een aanmelding', 'count')],
    [
      ...months.map((m) => {
        const r = of(m);
        return row(m, monthLabel(m), [cell(r.n), cell(r.minutes), cell(r.referred)]);
      }),
      row('total', TOTAL, [cell(totals.n), cell(totals.minutes), cell(totals.referred)], true),
    ],
    { chart: { kind: 'line', column: 'count' } },
  );
}

function analysisNorm(f: Facts): number | null {
  const weeks = [...new Set(f.teamNorms.map((t) => t.analysis_weeks))];
  return weeks.length === 1 ? (weeks[0] ?? 6) * 7 : null;
}

function leadTimeSection(f: Facts): MiSection {
  const norm = analysisNorm(f);
  const rows = STEPS.map((step) => {
    const bins = f.leadTimes.filter((r) => r.step === step).map((r) => ({ value: r.days, count: r.n }));
    const { n, median, p90 } = summary(bins);
    const within = sum(f.leadTimes.filter((r) => r.step === step).map((r) => r.within_norm));
    const hasNorm = step === 'decision_assignment' || step === 'assignment_plan';
    const normDays = step === 'decision_assignment' ? 0 : step === 'assignment_plan' ? norm : null;
    return row(step, STEP[step] ?? step, [
      countCell(n),
      statCell(median, n),
      statCell(p90, n),
      normDays === null ? NO_DATA : { value: normDays, suppressed: false },
      hasNorm ? shareCell(within, n) : NO_DATA,
    ]);
  });
  return {
    key: 'lead_times',
    title: 'Wachttijden en doorlooptijden',
    tables: [
      table(
        'lead_times',
        'Doorlooptijden per stap, in kalenderdagen',
        `Per stap de dossiers of aanmeldingen waarvan die stap in de periode werd afgerond: mediaan en 90e percentiel (lineair geïnterpoleerd). Normen: toewijzing op de dag van het kernbesluit (0 dagen) en een analyse van ${norm === null ? 'de analysetermijn van elk team' : `${norm / 7} weken`} (toewijzing tot plan afgesproken). Eerste contact = de vroegste contactdatum in het journaal; plan afgesproken = de eerste afgesproken versie.`,
        [
          COUNT,
          column('median', 'Mediaan (dagen)', 'days'),
          column('p90', '90e percentiel (dagen)', 'days'),
          column('norm', 'Norm (dagen)', 'days'),
          column('within_norm', 'Binnen de norm (%)', 'percent'),
        ],
        rows,
        { chart: { kind: 'bar', column: 'median' } },
      ),
    ],
  };
}

function workloadSection(f: Facts, perWorker: boolean): MiSection {
  const phases = Object.keys(PHASE);
  const phaseCounts = phases.map((p) => sum(f.caseload.filter((r) => r.phase === p).map((r) => r.n)));
  const workers = new Map<string, { name: string; open: number; watch: number }>();
  for (const w of f.workers) workers.set(w.worker_id, { name: w.worker_name, open: 0, watch: 0 });
  for (const r of f.caseload) {
    const w = workers.get(r.worker_id) ?? { name: r.worker_name, open: 0, watch: 0 };
    if (r.phase === 'watch') w.watch += r.n;
    else w.open += r.n;
    workers.set(r.worker_id, w);
  }
  const loads = [...workers.values()].map((w) => ({ value: w.open, count: 1 }));
  const openCases = sum([...workers.values()].map((w) => w.open));
  const enough = workers.size >= 5 && openCases >= 5;
  const stat = (v: number | null) => (enough ? statCell(v, workers.size) : workers.size === 0 ? NO_DATA : FEW_CASES);
  const e = f.evaluations;
  const tables: MiTable[] = [
    table(
      'open_by_phase',
      'Open dossiers per fase (vandaag)',
      'Dossiers die vandaag open zijn, per fase; de waakvlam apart. Hangt niet af van de gekozen periode.',
      [COUNT, SHARE],
      distribution(phases, PHASE, phaseCounts),
      {
        chart: { kind: 'bar', column: 'count' },
        snapshot: true,
      },
    ),
    table(
      'caseload',
      'Caseload per werker (vandaag)',
      'Open dossiers (zonder waakvlam) per wijkteamwerker van de gekozen teams, als contactpersoon. Werkers zonder open dossier tellen mee. Onderdrukt bij minder dan vijf werkers of vijf dossiers.',
      [column('value', 'Waarde', 'number')],
      [
        row('workers', 'Wijkteamwerkers', [countCell(workers.size)]),
        row('mean', 'Gemiddeld aantal open dossiers per werker', [
          stat(workers.size ? openCases / workers.size : null),
        ]),
        row('median', 'Mediaan', [stat(percentileOfHistogram(loads, 0.5))]),
        row('p90', '90e percentiel', [stat(percentileOfHistogram(loads, 0.9))]),
      ],
      { snapshot: true },
    ),
  ];
  if (perWorker) {
    const list = [...workers.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    tables.push(
      table(
        'caseload_per_worker',
        'Open dossiers per werker (vandaag)',
        'Alleen voor de teamcoördinator: open dossiers per werker als contactpersoon, en daarnaast de dossiers in de waakvlam. Ook hier: minder dan vijf wordt getoond als <5.',
        [column('open', 'Open dossiers', 'count'), column('watch', 'In waakvlam', 'count')],
        list.map((w, i) => row(`worker-${i + 1}`, w.name, [countCell(w.open), countCell(w.watch)])),
        { chart: { kind: 'bar', column: 'open' }, snapshot: true },
      ),
    );
  }
  tables.push(
    table(
      'evaluations',
      'Evaluaties',
      'Evaluaties met het huishouden die in de periode zijn gehouden, en hoeveel op tijd: binnen de evaluatietermijn van het team na de vorige evaluatie of, voor de eerste, na de laatste afspraak over het plan. Daarnaast de dossiers die vandaag in uitvoering zijn en waarvan de evaluatie te laat is.',
      [COUNT, column('share', 'Aandeel (%)', 'percent')],
      [
        row('held', 'Evaluaties gehouden', [countCell(e.held), NO_DATA]),
        row('on_time', 'Waarvan op tijd', [countCell(e.on_time), shareCell(e.on_time, e.held)]),
        row('execution_now', 'Dossiers in uitvoering (vandaag)', [countCell(e.execution_now), NO_DATA]),
        row('overdue_now', 'Waarvan evaluatie te laat (vandaag)', [
          countCell(e.overdue_now),
          shareCell(e.overdue_now, e.execution_now),
        ]),
      ],
    ),
  );
  return { key: 'workload', title: 'Werkvoorraad en evaluaties', tables };
}

function outcomesSection(f: Facts): MiSection {
  const domainOrder = Object.keys(ZRM_DOMAIN);
  const zrmRows = [...f.zrmChange.filter((r) => r.domain !== '*')].sort(
    (a, b) => domainOrder.indexOf(a.domain) - domainOrder.indexOf(b.domain),
  );
  const all = f.zrmChange.find((r) => r.domain === '*');
  const zrmRow = (r: q.ZrmChangeRow, key: string, label: string, total: boolean) => {
    const few = r.cases < 5;
    const parts = suppressList([r.improved, r.same, r.worse], [few, few, few]);
    return row(
      key,
      label,
      [
        countCell(r.cases),
        few ? FEW_CASES : countCell(r.pairs),
        statCell(r.pairs ? r.change_sum / r.pairs : null, r.cases),
        shareCell(r.improved, r.pairs, parts.cells[0]?.suppressed ?? true),
        shareCell(r.same, r.pairs, parts.cells[1]?.suppressed ?? true),
        shareCell(r.worse, r.pairs, parts.cells[2]?.suppressed ?? true),
      ],
      total,
    );
  };
  const cov = f.zrmCoverage;
  const p = f.participation;
  const pFew = p.cases < 5;
  const pParts = suppressList([p.up, p.same, p.down], [pFew, pFew, pFew]);
  const reasons = Object.keys(CLOSURE_REASON);
  const closureMatrix = reasons.map((r) =>
    ['closed', 'watch'].map((o) => sum(f.closures.filter((c) => c.reason === r && c.outcome === o).map((c) => c.n))),
  );
  const cm = suppressMatrix(closureMatrix);
  const grand = sum(closureMatrix.map((r) => sum(r)));
  const w = f.watch;
  const rr = f.reReferrals;
  return {
    key: 'outcomes',
    title: 'Resultaten',
    tables: [
      table(
        'zrm_change',
        'Verandering in zelfredzaamheid (ZRM) van start tot afsluiting',
        'Dossiers die in de periode zijn afgesloten (ook naar de waakvlam): per persoon en leefgebied de score van de eerste startmeting tegen die van de laatste afsluitende meting (zelfde instrument). Gemiddelde verandering in punten op de schaal 1–5; aandelen van de gemeten personen × leefgebieden.',
        [
          column('cases', 'Dossiers', 'count'),
          column('pairs', 'Metingen (persoon × leefgebied)', 'count'),
          column('change', 'Gemiddelde verandering (punten)', 'score'),
          column('improved', 'Verbeterd (%)', 'percent'),
          column('same', 'Gelijk (%)', 'percent'),
          column('worse', 'Verslechterd (%)', 'percent'),
        ],
        [
          ...zrmRows.map((r) => zrmRow(r, r.domain, ZRM_DOMAIN[r.domain] ?? r.domain, false)),
          ...(all ? [zrmRow(all, 'total', 'Alle leefgebieden', true)] : []),
        ],
        { chart: { kind: 'bar', column: 'change' } },
      ),
      table(
        'zrm_coverage',
        'ZRM gemeten bij afgesloten dossiers',
        'Van de dossiers die in de periode zijn afgesloten: hoeveel een ZRM-startmeting hebben, en hoeveel zowel een start- als een afsluitende meting (alleen die tellen mee in de verandering hierboven).',
        [COUNT, SHARE],
        [
          row('closed', 'Afgesloten dossiers', [countCell(cov.closed), NO_DATA]),
          row('with_start', 'Met ZRM bij de start', [countCell(cov.with_start), shareCell(cov.with_start, cov.closed)]),
          row('with_pair', 'Met ZRM bij start en afsluiting', [
            countCell(cov.with_pair),
            shareCell(cov.with_pair, cov.closed),
          ]),
        ],
      ),
      table(
        'participation',
        'Beweging op de participatieladder',
        'Personen in dossiers die in de periode zijn afgesloten, met minstens twee metingen op de participatieladder: de eerste tegen de laatste meting (op of vóór de afsluiting).',
        [
          column('cases', 'Dossiers', 'count'),
          column('persons', 'Personen', 'count'),
          column('up', 'Gestegen (%)', 'percent'),
          column('same', 'Gelijk (%)', 'percent'),
          column('down', 'Gedaald (%)', 'percent'),
          column('change', 'Gemiddelde verandering (treden)', 'score'),
        ],
        [
          row('all', 'Alle gemeten personen', [
            countCell(p.cases),
            pFew && p.cases > 0 ? FEW_CASES : countCell(p.persons),
            shareCell(p.up, p.persons, pParts.cells[0]?.suppressed ?? true),
            shareCell(p.same, p.persons, pParts.cells[1]?.suppressed ?? true),
            shareCell(p.down, p.persons, pParts.cells[2]?.suppressed ?? true),
            statCell(p.persons ? p.change_sum / p.persons : null, p.cases),
          ]),
        ],
      ),
      table(
        'closure_reasons',
        'Redenen van afsluiten',
        'Afsluitingen in de periode, per reden: afgesloten, of afgesloten met een waakvlam.',
        [
          column('closed', 'Afgesloten', 'count'),
          column('watch', 'Naar waakvlam', 'count'),
          column('total', TOTAL, 'count'),
          SHARE,
        ],
        [
          ...reasons.map((r, i) =>
            row(r, CLOSURE_REASON[r] ?? r, [
              ...(cm.cells[i] ?? []),
              cm.rowTotals[i] ?? NO_DATA,
              shareCell(sum(closureMatrix[i] ?? []), grand, cm.rowTotals[i]?.suppressed ?? true),
            ]),
          ),
          row(
            'total',
            TOTAL,
            [...cm.colTotals, cm.grandTotal, shareCell(grand, grand, cm.grandTotal.suppressed)],
            true,
          ),
        ],
        { chart: { kind: 'bar', column: 'total' } },
      ),
      table(
        'watch_and_return',
        'Waakvlam en heropening',
        'Dossiers vandaag in de waakvlam; waakvlammen die in de periode zijn gestart of geëindigd; dossiers die in de periode zijn heropend (een nieuwe episode).',
        [COUNT],
        [
          row('in_watch_now', 'Dossiers in de waakvlam (vandaag)', [countCell(w.in_watch_now)]),
          row('watch_started', 'Waakvlam gestart', [countCell(w.watch_started)]),
          row('watch_ended', 'Waakvlam beëindigd zonder heropening', [countCell(w.watch_ended)]),
          row('reactivated_from_watch', 'Heropend vanuit de waakvlam', [countCell(w.reactivated_from_watch)]),
          row('reactivated_from_closed', 'Heropend na afsluiting', [countCell(w.reactivated_from_closed)]),
        ],
      ),
      table(
        're_referrals',
        'Opnieuw aangemeld',
        'Aanmeldingen in de periode voor een huishouden waarvan een dossier minder dan één of twee jaar eerder werd afgesloten (ook naar de waakvlam). Aandeel van alle aanmeldingen in de periode; alleen aanmeldingen die aan een bekend huishouden zijn gekoppeld kunnen meetellen.',
        [COUNT, column('share', 'Aandeel van alle aanmeldingen (%)', 'percent')],
        (() => {
          const between = rr.within_two_years - rr.within_one_year;
          const hideTwo = isSmall(between) && !isSmall(rr.within_two_years) && !isSmall(rr.within_one_year);
          const two = hideTwo ? COMPLEMENTARY : countCell(rr.within_two_years);
          return [
            row('referrals', 'Aanmeldingen in de periode', [countCell(rr.referrals), NO_DATA]),
            row('with_household', 'Gekoppeld aan een bekend huishouden', [
              countCell(rr.with_household),
              shareCell(rr.with_household, rr.referrals),
            ]),
            row('within_one_year', 'Binnen één jaar na afsluiting', [
              countCell(rr.within_one_year),
              shareCell(rr.within_one_year, rr.referrals),
            ]),
            row('within_two_years', 'Binnen twee jaar na afsluiting', [
              two,
              shareCell(rr.within_two_years, rr.referrals, two.suppressed),
            ]),
          ];
        })(),
      ),
    ],
  };
}

function continuitySection(f: Facts): MiSection {
  const c = f.continuity;
  const keys = ['zero', 'one', 'two_plus'];
  const labels: Record<string, string> = {
    zero: 'Geen wisseling',
    one: 'Eén wisseling',
    two_plus: 'Twee of meer wisselingen',
  };
  return {
    key: 'continuity',
    title: 'Continuïteit',
    tables: [
      table(
        'contact_person_changes',
        'Wisselingen van contactpersoon per afgesloten dossier',
        'Dossiers die in de periode zijn afgesloten, naar het aantal keren dat de contactpersoon (casemanager) wisselde tijdens het hele dossier. Wisselingen worden vastgelegd vanaf deze versie van Nabij (migratie 0019); eerdere wisselingen zijn niet bekend.',
        [column('count', 'Dossiers', 'count'), SHARE],
        distribution(keys, labels, [c.zero, c.one, c.two_plus]),
        { chart: { kind: 'bar', column: 'count' } },
      ),
      table(
        'contact_person_summary',
        'Wisselingen van contactpersoon',
        'Het gemiddelde aantal wisselingen per dossier dat in de periode is afgesloten, en alle wisselingen in de periode (ook in dossiers die nog lopen).',
        [column('value', 'Waarde', 'number')],
        [
          row('mean', 'Gemiddeld aantal wisselingen per afgesloten dossier', [
            statCell(c.closed ? c.change_sum / c.closed : null, c.closed),
          ]),
          row('changes', 'Wisselingen in de periode', [countCell(c.changes_in_period)]),
          row('cases', 'Dossiers met een wisseling in de periode', [countCell(c.cases_changed_in_period)]),
        ],
      ),
    ],
  };
}

function normalisingSection(f: Facts): MiSection {
  const actionTable = (
    key: string,
    title: string,
    definition: string,
    dimension: 'performer' | 'service',
    labels: Record<string, string>,
  ) => {
    const keys = Object.keys(labels);
    const found = keys.map((k) => f.actions.find((r) => r.dimension === dimension && r.category === k));
    const counts = found.map((r) => r?.actions ?? 0);
    const s = suppressList(
      counts,
      found.map((r) => (r?.cases ?? 0) > 0 && (r?.cases ?? 0) < 5),
    );
    const all = f.actions.find((r) => r.dimension === 'total');
    const total = sum(counts);
    return table(
      key,
      title,
      definition,
      [column('actions', 'Acties', 'count'), SHARE, column('cases', 'Dossiers', 'count')],
      [
        ...keys.map((k, i) =>
          row(k, labels[k] ?? k, [
            s.cells[i] ?? NO_DATA,
            shareCell(counts[i] ?? 0, total, s.cells[i]?.suppressed ?? false),
            countCell(found[i]?.cases ?? 0),
          ]),
        ),
        row('total', TOTAL, [s.total, shareCell(total, total, s.total.suppressed), countCell(all?.cases ?? 0)], true),
      ],
      { chart: { kind: 'bar', column: 'share' } },
    );
  };
  const buckets = ['0', '1', '2', '3', '4+'];
  const bucketLabels: Record<string, string> = {
    '0': 'Nog zonder doelen',
    '1': 'Eén leefgebied',
    '2': 'Twee leefgebieden',
    '3': 'Drie leefgebieden',
    '4+': 'Vier of meer leefgebieden',
  };
  const bucketOf = (n: number) => (n >= 4 ? '4+' : String(n));
  const planCounts = buckets.map((b) =>
    sum(f.planDomains.filter((r) => bucketOf(r.domains) === b).map((r) => r.plans)),
  );
  return {
    key: 'normalising',
    title: 'Normaliseren en integraal werken',
    tables: [
      actionTable(
        'actions_by_performer',
        'Wie voert de acties uit?',
        'De acties in de plannen die in de periode golden (per dossier de laatste afgesproken versie op of vóór het einde van de periode), naar wie ze uitvoert: het huishouden zelf, familie of mantelzorger, het netwerk of vrijwilligers, of professionals.',
        'performer',
        PERFORMER_GROUP,
      ),
      actionTable(
        'actions_by_service',
        'Welke voorzieningen worden ingezet?',
        'Dezelfde acties, naar het soort voorziening uit de sociale kaart: algemene (collectieve) voorzieningen en groepsaanbod tegenover maatwerkvoorzieningen.',
        'service',
        SERVICE_TYPE,
      ),
      table(
        'plan_domains',
        'Integraal plan: leefgebieden per plan',
        'De plannen die in de periode golden, naar het aantal verschillende leefgebieden waarop ze doelen hebben.',
        [column('count', 'Plannen', 'count'), SHARE],
        distribution(buckets, bucketLabels, planCounts),
        { chart: { kind: 'bar', column: 'count' } },
      ),
    ],
  };
}

function signalSection(f: Facts): MiSection {
  const kinds = Object.keys(SIGNAL_KIND);
  const matrix = kinds.map((k) => {
    const rows = f.signals.filter((s) => s.kind === k);
    const forwarded = sum(rows.map((r) => r.forwarded));
    return [forwarded, sum(rows.map((r) => r.n)) - forwarded];
  });
  const m = suppressMatrix(matrix);
  const domainOrder = Object.keys(LIFE_DOMAIN);
  const domains = [...new Set(f.signals.map((s) => s.life_domain))].sort(
    (a, b) => domainOrder.indexOf(a) - domainOrder.indexOf(b),
  );
  const domainCounts = domains.map((d) => sum(f.signals.filter((s) => s.life_domain === d).map((s) => s.n)));
  return {
    key: 'signals',
    title: 'Signalen naar beleid',
    tables: [
      table(
        'signals_by_kind',
        'Signalen naar beleid per soort',
        'Signalen die werkers in de periode hebben vastgelegd (zonder persoonsgegevens), per soort, en of de coördinator ze al heeft doorgezet naar de gemeente.',
        [
          column('forwarded', 'Doorgezet naar de gemeente', 'count'),
          column('open', 'Nog niet doorgezet', 'count'),
          column('total', TOTAL, 'count'),
        ],
        [
          ...kinds.map((k, i) => row(k, SIGNAL_KIND[k] ?? k, [...(m.cells[i] ?? []), m.rowTotals[i] ?? NO_DATA])),
          row('total', TOTAL, [...m.colTotals, m.grandTotal], true),
        ],
        { chart: { kind: 'bar', column: 'total' } },
      ),
      table(
        'signals_by_domain',
        'Signalen naar beleid per leefgebied',
        'Dezelfde signalen, per leefgebied waarop het knelpunt ligt.',
        [COUNT, SHARE],
        distribution(domains, LIFE_DOMAIN, domainCounts),
        { chart: { kind: 'bar', column: 'count' } },
      ),
    ],
  };
}

/** Every section of the dashboard; `perWorker` adds the named caseload list (team coordinator only). */
export function buildSections(f: Facts, from: string, to: string, perWorker: boolean): MiSection[] {
  return [
    inflowSection(f, from, to),
    leadTimeSection(f),
    workloadSection(f, perWorker),
    outcomesSection(f),
    continuitySection(f),
    normalisingSection(f),
    signalSection(f),
  ];
}

/** What the issue asks that the registration cannot (yet) measure. */
export const NOT_MEASURED = [
  {
    key: 'savings',
    title: 'Maatschappelijke baten (voorkomen huisuitzettingen, schooluitval, escalaties)',
    reason:
      'Nabij registreert geen uitkomsten buiten het dossier (zoals een voorkomen huisuitzetting) en geen kosten; dit vraagt een koppeling met gegevens van partners of een apart onderzoek.',
  },
  {
    key: 'second_line',
    title: 'Minder druk op de tweede lijn',
    reason:
      'Alleen zichtbaar als doorverwijzingen (reden van afsluiten) en opschaalbesluiten in het dossier; het gebruik van specialistische zorg zelf is niet bekend.',
  },
  {
    key: 'experience',
    title: 'Ervaring van inwoners (cliëntervaring)',
    reason:
      'Er is nog geen vragenlijst voor inwoners; de basishouding en maatwerk zijn daarom alleen via de zelfevaluatie in de kwaliteitsspiegel te volgen.',
  },
  {
    key: 'contact_person_history',
    title: 'Wisselingen van contactpersoon vóór deze versie',
    reason:
      'De geschiedenis van de contactpersoon wordt pas bijgehouden sinds deze versie; eerder afgesloten dossiers tellen als zonder wisseling.',
  },
];

// ---------- the quality mirror's headline figures ----------
export interface Indicator {
  label: string;
  unit: MiUnit;
  cell: MiCell;
  tableKey: string | null;
}

/** Per effective element the figures from the registration that say something about it, and what they cannot say. */
export function mirrorIndicators(
  f: Facts,
): Record<QualityElement, { indicators: Indicator[]; limitation: string | null }> {
  const ind = (label: string, unit: MiUnit, cell: MiCell, tableKey: string | null): Indicator => ({
    label,
    unit,
    cell,
    tableKey,
  });
  const referrals = sum(f.inflow.map((r) => r.n));
  const bySelf = sum(f.inflow.filter((r) => r.referrer_kind === 'self').map((r) => r.n));
  const lowThreshold = sum(
    f.inflow.filter((r) => ['walk_in', 'phone', 'volunteer_handover'].includes(r.channel)).map((r) => r.n),
  );
  const decided = sum(f.decisions.map((r) => r.n));
  const discussed = sum(f.decisions.map((r) => r.discussed));
  const lettered = sum(f.decisions.map((r) => r.letters));
  const step = (s: string) => {
    const bins = f.leadTimes.filter((r) => r.step === s).map((r) => ({ value: r.days, count: r.n }));
    return { ...summary(bins), within: sum(f.leadTimes.filter((r) => r.step === s).map((r) => r.within_norm)) };
  };
  const contact = step('assignment_contact');
  const assign = step('decision_assignment');
  const analysis = step('assignment_plan');
  const consult = summary(f.consultations.map((r) => ({ value: r.days, count: r.n })));
  const closuresAll = sum(f.closures.map((r) => r.n));
  const toWatch = sum(f.closures.filter((r) => r.outcome === 'watch').map((r) => r.n));
  const referredElsewhere = sum(f.closures.filter((r) => r.reason === 'referred_elsewhere').map((r) => r.n));
  const warm = sum(f.closures.filter((r) => r.reason === 'referred_elsewhere').map((r) => r.warm_handover));
  const performer = (k: string) => f.actions.find((r) => r.dimension === 'performer' && r.category === k)?.actions ?? 0;
  const service = (k: string) => f.actions.find((r) => r.dimension === 'service' && r.category === k)?.actions ?? 0;
  const allActions = f.actions.find((r) => r.dimension === 'total')?.actions ?? 0;
  const light = performer('household') + performer('family') + performer('network');
  const withService = service('general') + service('group') + service('tailored');
  const plans = sum(f.planDomains.map((r) => r.plans));
  const multi = sum(f.planDomains.filter((r) => r.domains >= 2).map((r) => r.plans));
  const domainSum = sum(f.planDomains.map((r) => r.domains * r.plans));
  const ownPlans = sum(f.planDomains.map((r) => r.own_plans));
  const c = f.continuity;
  const cov = f.zrmCoverage;
  const e = f.evaluations;
  const homeVisits =
    f.contacts.cases === 0
      ? NO_DATA
      : f.contacts.cases < 5 || isSmall(f.contacts.home_visit_cases)
        ? FEW_CASES
        : shareCell(f.contacts.home_visits, f.contacts.contacts);
  const selfOnly =
    'Niet uit de registratie af te leiden zonder extra registratie; volg dit element met de zelfevaluatie (en bijvoorbeeld cliëntervaringen).';
  return {
    basic_attitude: { indicators: [], limitation: selfOnly },
    continuity: {
      indicators: [
        ind(
          'Opnieuw aangemeld binnen één jaar na afsluiting (% van de aanmeldingen)',
          'percent',
          shareCell(f.reReferrals.within_one_year, f.reReferrals.referrals),
          're_referrals',
        ),
        ind(
          'Heropende dossiers in de periode',
          'count',
          countCell(f.watch.reactivated_from_watch + f.watch.reactivated_from_closed),
          'watch_and_return',
        ),
        ind(
          'Warme overdracht bij doorverwijzing (% van de doorverwezen dossiers)',
          'percent',
          shareCell(warm, referredElsewhere),
          'closure_reasons',
        ),
      ],
      limitation: null,
    },
    integral_plan: {
      indicators: [
        ind('Plannen met doelen op twee of meer leefgebieden (%)', 'percent', shareCell(multi, plans), 'plan_domains'),
        ind(
          'Gemiddeld aantal leefgebieden per plan',
          'number',
          statCell(plans ? domainSum / plans : null, plans),
          'plan_domains',
        ),
      ],
      limitation: null,
    },
    long_term_support: {
      indicators: [
        ind('Dossiers in de waakvlam (vandaag)', 'count', countCell(f.watch.in_watch_now), 'watch_and_return'),
        ind(
          'Afsluitingen met een waakvlam (% van de afsluitingen)',
          'percent',
          shareCell(toWatch, closuresAll),
          'closure_reasons',
        ),
      ],
      limitation: null,
    },
    normalising: {
      indicators: [
        ind(
          'Acties door het huishouden, familie, netwerk of vrijwilligers (% van de acties)',
          'percent',
          shareCell(light, allActions),
          'actions_by_performer',
        ),
        ind(
          'Algemene voorzieningen en groepsaanbod (% van de acties met een voorziening)',
          'percent',
          shareCell(service('general') + service('group'), withService),
          'actions_by_service',
        ),
      ],
      limitation: null,
    },
    tailored: { indicators: [], limitation: selfOnly },
    support_nearby: {
      indicators: [ind('Huisbezoeken (% van de contacten in het journaal)', 'percent', homeVisits, null)],
      limitation: null,
    },
    open_communication: {
      indicators: [
        ind('Kernbesluiten besproken met de inwoner (%)', 'percent', shareCell(discussed, decided), 'core_decisions'),
        ind(
          'Kernbesluiten met een terugkoppelingsbrief aan de verwijzer (%)',
          'percent',
          shareCell(lettered, decided),
          'core_decisions',
        ),
      ],
      limitation: null,
    },
    quick_practical_help: {
      indicators: [
        ind('Toewijzing → eerste contact, mediaan (dagen)', 'days', statCell(contact.median, contact.n), 'lead_times'),
        ind(
          'Toegewezen op de dag van het kernbesluit (%)',
          'percent',
          shareCell(assign.within, assign.n),
          'lead_times',
        ),
      ],
      limitation: null,
    },
    quick_expertise: {
      indicators: [
        ind(
          'Vraag aan de gedragswetenschapper → advies, mediaan (dagen)',
          'days',
          statCell(consult.median, consult.n),
          null,
        ),
      ],
      limitation: null,
    },
    accessible_support: {
      indicators: [
        ind('Aanmeldingen door de inwoner zelf (%)', 'percent', shareCell(bySelf, referrals), 'inflow_referrer'),
        ind(
          'Aanmeldingen via inloop, telefoon of de balie (%)',
          'percent',
          shareCell(lowThreshold, referrals),
          'inflow_channel',
        ),
      ],
      limitation: null,
    },
    own_direction: {
      indicators: [
        ind(
          'Plannen op basis van een eigen plan van het huishouden (%)',
          'percent',
          shareCell(ownPlans, plans),
          'plan_domains',
        ),
        ind(
          'Acties die het huishouden zelf uitvoert (%)',
          'percent',
          shareCell(performer('household'), allActions),
          'actions_by_performer',
        ),
      ],
      limitation: null,
    },
    fixed_contact_person: {
      indicators: [
        ind(
          'Afgesloten dossiers zonder wisseling van contactpersoon (%)',
          'percent',
          shareCell(c.zero, c.closed),
          'contact_person_changes',
        ),
        ind(
          'Gemiddeld aantal wisselingen per afgesloten dossier',
          'number',
          statCell(c.closed ? c.change_sum / c.closed : null, c.closed),
          'contact_person_summary',
        ),
      ],
      limitation: null,
    },
    question_clarification: {
      indicators: [
        ind(
          'Toewijzing → plan afgesproken (analyse), mediaan (dagen)',
          'days',
          statCell(analysis.median, analysis.n),
          'lead_times',
        ),
        ind('Analyse binnen de norm (%)', 'percent', shareCell(analysis.within, analysis.n), 'lead_times'),
      ],
      limitation: null,
    },
    working_with_methods: {
      indicators: [
        ind(
          'Afgesloten dossiers met ZRM bij start en afsluiting (%)',
          'percent',
          shareCell(cov.with_pair, cov.closed),
          'zrm_coverage',
        ),
        ind('Evaluaties op tijd (%)', 'percent', shareCell(e.on_time, e.held), 'evaluations'),
      ],
      limitation: null,
    },
  };
}
