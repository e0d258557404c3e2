import {
  Alert,
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
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { AdminNav } from '../admin/AdminNav';
import { formatDateTime } from '../intake/intake-format';
import { jobLabel } from './task-groups';
import './tasks.css';

interface FailedJobs {
  jobs: Array<{ id: string; name: string; failedAt: string | null; retryCount: number; error: string }>;
}

/**
 * "Mislukte taken (achtergrondtaken)" for the functional administrator: jobs of the scheduler that kept failing after
 * their retries — visible, never silently lost. The error text holds no personal data (jobs log ids only).
 */
export function FailedJobsPage() {
  usePageTitle(t('jobs.title'));
  const { can } = useSession();
  const failed = useResource<FailedJobs>('/api/admin/jobs/failed');
  return (
    <>
      <PageHeading>{t('jobs.title')}</PageHeading>
      {can('user:admin') ? <AdminNav /> : null}
      <Paragraph>{t('jobs.intro')}</Paragraph>
      {failed.status === 'loading' ? <Loading /> : null}
      {failed.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(failed.error)}</Paragraph>
        </Alert>
      ) : null}
      {failed.status === 'ready' && failed.data.jobs.length === 0 ? (
        <Alert type="ok">
          <Paragraph>{t('jobs.none')}</Paragraph>
        </Alert>
      ) : null}
      {failed.status === 'ready' && failed.data.jobs.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('jobs.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('jobs.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('jobs.failedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('jobs.retries')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('jobs.error')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('jobs.id')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {failed.data.jobs.map((job) => (
                <TableRow key={job.id}>
                  <TableCell data-label={t('jobs.name')}>{jobLabel(job.name)}</TableCell>
                  <TableCell data-label={t('jobs.failedAt')}>
                    {job.failedAt ? formatDateTime(job.failedAt) : t('jobs.unknownTime')}
                  </TableCell>
                  <TableCell data-label={t('jobs.retries')}>
                    {t('jobs.retriesValue', { count: job.retryCount })}
                  </TableCell>
                  <TableCell data-label={t('jobs.error')} className="nabij-plain-text">
                    {job.error}
                  </TableCell>
                  <TableCell data-label={t('jobs.id')}>
                    <code className="nabij-job-id">{job.id}</code>
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
