import type { HouseholdView, PersonSummary } from '@nabij/contracts';
import {
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  RadioButton,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, type ValidationIssue } from '../../app/errors';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatAddress, formatDate } from './person-format';
import { isRelation, relationChoices } from './relations';

const FIELDS = ['name', 'personId', 'relation'] as const;

function describe(person: PersonSummary): string {
  const details = [
    formatDate(person.dateOfBirth),
    formatAddress({ postcode: person.postcode, houseNumber: person.houseNumber }),
  ]
    .filter(Boolean)
    .join(', ');
  return details ? `${person.fullName} (${details})` : person.fullName;
}

/** Search a person and add them to a household with a relation. */
export function AddMemberForm({ household, onChanged }: { household: HouseholdView; onChanged: () => void }) {
  const prefix = `member-${household.id}`;
  const errors = useFormErrors(prefix, FIELDS);
  const [name, setName] = useState('');
  const [results, setResults] = useState<PersonSummary[] | undefined>(undefined);
  const [personId, setPersonId] = useState('');
  const [relation, setRelation] = useState('');
  const [busy, setBusy] = useState(false);
  const memberIds = new Set(household.members.map((m) => m.id));

  const search = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      errors.showIssues([{ path: ['name'], message: t('member.nameTooShort') }]);
      return;
    }
    setBusy(true);
    try {
      const response = await api.post<{ results: PersonSummary[]; truncated: boolean }>('/api/persons/search', {
        name: name.trim(),
      });
      errors.clear();
      setResults(response.results.filter((p) => !memberIds.has(p.id)));
      setPersonId('');
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const issues: ValidationIssue[] = [];
    if (!personId) issues.push({ path: ['personId'], message: t('member.choosePerson') });
    if (!isRelation(relation)) issues.push({ path: ['relation'], message: t('member.chooseRelation') });
    if (issues.length > 0) {
      errors.showIssues(issues);
      return;
    }
    setBusy(true);
    try {
      await api.post<HouseholdView>(`/api/households/${encodeURIComponent(household.id)}/members`, {
        personId,
        relation,
        version: household.version,
      });
      errors.clear();
      onChanged();
    } catch (error) {
      errors.showError(error);
      if (error instanceof ApiError && error.code === 'version_conflict') onChanged();
    } finally {
      setBusy(false);
    }
  };

  const choiceError = errors.errorFor('personId');

  return (
    <div className="nabij-subform">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form
        role="search"
        onSubmit={(e) => void search(e)}
        noValidate
        aria-label={t('member.searchLabel', { household: household.name })}
      >
        <div className="nabij-form-row nabij-form-row--end">
          <TextField
            id={errors.idFor('name')}
            label={t('member.searchName')}
            value={name}
            onValueChange={setName}
            error={errors.errorFor('name')}
            autoComplete="off"
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('member.search')}
            </Button>
          </ButtonGroup>
        </div>
      </form>
      {results && results.length === 0 ? <Paragraph role="status">{t('member.noResults')}</Paragraph> : null}
      {results && results.length > 0 ? (
        <form onSubmit={(e) => void add(e)} noValidate aria-label={t('member.addLabel', { household: household.name })}>
          <Fieldset
            invalid={Boolean(choiceError)}
            aria-describedby={choiceError ? `${prefix}-personId-error` : undefined}
          >
            <FieldsetLegend>{t('member.choosePersonLegend')}</FieldsetLegend>
            {choiceError ? (
              <FormFieldErrorMessage id={`${prefix}-personId-error`}>{choiceError}</FormFieldErrorMessage>
            ) : null}
            {results.map((person, index) => {
              const id = index === 0 ? errors.idFor('personId') : `${errors.idFor('personId')}-${person.id}`;
              return (
                <FormField key={person.id} type="radio">
                  <div className="nabij-checkbox">
                    <RadioButton
                      id={id}
                      name={`${prefix}-person`}
                      value={person.id}
                      checked={personId === person.id}
                      onChange={() => setPersonId(person.id)}
                      invalid={Boolean(choiceError)}
                    />
                    <FormLabel htmlFor={id} type="radio" checked={personId === person.id}>
                      {describe(person)}
                    </FormLabel>
                  </div>
                </FormField>
              );
            })}
          </Fieldset>
          <SelectField
            id={errors.idFor('relation')}
            label={t('member.relation')}
            value={relation}
            choices={relationChoices()}
            onValueChange={setRelation}
            error={errors.errorFor('relation')}
            emptyLabel={t('member.relationEmpty')}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {t('member.add')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </div>
  );
}
