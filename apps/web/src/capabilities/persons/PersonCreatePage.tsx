import { createPersonRequest, duplicatesResponse, type PersonSummary, type PersonView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { MinorBadge } from './MinorBadge';
import { PersonForm } from './PersonForm';
import { EMPTY_PERSON, formValuesToInput, PERSON_FIELDS, type PersonFormValues } from './person-form-values';
import { formatAddress, formatDate } from './person-format';

export interface PersonCreatedState {
  created: true;
}

function DuplicateList({ duplicates }: { duplicates: readonly PersonSummary[] }) {
  return (
    <UnorderedList>
      {duplicates.map((person) => {
        const details = [
          formatDate(person.dateOfBirth),
          formatAddress({ postcode: person.postcode, houseNumber: person.houseNumber }),
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <UnorderedListItem key={person.id}>
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`/personen/${encodeURIComponent(person.id)}`}
              target="_blank"
              rel="noopener"
            >
              {person.fullName}
              <span className="nabij-visually-hidden"> {t('common.opensInNewTab')}</span>
            </a>
            {person.isMinor ? <MinorBadge /> : null}
            {details ? ` (${details})` : null}
          </UnorderedListItem>
        );
      })}
    </UnorderedList>
  );
}

/** Registering a new person, with a check for likely duplicates. */
export function PersonCreatePage() {
  usePageTitle(t('create.title'));
  const navigate = useNavigate();
  const [values, setValues] = useState<PersonFormValues>(EMPTY_PERSON);
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<PersonSummary[] | undefined>(undefined);
  const [bsnOwner, setBsnOwner] = useState<PersonSummary | undefined>(undefined);
  const duplicatesRef = useRef<HTMLDivElement>(null);
  const errors = useFormErrors('person', PERSON_FIELDS);

  useEffect(() => {
    if (duplicates || bsnOwner) duplicatesRef.current?.focus();
  }, [duplicates, bsnOwner]);

  const save = async (acknowledgeDuplicates: boolean) => {
    const parsed = createPersonRequest.safeParse({ ...formValuesToInput(values), acknowledgeDuplicates });
    if (!parsed.success) {
      setDuplicates(undefined);
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    setBsnOwner(undefined);
    try {
      const person = await api.post<PersonView>('/api/persons', parsed.data);
      const state: PersonCreatedState = { created: true };
      void navigate(`/personen/${encodeURIComponent(person.id)}`, { state });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'possible_duplicate') {
        const body = duplicatesResponse.safeParse(error.body);
        errors.clear();
        setDuplicates(body.success ? (body.data.duplicates ?? []) : []);
      } else if (error instanceof ApiError && error.code === 'bsn_exists') {
        // The BSN is known: no new person, but a link to the one who has it.
        const body = duplicatesResponse.safeParse(error.body);
        errors.clear();
        setDuplicates(undefined);
        setBsnOwner(body.success ? body.data.person : undefined);
        if (!body.success || !body.data.person) errors.showError(error);
      } else {
        setDuplicates(undefined);
        errors.showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('create.title')}</PageHeading>
      <Paragraph>{t('create.intro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {bsnOwner ? (
        <div ref={duplicatesRef} tabIndex={-1} className="nabij-duplicates">
          <Alert type="error">
            <Heading2>{t('create.bsnExistsHeading')}</Heading2>
            <Paragraph>{t('error.bsn_exists')}</Paragraph>
            <DuplicateList duplicates={[bsnOwner]} />
          </Alert>
        </div>
      ) : null}
      {duplicates ? (
        <div ref={duplicatesRef} tabIndex={-1} className="nabij-duplicates">
          <Alert type="warning">
            <Heading2>{t('create.duplicatesHeading')}</Heading2>
            <Paragraph>{t('error.possible_duplicate')}</Paragraph>
            <DuplicateList duplicates={duplicates} />
            <Paragraph>{t('create.duplicatesHint')}</Paragraph>
            <ButtonGroup>
              <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void save(true)}>
                {t('create.acknowledge')}
              </Button>
            </ButtonGroup>
          </Alert>
        </div>
      ) : null}
      <PersonForm
        values={values}
        onChange={(next) => {
          setValues(next);
          if (duplicates) setDuplicates(undefined);
          if (bsnOwner) setBsnOwner(undefined);
        }}
        errors={errors}
        busy={busy}
        submitLabel={t('create.submit')}
        onSubmit={() => void save(false)}
        onCancel={() => void navigate('/personen')}
        labelledBy="page-heading"
      />
    </>
  );
}
