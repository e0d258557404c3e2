import { zrmCriteriaImport } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { AdminNav } from './AdminNav';

const FIELDS = ['json', 'instrument', 'criteria'] as const;

/** Reads the pasted JSON; undefined when it is not JSON at all. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Import of the ZRM criteria texts, which may only be used under the organisation's licence (© GGD Amsterdam). */
export function ZrmCriteriaPage() {
  usePageTitle(t('zrmAdmin.title'));
  const errors = useFormErrors('zrm-criteria', FIELDS, { nestedPaths: true });
  const [json, setJson] = useState('');
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<number | undefined>(undefined);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    setImported(undefined);
    const data = parseJson(json);
    if (data === undefined) {
      errors.showIssues([{ path: ['json'], message: t('zrmAdmin.invalidJson') }]);
      return;
    }
    const parsed = zrmCriteriaImport.safeParse(data);
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const result = await api.put<{ imported: number }>('/api/admin/zrm-criteria', parsed.data);
      errors.clear();
      setImported(result.imported);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('zrmAdmin.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('zrmAdmin.intro')}</Paragraph>
      <Alert type="warning">
        <Paragraph>{t('zrmAdmin.licence')}</Paragraph>
      </Alert>
      {imported !== undefined ? (
        <Alert type="ok">
          <Paragraph role="status">{t('zrmAdmin.imported', { count: imported })}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        <TextAreaField
          id={errors.idFor('json')}
          label={t('zrmAdmin.json')}
          description={t('zrmAdmin.jsonHint')}
          value={json}
          onValueChange={setJson}
          error={errors.errorFor('json')}
          rows={14}
          spellCheck={false}
          className="nabij-code-input"
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('zrmAdmin.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
