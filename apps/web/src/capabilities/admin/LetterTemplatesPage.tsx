import { updateLetterTemplateRequest } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { VersionConflict } from '../../components/VersionConflict';
import { AdminNav } from './AdminNav';

interface LetterTemplate {
  kind: string;
  subject: string;
  body: string;
  version: number;
}

/** The placeholders the API fills in when drafting a letter. */
export const LETTER_PLACEHOLDERS = [
  'verwijzer',
  'inwoner',
  'referentie',
  'besluit',
  'onderbouwing',
  'werker',
  'team',
  'tolk',
  'reden',
  'resultaten',
  'nazorg',
  'waakvlam',
] as const;

const FIELDS = ['subject', 'body'] as const;

function Placeholders() {
  return (
    <aside aria-labelledby="templates-placeholders-heading" className="nabij-aside">
      <Heading2 id="templates-placeholders-heading">{t('templates.placeholdersHeading')}</Heading2>
      <Paragraph>{t('templates.placeholdersIntro')}</Paragraph>
      <UnorderedList>
        {LETTER_PLACEHOLDERS.map((p) => (
          <UnorderedListItem key={p}>
            <code>{`{${p}}`}</code>: {t(`templates.placeholder.${p}`)}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </aside>
  );
}

function TemplateForm({ template, onSaved }: { template: LetterTemplate; onSaved: (saved: LetterTemplate) => void }) {
  const errors = useFormErrors(`template-${template.kind}`, FIELDS);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [version, setVersion] = useState(template.version);
  /** The newest saved template after a version conflict; the form keeps what the user typed. */
  const [conflict, setConflict] = useState<LetterTemplate | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const headingId = `template-${template.kind}-heading`;
  const name = t(`letterKind.${template.kind}`);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = updateLetterTemplateRequest.safeParse({ subject, body, version });
    if (!parsed.success) {
      setSaved(false);
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.put<LetterTemplate>(
        `/api/admin/letter-templates/${encodeURIComponent(template.kind)}`,
        parsed.data,
      );
      errors.clear();
      setConflict(undefined);
      setVersion(updated.version);
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      setSaved(false);
      if (error instanceof ApiError && error.code === 'version_conflict') {
        try {
          const all = await api.get<{ templates: LetterTemplate[] }>('/api/admin/letter-templates');
          const newest = all.templates.find((x) => x.kind === template.kind);
          if (newest) {
            setConflict(newest);
            setVersion(newest.version);
          }
          errors.showMessage(t('conflict.message'));
        } catch (reloadError) {
          errors.showError(reloadError);
        }
      } else {
        errors.showError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} className="nabij-section">
      <Heading2 id={headingId}>{name}</Heading2>
      {saved ? (
        <Alert type="ok">
          <Paragraph role="status">{t('templates.saved', { kind: name })}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {conflict ? (
        <VersionConflict
          fields={[
            { key: 'subject', label: t('templates.subject'), mine: subject, saved: conflict.subject },
            { key: 'body', label: t('templates.body'), mine: body, saved: conflict.body },
          ]}
          onTakeSaved={() => {
            setSubject(conflict.subject);
            setBody(conflict.body);
            setConflict(undefined);
            errors.clear();
          }}
        />
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={headingId}>
        <TextField
          id={errors.idFor('subject')}
          label={t('templates.subject')}
          value={subject}
          onValueChange={setSubject}
          error={errors.errorFor('subject')}
          autoComplete="off"
          required
        />
        <TextAreaField
          id={errors.idFor('body')}
          label={t('templates.body')}
          value={body}
          onValueChange={setBody}
          error={errors.errorFor('body')}
          rows={12}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {conflict ? t('conflict.saveMine') : t('templates.save')}
            <span className="nabij-visually-hidden"> {t('templates.saveWhich', { kind: name })}</span>
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The functional administrator edits the texts of the letters to referrers. */
export function LetterTemplatesPage() {
  usePageTitle(t('templates.title'));
  const templates = useResource<{ templates: LetterTemplate[] }>('/api/admin/letter-templates');
  return (
    <>
      <PageHeading>{t('templates.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('templates.intro')}</Paragraph>
      {templates.status === 'loading' ? <Loading /> : null}
      {templates.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(templates.error)}</Paragraph>
        </Alert>
      ) : null}
      {templates.status === 'ready' ? (
        <div className="nabij-with-aside">
          <div className="nabij-with-aside__main">
            {templates.data.templates.length === 0 ? <Paragraph>{t('templates.none')}</Paragraph> : null}
            {templates.data.templates.map((template) => (
              <TemplateForm
                key={template.kind}
                template={template}
                onSaved={(saved) =>
                  templates.setData({
                    templates: templates.data.templates.map((x) => (x.kind === saved.kind ? saved : x)),
                  })
                }
              />
            ))}
          </div>
          <Placeholders />
        </div>
      ) : null}
    </>
  );
}
