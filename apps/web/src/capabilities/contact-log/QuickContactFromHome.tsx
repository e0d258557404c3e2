import type { ContactLog } from '@nabij/contracts';
import { Button, ButtonGroup, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useSyncExternalStore } from 'react';
import { t } from '../../app/i18n';
import { municipalToday } from '../../app/dates';
import { useHasDraft } from '../../app/use-draft';
import { useResource } from '../../app/use-resource';
import { QuickContactForm } from './QuickContactForm';
import './contact-log.css';

/*
 * Which case's quick form is open in the case list of Mijn werk: at most one at a time. A tiny store shared by the
 * button in a case's row and the row below it that holds the form.
 */
let openCaseId: string | null = null;
const listeners = new Set<() => void>();
function setOpenCase(caseId: string | null): void {
  openCaseId = caseId;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function useOpenCase(): string | null {
  return useSyncExternalStore(subscribe, () => openCaseId);
}

const toggleId = (caseId: string) => `quick-contact-toggle-${caseId}`;
const panelId = (caseId: string) => `quick-contact-panel-${caseId}`;

/** "Contact vastleggen" in a case's row: opens the quick form for that case right below the row. */
export function QuickContactButton({ caseId, householdName }: { caseId: string; householdName: string }) {
  const open = useOpenCase() === caseId;
  // Back after an expired session with a note typed for this case: its form opens again, with the note (useDraft).
  const hasDraft = useHasDraft(`contact:${caseId}`);
  useEffect(() => {
    if (hasDraft && openCaseId === null) setOpenCase(caseId);
  }, [hasDraft, caseId]);
  // Leaving Mijn werk closes the form, so it is not open again on return.
  useEffect(
    () => () => {
      if (openCaseId === caseId) setOpenCase(null);
    },
    [caseId],
  );
  return (
    <Button
      id={toggleId(caseId)}
      type="button"
      appearance="secondary-action-button"
      aria-expanded={open}
      aria-controls={open ? panelId(caseId) : undefined}
      onClick={() => setOpenCase(open ? null : caseId)}
    >
      {t('contactLog.quickOpen')}
      <span className="nabij-visually-hidden"> {t('contactLog.quickOpenFor', { household: householdName })}</span>
    </Button>
  );
}

function QuickContactPanel({ caseId, householdName }: { caseId: string; householdName: string }) {
  // Only the plan's goals are needed: the journal is asked for today's contacts, not the whole history.
  const today = municipalToday();
  const log = useResource<ContactLog>(`/api/cases/${encodeURIComponent(caseId)}/contacts?from=${today}&to=${today}`);
  const close = () => {
    setOpenCase(null);
    window.setTimeout(() => document.getElementById(toggleId(caseId))?.focus(), 0);
  };
  return (
    <div id={panelId(caseId)}>
      <QuickContactForm
        caseId={caseId}
        goals={log.data?.goals ?? []}
        idPrefix={`quick-contact-${caseId}`}
        heading={t('contactLog.formHeadingFor', { household: householdName })}
        focusOnOpen
      />
      <ButtonGroup>
        <Button type="button" appearance="subtle-button" onClick={close}>
          {t('contactLog.close')}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The row below a case's row in the case list that holds its quick form while it is open. */
export function QuickContactRow({
  caseId,
  householdName,
  colSpan,
}: {
  caseId: string;
  householdName: string;
  colSpan: number;
}) {
  const open = useOpenCase() === caseId;
  if (!open) return null;
  return (
    <TableRow className="nabij-quick-contact-row">
      <TableCell colSpan={colSpan}>
        <QuickContactPanel caseId={caseId} householdName={householdName} />
      </TableCell>
    </TableRow>
  );
}
