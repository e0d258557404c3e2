import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { t } from '../app/i18n';

/** One field of an edit form: its label, what the user typed, and what is saved now. */
export interface ConflictField {
  key: string;
  label: string;
  mine: string;
  saved: string;
}

/** The fields whose typed value differs from the newest saved one. */
export function differingFields(fields: readonly ConflictField[]): ConflictField[] {
  return fields.filter((f) => f.mine.trim() !== f.saved.trim());
}

const shown = (value: string) => value.trim() || t('common.empty');

/**
 * After a 409 `version_conflict` on an edit form: what the user typed next to the newest saved version,
 * field by field, so nothing typed is lost. The form keeps the user's text; saving again stores it over
 * the newer version on purpose (the form sends the newer version number), "Opgeslagen versie overnemen"
 * puts the saved values in the form instead. The page shows `conflict.message` in its error summary.
 */
export function VersionConflict({
  fields,
  onTakeSaved,
}: {
  fields: readonly ConflictField[];
  onTakeSaved: () => void;
}) {
  const differing = differingFields(fields);
  return (
    <div className="nabij-conflict">
      {differing.length === 0 ? (
        <Paragraph>{t('edit.conflictSame')}</Paragraph>
      ) : (
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
              {differing.map((f) => (
                <TableRow key={f.key}>
                  <TableHeaderCell scope="row" data-label={t('edit.field')}>
                    {f.label}
                  </TableHeaderCell>
                  <TableCell data-label={t('edit.yourValue')} style={{ whiteSpace: 'pre-wrap' }}>
                    {shown(f.mine)}
                  </TableCell>
                  <TableCell data-label={t('edit.savedValue')} style={{ whiteSpace: 'pre-wrap' }}>
                    {shown(f.saved)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onTakeSaved}>
          {t('conflict.takeSaved')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
