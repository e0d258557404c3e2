import { updatePersonRequest, type PersonView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { Households } from './Households';
import { MergeHistory, MergePersons } from './MergePersons';
import { PersonDetails } from './PersonDetails';
import { PersonForm } from './PersonForm';
import {
  changedFields,
  formValuesToUpdate,
  PERSON_FIELDS,
  personToFormValues,
  type PersonFormValues,
} from './person-form-values';

function shown(field: keyof PersonFormValues, values: PersonFormValues): string {
  const value = values[field];
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (field === 'noFixedAddress') return value ? t(`noFixedAddress.${value}`) : t('public.addressSituationFixed');
  return value.trim() || t('common.empty');
}

/** After a version conflict: the user's typed values next to the newest saved ones. */
function ConflictComparison({ mine, theirs }: { mine: PersonFormValues; theirs: PersonFormValues }) {
  const fields = changedFields(mine, theirs);
  if (fields.length === 0) return <Paragraph>{t('edit.conflictSame')}</Paragraph>;
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption>{t('edit.conflictCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('edit.field')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('edit.yourValue')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('edit.savedValue')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field}>
              <TableHeaderCell scope="row" data-label={t('edit.field')}>
                {t(`person.${field}`)}
              </TableHeaderCell>
              <TableCell data-label={t('edit.yourValue')}>{shown(field, mine)}</TableCell>
              <TableCell data-label={t('edit.savedValue')}>{shown(field, theirs)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * The form's values with the full BSN: the API sends it masked (ADR 0051), so editing asks for it once through the
 * logged "Toon BSN" route (purpose `edit`) — only the roles that may change persons ever edit.
 */
async function editableValues(person: PersonView): Promise<PersonFormValues> {
  const values = personToFormValues(person);
  if (!person.bsn) return values;
  const { bsn } = await api.get<{ bsn: string | null }>(
    `/api/persons/${encodeURIComponent(person.id)}/bsn?purpose=edit`,
  );
  return { ...values, bsn: bsn ?? '' };
}

function EditPerson({
  person,
  onSaved,
  onNewest,
  onClose,
}: {
  person: PersonView;
  onSaved: (person: PersonView) => void;
  onNewest: (person: PersonView) => void;
  onClose: () => void;
}) {
  const [values, setValues] = useState<PersonFormValues | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [version, setVersion] = useState(person.version);
  const [conflict, setConflict] = useState<PersonFormValues | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('edit', PERSON_FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  // The person as the editor opened: its full BSN is asked for once (a newer version after a conflict asks again).
  const opened = useRef(person);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    let current = true;
    editableValues(opened.current).then(
      (loaded) => current && setValues((v) => v ?? loaded),
      (error: unknown) => current && setLoadError(error),
    );
    return () => {
      current = false;
    };
  }, []);

  const save = async () => {
    if (!values) return;
    const parsed = updatePersonRequest.safeParse(formValuesToUpdate(values, version));
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const saved = await api.put<PersonView>(`/api/persons/${encodeURIComponent(person.id)}`, parsed.data);
      errors.clear();
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const newest = await api.get<PersonView>(`/api/persons/${encodeURIComponent(person.id)}`);
          setVersion(newest.version);
          setConflict(await editableValues(newest));
          onNewest(newest);
        } catch (reloadError) {
          errors.showError(reloadError);
          return;
        }
        errors.showMessage(t('edit.conflictMessage'));
      } else {
        errors.showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="person-edit-heading" className="nabij-section nabij-edit">
      <Heading2 id="person-edit-heading" ref={heading} tabIndex={-1}>
        {t('edit.heading')}
      </Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {loadError !== undefined ? (
        <Alert type="error">
          <Paragraph>{errorText(loadError)}</Paragraph>
        </Alert>
      ) : null}
      {conflict && values ? (
        <div className="nabij-conflict">
          <ConflictComparison mine={values} theirs={conflict} />
          <ButtonGroup>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                setValues(conflict);
                setConflict(undefined);
                errors.clear();
              }}
            >
              {t('edit.takeSaved')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
      {values ? (
        <PersonForm
          values={values}
          onChange={setValues}
          errors={errors}
          busy={busy}
          submitLabel={conflict ? t('edit.submitMine') : t('edit.submit')}
          onSubmit={() => void save()}
          onCancel={onClose}
          labelledBy="person-edit-heading"
          withEstimates
        />
      ) : loadError === undefined ? (
        <Loading />
      ) : null}
    </section>
  );
}

/** One person: details, editing, households. */
export function PersonPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const person = useResource<PersonView>(`/api/persons/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  const [merging, setMerging] = useState(false);
  const [mergedReference, setMergedReference] = useState<string | undefined>(undefined);
  const [mergeGeneration, setMergeGeneration] = useState(0);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const justCreated = typeof location.state === 'object' && location.state !== null && 'created' in location.state;
  const editButton = useRef<HTMLButtonElement>(null);
  usePageTitle(person.status === 'ready' ? person.data.fullName : t('personPage.title'));

  useEffect(() => {
    setEditing(false);
    setSavedNotice(false);
    setMerging(false);
    setMergedReference(undefined);
  }, [id]);

  const closeEditor = () => {
    setEditing(false);
    window.setTimeout(() => editButton.current?.focus(), 0);
  };

  const notFound = person.status === 'failed' && person.error instanceof ApiError && person.error.status === 404;
  // A person merged into another one: the old page leads to the person it became part of.
  const mergedInto =
    person.status === 'failed' &&
    person.error instanceof ApiError &&
    person.error.code === 'person_merged' &&
    typeof person.error.body.personId === 'string'
      ? person.error.body.personId
      : undefined;

  return (
    <>
      <PageHeading>
        {person.status === 'ready'
          ? person.data.fullName
          : notFound
            ? t('personPage.notFoundTitle')
            : t('personPage.title')}
      </PageHeading>
      {person.status === 'loading' ? <Loading /> : null}
      {person.status === 'failed' ? (
        <>
          <Alert type="error">
            <Paragraph>{errorText(person.error)}</Paragraph>
          </Alert>
          <Paragraph>
            {mergedInto ? (
              <AppLink to={`/personen/${encodeURIComponent(mergedInto)}`}>{t('merge.goToKept')}</AppLink>
            ) : (
              <AppLink to="/personen">{t('personPage.backToSearch')}</AppLink>
            )}
          </Paragraph>
        </>
      ) : null}
      {person.status === 'ready' ? (
        <>
          {justCreated && !savedNotice ? (
            <Alert type="ok">
              <Paragraph>{t('personPage.created')}</Paragraph>
            </Alert>
          ) : null}
          {mergedReference ? (
            <Alert type="ok">
              <Paragraph>{t('merge.done', { reference: mergedReference })}</Paragraph>
            </Alert>
          ) : null}
          {savedNotice ? (
            <Alert type="ok">
              <Paragraph>{t('personPage.saved')}</Paragraph>
            </Alert>
          ) : null}
          {editing ? (
            <EditPerson
              key={person.data.id}
              person={person.data}
              onSaved={(saved) => {
                person.setData(saved);
                setSavedNotice(true);
                closeEditor();
              }}
              onNewest={(newest) => person.setData(newest)}
              onClose={closeEditor}
            />
          ) : (
            <>
              <PersonDetails person={person.data} canRevealBsn={can('person:write')} />
              {can('person:write') ? (
                <ButtonGroup>
                  <Button
                    ref={editButton}
                    appearance="primary-action-button"
                    onClick={() => {
                      setSavedNotice(false);
                      setEditing(true);
                    }}
                  >
                    {t('personPage.edit')}
                  </Button>
                  {merging ? null : (
                    <Button
                      ref={mergeButton}
                      appearance="secondary-action-button"
                      onClick={() => {
                        setMergedReference(undefined);
                        setMerging(true);
                      }}
                    >
                      {t('merge.open')}
                    </Button>
                  )}
                </ButtonGroup>
              ) : null}
              {merging ? (
                <MergePersons
                  key={person.data.id}
                  person={person.data}
                  onMerged={(reference) => {
                    setMerging(false);
                    setMergedReference(reference);
                    setMergeGeneration((g) => g + 1);
                    person.reload();
                  }}
                  onClose={() => {
                    setMerging(false);
                    window.setTimeout(() => mergeButton.current?.focus(), 0);
                  }}
                />
              ) : null}
            </>
          )}
          <Households person={person.data} canWrite={can('person:write')} onChanged={person.reload} />
          <MergeHistory personId={person.data.id} generation={mergeGeneration} />
        </>
      ) : null}
    </>
  );
}
