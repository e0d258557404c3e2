import {
  formatPhoneNumber,
  MERGE_FIELD_GROUPS,
  mergePersonsRequest,
  type MergeChoice,
  type MergeFieldGroup,
  type MergePreview,
  type PersonMergeView,
  type PersonSummary,
  type PersonView,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import { hasMessage, t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../intake/intake-format';
import { formatAddress, formatDate } from './person-format';

/** What a group of fields shows for one person in the comparison. */
function shownValue(group: MergeFieldGroup, p: PersonView): string {
  const value = {
    name: p.fullName,
    dateOfBirth: p.dateOfBirth ? formatDate(p.dateOfBirth) : '',
    address: formatAddress(p),
    phone: formatPhoneNumber(p.phone),
    email: p.email ?? '',
    language: [p.preferredLanguage, p.interpreterNeeded ? t('merge.interpreter') : ''].filter(Boolean).join(', '),
  }[group];
  return value || t('common.unknown');
}

const describe = (p: PersonSummary) =>
  [p.fullName, formatDate(p.dateOfBirth), formatAddress({ postcode: p.postcode, houseNumber: p.houseNumber })]
    .filter(Boolean)
    .join(', ');
const tableLabel = (table: string) =>
  hasMessage(`merge.table.${table}`) ? t(`merge.table.${table}`) : t('merge.table.other', { table });
const ALL_THIS: Record<MergeFieldGroup, MergeChoice> = {
  name: 'this',
  dateOfBirth: 'this',
  address: 'this',
  phone: 'this',
  email: 'this',
  language: 'this',
};

/** Step 1: choose the other record (the likely duplicates, or found by name). */
function ChooseOther({
  person,
  onChosen,
  onCancel,
}: {
  person: PersonView;
  onChosen: (otherId: string) => void;
  onCancel: () => void;
}) {
  const candidates = useResource<{ results: PersonSummary[] }>(
    `/api/persons/${encodeURIComponent(person.id)}/merge-candidates`,
  );
  const [found, setFound] = useState<PersonSummary[]>([]);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const errors = useFormErrors('merge-choose', ['other']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const search = async () => {
    try {
      const r = await api.post<{ results: PersonSummary[] }>('/api/persons/search', { name });
      setFound(r.results.filter((p) => p.id !== person.id));
      errors.clear();
    } catch (error) {
      errors.showError(error);
    }
  };
  const shown = [...(candidates.status === 'ready' ? candidates.data.results : []), ...found].filter(
    (p, i, all) => all.findIndex((x) => x.id === p.id) === i,
  );

  return (
    <section aria-labelledby="merge-heading" className="nabij-section">
      <Heading2 id="merge-heading" ref={heading} tabIndex={-1}>
        {t('merge.heading', { name: person.fullName })}
      </Heading2>
      <Paragraph>{t('merge.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {candidates.status === 'loading' ? <Loading /> : null}
      {candidates.status === 'ready' && candidates.data.results.length === 0 ? (
        <Paragraph>{t('merge.noCandidates')}</Paragraph>
      ) : null}
      <form
        role="search"
        aria-label={t('merge.searchLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <TextField
          id="merge-search"
          label={t('merge.searchLabel')}
          value={name}
          onValueChange={setName}
          autoComplete="off"
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('merge.search')}
          </Button>
        </ButtonGroup>
      </form>
      {shown.length > 0 ? (
        <RadioGroupField
          id="merge-choose-other"
          legend={t('merge.chooseLegend')}
          value={chosen}
          choices={shown.map((p) => ({ value: p.id, label: describe(p) }))}
          onValueChange={setChosen}
          error={errors.fieldErrors.other}
        />
      ) : null}
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          onClick={() => {
            if (!chosen) errors.showIssues([{ path: ['other'], message: t('merge.chooseFirst') }]);
            else onChosen(chosen);
          }}
        >
          {t('merge.compare')}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** Step 2: both side by side, the values to keep, what moves, and the confirmation. */
function Compare({
  person,
  otherId,
  onMerged,
  onBack,
}: {
  person: PersonView;
  otherId: string;
  onMerged: (reference: string) => void;
  onBack: () => void;
}) {
  const [preview, setPreview] = useState<MergePreview | undefined>(undefined);
  const [keep, setKeep] = useState<Record<MergeFieldGroup, MergeChoice>>(ALL_THIS);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('merge', ['confirm']);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    api
      .post<MergePreview>(`/api/persons/${encodeURIComponent(person.id)}/merge-preview`, { otherId })
      .then((p) => {
        setPreview(p);
        window.setTimeout(() => heading.current?.focus(), 0);
      })
      .catch((error: unknown) => errors.showError(error));
  }, [person.id, otherId]);

  const merge = async () => {
    if (!preview) return;
    const parsed = mergePersonsRequest.safeParse({
      otherId,
      version: preview.person.version,
      otherVersion: preview.other.version,
      keep,
      ...(confirmed ? { confirm: true } : {}),
    });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ reference: string }>(
        `/api/persons/${encodeURIComponent(person.id)}/merge`,
        parsed.data,
      );
      onMerged(r.reference);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!preview) {
    return (
      <section className="nabij-section">
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        {errors.message ? null : <Loading />}
      </section>
    );
  }
  return (
    <section aria-labelledby="merge-compare-heading" className="nabij-section">
      <Heading2 id="merge-compare-heading" ref={heading} tabIndex={-1}>
        {t('merge.compareHeading')}
      </Heading2>
      <Paragraph>{t('merge.compareIntro', { kept: preview.person.fullName, other: preview.other.fullName })}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {preview.blocked ? (
        <Alert type="error">
          <Paragraph>{t(`error.${preview.blocked}`)}</Paragraph>
        </Alert>
      ) : null}
      {MERGE_FIELD_GROUPS.map((group) => {
        const mine = shownValue(group, preview.person);
        const theirs = shownValue(group, preview.other);
        if (mine === theirs) return null;
        return (
          <RadioGroupField
            key={group}
            id={`merge-keep-${group}`}
            legend={t(`merge.group.${group}`)}
            value={keep[group]}
            choices={[
              { value: 'this', label: t('merge.keepThis', { value: mine }) },
              { value: 'other', label: t('merge.keepOther', { value: theirs }) },
            ]}
            onValueChange={(v) => setKeep((k) => ({ ...k, [group]: v as MergeChoice }))}
          />
        );
      })}
      <Paragraph>{preview.person.bsn || preview.other.bsn ? t('merge.bsnKept') : null}</Paragraph>
      <Heading3>{t('merge.movesHeading')}</Heading3>
      {preview.references.length === 0 ? (
        <Paragraph>{t('merge.movesNone')}</Paragraph>
      ) : (
        <UnorderedList>
          {preview.references.map((r) => (
            <UnorderedListItem key={r.table}>
              {t('merge.moves', { what: tableLabel(r.table), count: r.count })}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {preview.blocked ? null : (
        <>
          <CheckboxField
            id="merge-confirm"
            label={t('merge.confirm')}
            checked={confirmed}
            onCheckedChange={setConfirmed}
            error={errors.fieldErrors.confirm}
          />
          <Paragraph>{t('merge.undoHint')}</Paragraph>
        </>
      )}
      <ButtonGroup>
        {preview.blocked ? null : (
          <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void merge()}>
            {t('merge.submit')}
          </Button>
        )}
        <Button appearance="subtle-button" onClick={onBack}>
          {t('merge.back')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** "Samenvoegen met…" on a person's page: choose the duplicate, compare, confirm. */
export function MergePersons({
  person,
  onMerged,
  onClose,
}: {
  person: PersonView;
  onMerged: (reference: string) => void;
  onClose: () => void;
}) {
  const [otherId, setOtherId] = useState<string | undefined>(undefined);
  return otherId ? (
    <Compare person={person} otherId={otherId} onMerged={onMerged} onBack={() => setOtherId(undefined)} />
  ) : (
    <ChooseOther person={person} onChosen={setOtherId} onCancel={onClose} />
  );
}

/** The merges this person was part of: "samengevoegd met …", and whether it was undone. */
export function MergeHistory({ personId, generation }: { personId: string; generation: number }) {
  const merges = useResource<{ merges: PersonMergeView[] }>(
    `/api/persons/${encodeURIComponent(personId)}/merges?v=${generation}`,
  );
  if (merges.status !== 'ready' || merges.data.merges.length === 0) return null;
  return (
    <section aria-labelledby="merge-history-heading" className="nabij-section">
      <Heading2 id="merge-history-heading">{t('merge.historyHeading')}</Heading2>
      <UnorderedList>
        {merges.data.merges.map((m) => {
          const other = (m.keptPersonId === personId ? m.mergedPersonName : m.keptPersonName) ?? t('common.unknown');
          return (
            <UnorderedListItem key={m.id}>
              {t('merge.historyItem', {
                name: other,
                at: formatDateTime(m.mergedAt),
                by: m.mergedByName,
                reference: m.reference,
              })}
              {m.undoneAt
                ? ` ${t('merge.historyUndone', { at: formatDateTime(m.undoneAt), by: m.undoneByName ?? '', reason: m.undoReason ?? '' })}`
                : null}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </section>
  );
}
