/** Issue #19 (measures): ZRM scoring by keyboard — a digit chooses the level and moves focus on to the next domain. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { t } from '../../app/i18n';
import { emptyZrmForm, orderedDomains, zrmKeyAction } from './zrm-form';
import type { ZrmHistory } from './case-format';
import { Levels } from './ZrmScoringPage';
import { HistoryTable } from './ZrmSection';

const order = orderedDomains('zrm2017', ['finances', 'housing']);
const values = () => emptyZrmForm('p1', 'start', '2026-12-07');

describe('ZRM scoring by keyboard', () => {
  it('chooses the level of a digit and moves focus to the next domain, on its checked radio button', () => {
    expect(order.slice(0, 3).map((d) => d.domain)).toEqual(['finances', 'housing', 'work_education']);
    expect(zrmKeyAction({ key: '2' }, 'finances', values(), order)).toEqual({
      score: '2',
      focus: { domain: 'housing', score: '' },
    });
    const v = values();
    v.rows.work_education = { score: '4', note: '', outOfScopeReason: '' };
    expect(zrmKeyAction({ key: '0' }, 'housing', v, order)).toEqual({
      score: '',
      focus: { domain: 'work_education', score: '4' },
    });
  });

  it('after the last domain goes to the reason when a domain outside the help question is scored, else to the submit button', () => {
    const last = order.at(-1)?.domain ?? '';
    expect(order.at(-1)?.inQuestion).toBe(false);
    expect(zrmKeyAction({ key: '5' }, last, values(), order)).toEqual({ score: '5', focus: 'reason' });
    expect(zrmKeyAction({ key: '0' }, last, values(), order)).toEqual({ score: '', focus: 'submit' });
    const inQuestionOnly = orderedDomains('zrm2017', ['finances']).filter((d) => d.inQuestion);
    expect(zrmKeyAction({ key: '3' }, 'finances', values(), inQuestionOnly)).toEqual({ score: '3', focus: 'submit' });
  });

  it('leaves the standard radio-group keys and any key with a modifier to the browser', () => {
    for (const key of ['ArrowDown', 'ArrowLeft', ' ', 'Tab', 'Enter', '6', 'a'])
      expect(zrmKeyAction({ key }, 'finances', values(), order)).toBeUndefined();
    expect(zrmKeyAction({ key: '3', altKey: true }, 'finances', values(), order)).toBeUndefined();
    expect(zrmKeyAction({ key: '3', ctrlKey: true }, 'finances', values(), order)).toBeUndefined();
    expect(zrmKeyAction({ key: '3', metaKey: true }, 'finances', values(), order)).toBeUndefined();
  });

  it('announces the keyboard path in the page hint, and the levels box lists the five levels', () => {
    expect(t('zrmForm.keyboard')).toContain('gaat door naar het volgende leefgebied');
    expect(t('zrmForm.keyboard')).toContain('alleen in de niveaus van een leefgebied');
    const html = renderToStaticMarkup(<Levels withCriteria={false} />);
    expect(html).toContain('Volledig zelfredzaam');
  });
});

describe('the ZRM history table on the case', () => {
  it('scrolls in a region that keyboard users can reach (a wide table on a phone)', () => {
    const history = {
      personId: 'p1',
      personName: 'Petra de Vries',
      columns: [
        {
          id: 'a1',
          personId: 'p1',
          kind: 'start',
          assessedOn: '2026-12-07',
          instrument: 'zrm2017',
          scores: [{ domain: 'justice', score: 4, note: null, outOfScopeReason: 'Alles besproken.' }],
        },
      ],
      rows: [{ domain: 'justice', scores: [4] }],
    } as unknown as ZrmHistory;
    const html = renderToStaticMarkup(<HistoryTable history={history} />);
    expect(html).toMatch(
      /<div class="nabij-table-scroll" tabindex="0" role="region" aria-label="ZRM van Petra de Vries">/,
    );
    expect(html).toContain('Buiten de hulpvraag: Alles besproken.');
  });
});
