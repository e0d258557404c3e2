import type { TaskList } from '@nabij/contracts';
import {
  Alert,
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
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { groupTasksByWorker } from './task-groups';
import { lineOf, TaskItems, useCompleteTask, useNotice } from './TaskList';

const sectionId = (workerId: string | undefined) => `medewerker-${workerId ?? 'geen'}`;

/** "Taken van het team" (team coordinator): the open tasks of the coordinated teams per worker, with overdue counts. */
export function TeamTasksPage() {
  usePageTitle(t('team.tasksTitle'));
  const team = useResource<TaskList>('/api/tasks/team');
  const notice = useNotice();
  const done = useCompleteTask(team.reload, notice);
  const workers = team.status === 'ready' ? groupTasksByWorker(team.data.tasks) : [];
  return (
    <>
      <PageHeading>{t('team.tasksTitle')}</PageHeading>
      <Paragraph>{t('team.tasksIntro')}</Paragraph>
      {notice.element}
      {team.status === 'loading' ? <Loading /> : null}
      {team.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(team.error)}</Paragraph>
        </Alert>
      ) : null}
      {team.status === 'ready' && workers.length === 0 ? <Paragraph>{t('team.tasksNone')}</Paragraph> : null}
      {workers.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table nabij-team-summary">
            <TableCaption>{t('team.summaryCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('team.worker')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('team.open')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('team.overdue')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {workers.map((w) => (
                <TableRow key={sectionId(w.worker?.id)}>
                  <TableHeaderCell scope="row" data-label={t('team.worker')}>
                    <a className="utrecht-link utrecht-link--html-a" href={`#${sectionId(w.worker?.id)}`}>
                      {w.worker?.name ?? t('tasks.unassigned')}
                    </a>
                  </TableHeaderCell>
                  <TableCell data-label={t('team.open')}>{w.tasks.length}</TableCell>
                  <TableCell data-label={t('team.overdue')}>
                    {w.overdue > 0 ? <strong>{w.overdue}</strong> : w.overdue}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {workers.map((w) => {
        const id = sectionId(w.worker?.id);
        return (
          <section key={id} id={id} aria-labelledby={`${id}-heading`} className="nabij-section">
            <Heading2 id={`${id}-heading`}>{w.worker?.name ?? t('tasks.unassigned')}</Heading2>
            <Paragraph>{t('team.workerSummary', { open: w.tasks.length, overdue: w.overdue })}</Paragraph>
            <TaskItems
              tasks={w.tasks.map(lineOf)}
              showCase
              labelledBy={`${id}-heading`}
              onDone={(task) => void done.complete(task)}
              busyId={done.busyId}
            />
          </section>
        );
      })}
    </>
  );
}
