// The workloads: what a user of a given role does, as HTTP requests (for autocannon and for capturing the SQL).
import { municipalDate } from '../apps/api/src/shared/clock';
import type { Participants } from './participants';

export interface BenchRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** One logged-in user and the requests that user's connection cycles through. */
export interface UserScript {
  username: string;
  requests: BenchRequest[];
}

export interface Workload {
  name: string;
  /** What it is, in the words of the docs. */
  title: string;
  /** The route as registered (checked against the OpenAPI document of the running app). */
  route: { method: 'GET' | 'POST'; path: string };
  kind: 'read' | 'write';
  connections: number;
  /** p99 target in ms at `large` on the server (issue #10). */
  p99TargetMs: number;
  scripts(p: Participants): UserScript[];
}

const ZRM_NOTE = 'Tussenmeting (benchmark).';

export function workloads(connections: number, dashboardConnections: number): Workload[] {
  const today = municipalDate(new Date());
  return [
    {
      name: 'caseload',
      title: '"Mijn werk": the worker\'s open case files',
      route: { method: 'GET', path: '/api/cases/mine' },
      kind: 'read',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.workers.map((w) => ({ username: w.username, requests: [{ method: 'GET', path: '/api/cases/mine' }] })),
    },
    {
      name: 'case-overview',
      title: "opening a case file (overview), rotating over the worker's open case files",
      route: { method: 'GET', path: '/api/cases/{id}' },
      kind: 'read',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.workers.map((w) => ({
          username: w.username,
          requests: w.openCaseIds.map((id) => ({ method: 'GET', path: `/api/cases/${id}` })),
        })),
    },
    {
      name: 'person-search',
      title: 'person search: a third by name fragment, a third by date of birth, a third by BSN',
      route: { method: 'POST', path: '/api/persons/search' },
      kind: 'read',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.workers.map((w, i) => {
          const list = p.searches.get(w.tenantId) ?? [];
          // Each connection starts at another place in the list, so the mix is the same on every connection.
          const rotated = [
            ...list.slice((i * 7) % Math.max(1, list.length)),
            ...list.slice(0, (i * 7) % Math.max(1, list.length)),
          ];
          return {
            username: w.username,
            requests: rotated.map((body) => ({ method: 'POST', path: '/api/persons/search', body })),
          };
        }),
    },
    {
      name: 'intake-inbox',
      title: "the intake desk's inbox of open referrals",
      route: { method: 'GET', path: '/api/referrals' },
      kind: 'read',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.desks.map((d) => ({ username: d.username, requests: [{ method: 'GET', path: '/api/referrals' }] })),
    },
    {
      name: 'log-contact',
      title: 'logging a contact (write, with its access-log rows)',
      route: { method: 'POST', path: '/api/cases/{id}/contacts' },
      kind: 'write',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.workers.map((w) => ({
          username: w.username,
          requests: w.cases.map((c) => ({
            method: 'POST',
            path: `/api/cases/${c.id}/contacts`,
            body: {
              kind: 'phone',
              contactOn: today,
              durationMinutes: 15,
              note: 'Telefonisch contact, afspraak bevestigd (benchmark).',
            },
          })),
        })),
    },
    {
      name: 'score-zrm',
      title: 'scoring a ZRM for the primary person (write)',
      route: { method: 'POST', path: '/api/cases/{id}/zrm' },
      kind: 'write',
      connections,
      p99TargetMs: 50,
      scripts: (p) =>
        p.workers.map((w) => ({
          username: w.username,
          requests: w.cases.map((c) => ({
            method: 'POST',
            path: `/api/cases/${c.id}/zrm`,
            body: {
              personId: c.personId,
              instrument: 'zrm2017',
              kind: 'interim',
              assessedOn: today,
              // A reason is given for every domain, so the score is valid whatever the help question was.
              scores: [
                { domain: 'finances', score: 3, note: ZRM_NOTE, outOfScopeReason: 'Besproken in het gesprek.' },
                { domain: 'housing', score: 4, outOfScopeReason: 'Besproken in het gesprek.' },
                { domain: 'social_network', score: 3, outOfScopeReason: 'Besproken in het gesprek.' },
              ],
            },
          })),
        })),
    },
    {
      name: 'dashboard',
      title: "the coordinator's dashboard (management information of the own team, default period)",
      route: { method: 'GET', path: '/api/management-information/dashboard' },
      kind: 'read',
      connections: dashboardConnections,
      p99TargetMs: 300,
      scripts: (p) =>
        p.coordinators.map((c) => ({
          username: c.username,
          requests: [{ method: 'GET', path: '/api/management-information/dashboard' }],
        })),
    },
  ];
}
