/**
 * Plain Dutch for residents (issue #19 item 5, ADR 0040): every e-mail and letter text that can reach a resident —
 * the confirmation of the public form (a resident may refer themselves), the letters after the intake meeting and at
 * closure (built-in templates and the phrases filled into them), the login code, the welcome to Mijn Nabij, the
 * notice of a letter waiting there, the new contact person — and the access log's texts that Mijn Nabij shows in
 * "Wie heeft mijn dossier bekeken", are free of the jargon in `RESIDENT_JARGON`.
 */
import { ACCESS_EVENT_TEXT, findJargon, PLAIN_DOMAIN_LABELS } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { newContactPersonMail } from '../src/capabilities/coordination/staff-changes';
import { referralReceivedMail } from '../src/capabilities/intake/receive-referral';
import { CORE_DECISION_LABELS } from '../src/capabilities/intake/intake-meeting';
import { CLOSE_REASON_LABELS, DEFAULT_TEMPLATES, interpreterLine } from '../src/capabilities/intake/letters';
import { letterWaitingMail } from '../src/capabilities/lifecycle/closure-letters';
import {
  CHECK_IN_WAY_TEXT,
  CONCLUSION_TEXT,
  GOAL_STATUS_TEXT,
  reasonText,
  resultsText,
} from '../src/capabilities/lifecycle/labels';
import { loginCodeMail } from '../src/capabilities/resident/log-in-with-code';
import { welcomeMail } from '../src/capabilities/resident/portal-staff';

const mails = {
  referralReceived: referralReceivedMail({
    name: 'Mira Jacobs',
    team: 'Wijkteam Noord',
    reference: 'AM-2026-00042',
    municipality: 'Gemeente Voorbeeld',
  }),
  loginCode: loginCodeMail('123456', 'Gemeente Voorbeeld'),
  welcome: welcomeMail('https://nabij.example', 'Gemeente Voorbeeld'),
  letterWaiting: letterWaitingMail('https://nabij.example'),
  newContactPerson: newContactPersonMail({
    team: 'Wijkteam Noord',
    teamPhone: '030-1234567',
    next: 'Sanne de Boer',
    previous: 'Ahmed Yilmaz',
  }),
};

function jargonIn(texts: Record<string, string>): Array<{ where: string; jargon: string[] }> {
  return Object.entries(texts)
    .map(([where, text]) => ({ where, jargon: findJargon(text) }))
    .filter((x) => x.jargon.length > 0);
}

describe('plain Dutch in what residents receive', () => {
  it('e-mails to residents', () => {
    expect(
      jargonIn(
        Object.fromEntries(
          Object.entries(mails).flatMap(([k, m]) => [
            [`${k}.subject`, m.subject],
            [`${k}.text`, m.text],
          ]),
        ),
      ),
    ).toEqual([]);
  });

  it('the built-in letter templates and what is filled into them', () => {
    const templates = Object.fromEntries(
      Object.entries(DEFAULT_TEMPLATES).flatMap(([k, tpl]) => [
        [`${k}.subject`, tpl.subject],
        [`${k}.body`, tpl.body],
      ]),
    );
    const phrases = {
      ...Object.fromEntries(Object.entries(CORE_DECISION_LABELS).map(([k, v]) => [`besluit.${k}`, v])),
      ...Object.fromEntries(Object.entries(CLOSE_REASON_LABELS).map(([k, v]) => [`closeReason.${k}`, v])),
      ...Object.fromEntries(
        Object.entries({ ...CONCLUSION_TEXT, ...GOAL_STATUS_TEXT, ...CHECK_IN_WAY_TEXT }).map(([k, v]) => [
          `lifecycle.${k}`,
          v,
        ]),
      ),
      ...Object.fromEntries(
        ['goals_reached', 'referred_elsewhere', 'household_stopped', 'no_contact_after_outreach', 'moved'].map((r) => [
          `reden.${r}`,
          reasonText(r, null, null),
        ]),
      ),
      resultaten: resultsText(
        [{ goal: 'Rust in de administratie', status: 'partly', result: 'Post wordt wekelijks geopend.' }],
        true,
      ),
      tolk: interpreterLine({ interpreterNeeded: true, languages: ['Arabisch'] }, 'Mira Jacobs'),
      ...Object.fromEntries(Object.entries(PLAIN_DOMAIN_LABELS).map(([k, v]) => [`domain.${k}`, v])),
    };
    expect(Object.keys(templates).length).toBeGreaterThanOrEqual(14);
    expect(jargonIn({ ...templates, ...phrases })).toEqual([]);
  });

  it('the access log as Mijn Nabij shows it', () => {
    expect(Object.keys(ACCESS_EVENT_TEXT).length).toBeGreaterThan(100);
    expect(jargonIn({ ...ACCESS_EVENT_TEXT })).toEqual([]);
  });
});
