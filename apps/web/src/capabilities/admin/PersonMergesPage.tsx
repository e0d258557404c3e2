import { undoMergeRequest, type MergeAdminEntry } from '@nabij/contracts';
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
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDateTime } from '../intake/intake-format';
import { AdminNav } from './AdminNav';

function UndoForm({
  merge,
  onDone,
  onCancel,
}: {
  merge: MergeAdminEntry;
  onDone: (restored: number, skipped: number) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors('undo', ['reason']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const undo = async () => {
    const parsed = undoMergeRequest.safeParse({ version: merge.version, reason });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<{ restored: number; skipped: number }>(
        `/api/person-merges/${encodeURIComponent(merge.id)}/undo`,
        parsed.data,
      );
      onDone(r.restored, r.skipped);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="undo-heading" className="nabij-section">
      <Heading2 id="undo-heading" ref={heading} tabIndex={-1}>
        {t('mergesAdmin.undoHeading', { reference: merge.reference })}
      </Heading2>
      <Paragraph>{t('mergesAdmin.undoIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField
        id="undo-reason"
        label={t('mergesAdmin.reason')}
        value={reason}
        onValueChange={setReason}
        error={errors.fieldErrors.reason}
        rows={3}
      />
      <ButtonGroup>
        <Button appearance="primary-action-button" busy={busy} disabled={busy} onClick={() => void undo()}>
          {t('mergesAdmin.undoSubmit')}
        </Button>
        <Button appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

/** The functional administrator's list of person merges, to undo one a worker reports as wrong (by its reference). */
export function PersonMergesPage() {
  usePageTitle(t('mergesAdmin.title'));
  const merges = useResource<{ merges: MergeAdminEntry[] }>('/api/person-merges');
  const [undoing, setUndoing] = useState<MergeAdminEntry | undefined>(undefined);
  const [notice, setNotice] = useState<string | undefined>(undefined);

  return (
    <>
      <PageHeading>{t('mergesAdmin.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('mergesAdmin.intro')}</Paragraph>
      {notice ? (
        <Alert type="ok">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      {undoing ? (
        <UndoForm
          merge={undoing}
          onDone={(restored, skipped) => {
            setNotice(t('mergesAdmin.undone', { reference: undoing.reference, restored, skipped }));
            setUndoing(undefined);
            merges.reload();
          }}
          onCancel={() => setUndoing(undefined)}
        />
      ) : null}
      {merges.status === 'loading' ? <Loading /> : null}
      {merges.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(merges.error)}</Paragraph>
        </Alert>
      ) : null}
      {merges.status === 'ready' && merges.data.merges.length === 0 ? (
        <Paragraph>{t('mergesAdmin.none')}</Paragraph>
      ) : null}
      {merges.status === 'ready' && merges.data.merges.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('mergesAdmin.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('mergesAdmin.reference')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mergesAdmin.mergedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mergesAdmin.moved')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('mergesAdmin.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {merges.data.merges.map((m) => (
                <TableRow key={m.id}>
                  <TableHeaderCell scope="row" data-label={t('mergesAdmin.reference')}>
                    {m.reference}
                  </TableHeaderCell>
                  <TableCell data-label={t('mergesAdmin.mergedAt')}>
                    {t('mergesAdmin.atBy', { at: formatDateTime(m.mergedAt), by: m.mergedByName })}
                  </TableCell>
                  <TableCell data-label={t('mergesAdmin.moved')}>
                    {t('mergesAdmin.movedCount', { moved: m.moved, removed: m.removed })}
                  </TableCell>
                  <TableCell data-label={t('mergesAdmin.status')}>
                    {m.undoneAt
                      ? t('mergesAdmin.statusUndone', {
                          at: formatDateTime(m.undoneAt),
                          by: m.undoneByName ?? '',
                          reason: m.undoReason ?? '',
                        })
                      : m.cannotUndo
                        ? t(`error.${m.cannotUndo}`)
                        : t('mergesAdmin.statusActive')}
                  </TableCell>
                  <TableCell data-label={t('common.actions')}>
                    {m.cannotUndo ? null : (
                      <Button
                        appearance="secondary-action-button"
                        onClick={() => {
                          setNotice(undefined);
                          setUndoing(m);
                        }}
                      >
                        {t('mergesAdmin.undo')}
                        <span className="nabij-visually-hidden"> {m.reference}</span>
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}
