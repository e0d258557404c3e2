import type { HouseholdView, PersonView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText, type ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { AddMemberForm } from './AddMemberForm';
import { MinorBadge } from './MinorBadge';
import { ageFrom } from './person-format';
import { isRelation, relationChoices } from './relations';

function HouseholdCard({
  household,
  person,
  canWrite,
  onChanged,
}: {
  household: HouseholdView;
  person: PersonView;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busyMember, setBusyMember] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<{ memberId: string; relation: string } | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const headingId = `household-${household.id}-heading`;

  /** Corrects a member's relation in place (the household's version guards against a stale change). */
  const saveRelation = async (event: SyntheticEvent<HTMLFormElement>, member: HouseholdView['members'][number]) => {
    event.preventDefault();
    if (!editing || !isRelation(editing.relation)) return;
    setBusyMember(member.id);
    try {
      await api.put<HouseholdView>(
        `/api/households/${encodeURIComponent(household.id)}/members/${encodeURIComponent(member.id)}`,
        {
          relation: editing.relation,
          version: household.version,
        },
      );
      setProblem(undefined);
      setEditing(undefined);
      setNotice(t('household.relationChanged', { name: member.fullName }));
      onChanged();
    } catch (error) {
      setProblem(errorText(error));
      if (error instanceof ApiError && error.code === 'version_conflict') onChanged();
    } finally {
      setBusyMember(undefined);
    }
  };

  const remove = async (memberId: string) => {
    setBusyMember(memberId);
    try {
      await api.delete<HouseholdView>(
        `/api/households/${encodeURIComponent(household.id)}/members/${encodeURIComponent(memberId)}?version=${household.version}`,
      );
      setProblem(undefined);
      onChanged();
    } catch (error) {
      setProblem(errorText(error));
      if (error instanceof ApiError && error.code === 'version_conflict') onChanged();
    } finally {
      setBusyMember(undefined);
    }
  };

  return (
    <section aria-labelledby={headingId} className="nabij-household">
      <Heading3 id={headingId}>{household.name}</Heading3>
      {problem ? (
        <Alert type="error">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {notice ? (
        <Alert type="ok">
          <Paragraph role="status">{notice}</Paragraph>
        </Alert>
      ) : null}
      <div className="nabij-table-scroll">
        <Table className="nabij-responsive-table">
          <TableCaption className="nabij-visually-hidden">
            {t('household.membersCaption', { household: household.name })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('person.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('household.relation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('household.age')}</TableHeaderCell>
              {canWrite ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {household.members.map((member) => {
              const age = ageFrom(member.dateOfBirth);
              const isSelf = member.id === person.id;
              return (
                <TableRow key={member.id}>
                  <TableCell data-label={t('person.name')}>
                    {isSelf ? (
                      <span>
                        {member.fullName} {t('household.thisPerson')}
                      </span>
                    ) : (
                      <AppLink to={`/personen/${encodeURIComponent(member.id)}`}>{member.fullName}</AppLink>
                    )}
                    {member.isMinor ? <MinorBadge /> : null}
                  </TableCell>
                  <TableCell data-label={t('household.relation')}>
                    {editing?.memberId === member.id ? (
                      <form
                        onSubmit={(e) => void saveRelation(e, member)}
                        aria-label={`${t('household.changeRelation')} ${t('household.changeRelationWho', { name: member.fullName })}`}
                      >
                        <SelectField
                          id={`household-${household.id}-relation-${member.id}`}
                          label={t('household.relationOf', { name: member.fullName })}
                          value={editing.relation}
                          choices={relationChoices()}
                          onValueChange={(relation) => setEditing({ memberId: member.id, relation })}
                        />
                        <ButtonGroup>
                          <Button
                            type="submit"
                            appearance="primary-action-button"
                            busy={busyMember === member.id}
                            disabled={busyMember !== undefined}
                          >
                            {t('household.saveRelation')}
                          </Button>
                          <Button type="button" appearance="subtle-button" onClick={() => setEditing(undefined)}>
                            {t('common.cancel')}
                          </Button>
                        </ButtonGroup>
                      </form>
                    ) : (
                      <>
                        {t(`relation.${member.relation}`)}
                        {canWrite ? (
                          <>
                            {' '}
                            <Button
                              appearance="subtle-button"
                              disabled={busyMember !== undefined}
                              onClick={() => {
                                setNotice(undefined);
                                setEditing({ memberId: member.id, relation: member.relation });
                                window.setTimeout(
                                  () =>
                                    document.getElementById(`household-${household.id}-relation-${member.id}`)?.focus(),
                                  0,
                                );
                              }}
                            >
                              {t('household.changeRelation')}
                              <span className="nabij-visually-hidden">
                                {' '}
                                {t('household.changeRelationWho', { name: member.fullName })}
                              </span>
                            </Button>
                          </>
                        ) : null}
                      </>
                    )}
                  </TableCell>
                  <TableCell data-label={t('household.age')}>
                    {age !== undefined
                      ? t('person.ageYears', { age })
                      : member.age !== undefined && member.age !== null
                        ? t(member.ageEstimated ? 'person.ageEstimated' : 'person.ageYears', { age: member.age })
                        : t('common.unknown')}
                  </TableCell>
                  {canWrite ? (
                    <TableCell data-label={t('common.actions')}>
                      <Button
                        appearance="subtle-button"
                        busy={busyMember === member.id}
                        disabled={busyMember !== undefined}
                        onClick={() => void remove(member.id)}
                      >
                        {t('household.remove')}
                        <span className="nabij-visually-hidden">
                          {' '}
                          {t('household.removeWho', { name: member.fullName })}
                        </span>
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {canWrite ? (
        <>
          <ButtonGroup>
            <Button appearance="secondary-action-button" aria-expanded={adding} onClick={() => setAdding((a) => !a)}>
              {t('household.addMember')}
              <span className="nabij-visually-hidden">
                {' '}
                {t('household.toHousehold', { household: household.name })}
              </span>
            </Button>
          </ButtonGroup>
          {adding ? (
            <AddMemberForm
              household={household}
              onChanged={() => {
                setAdding(false);
                onChanged();
              }}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

const CREATE_FIELDS = ['name', 'relation'] as const;

function CreateHouseholdForm({
  person,
  onCreated,
  onCancel,
}: {
  person: PersonView;
  onCreated: () => void;
  onCancel: () => void;
}) {
  const errors = useFormErrors('household', CREATE_FIELDS);
  const [name, setName] = useState(t('household.defaultName', { lastName: person.lastName }));
  const [relation, setRelation] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issues: ValidationIssue[] = [];
    if (!name.trim()) issues.push({ path: ['name'], message: t('household.nameRequired') });
    if (!isRelation(relation))
      issues.push({ path: ['relation'], message: t('household.relationRequired', { name: person.fullName }) });
    if (issues.length > 0 || !isRelation(relation)) {
      errors.showIssues(issues);
      return;
    }
    setBusy(true);
    try {
      await api.post<HouseholdView>('/api/households', {
        name: name.trim(),
        members: [{ personId: person.id, relation }],
      });
      errors.clear();
      onCreated();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="nabij-subform">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('household.create')}>
        <TextField
          id={errors.idFor('name')}
          label={t('household.name')}
          value={name}
          onValueChange={setName}
          error={errors.errorFor('name')}
          autoComplete="off"
          required
        />
        <SelectField
          id={errors.idFor('relation')}
          label={t('household.relationOf', { name: person.fullName })}
          value={relation}
          choices={relationChoices()}
          onValueChange={setRelation}
          error={errors.errorFor('relation')}
          emptyLabel={t('member.relationEmpty')}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('household.create')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/** The households a person belongs to, with their members; create a household or add members. */
export function Households({
  person,
  canWrite,
  onChanged,
}: {
  person: PersonView;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="person-households-heading" className="nabij-section">
      <Heading2 id="person-households-heading">{t('household.heading')}</Heading2>
      {person.households.length === 0 ? <Paragraph>{t('household.none')}</Paragraph> : null}
      {person.households.map((household) => (
        <HouseholdCard
          key={household.id}
          household={household}
          person={person}
          canWrite={canWrite}
          onChanged={onChanged}
        />
      ))}
      {canWrite ? (
        creating ? (
          <CreateHouseholdForm
            person={person}
            onCreated={() => {
              setCreating(false);
              onChanged();
            }}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setCreating(true)}>
              {t('household.create')}
            </Button>
          </ButtonGroup>
        )
      ) : null}
    </section>
  );
}
