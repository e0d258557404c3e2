import { REFERRAL_STATUSES, type ReferralStatus } from '@nabij/contracts';
import {
  Alert,
  ButtonGroup,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Link, useSearchParams } from 'react-router';
import { errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../persons';
import { formatDays, isOneOf } from './intake-format';

export interface ReferralListItem {
  id: string;
  reference: string;
  teamName: string;
  channel: string;
  status: ReferralStatus;
  receivedAt: string;
  urgency: string;
  childrenAtRisk: string;
  residentNames: string[];
  referrerOrganisation: string | null;
  ageDays: number;
}

/** The inbox's query string: an optional status and team. */
export function inboxPath(status: string | undefined, teamId: string | undefined): string {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (teamId) params.set('teamId', teamId);
  const query = params.toString();
  return query ? `/api/referrals?${query}` : '/api/referrals';
}

function StatusTabs({ current, teamId }: { current: ReferralStatus | undefined; teamId: string | undefined }) {
  const link = (status: ReferralStatus | undefined) => {
    const params = new URLSearchParams();
    if (status) params.set('status', status);
    if (teamId) params.set('team', teamId);
    const query = params.toString();
    return query ? `/aanmeldingen?${query}` : '/aanmeldingen';
  };
  const tabs: { status: ReferralStatus | undefined; label: string }[] = [
    { status: undefined, label: t('inbox.allStatuses') },
    ...REFERRAL_STATUSES.map((s) => ({ status: s, label: t(`referralStatus.${s}`) })),
  ];
  return (
    <nav aria-label={t('inbox.filterLabel')} className="nabij-tabs">
      <ul className="nabij-tabs__list">
        {tabs.map((tab) => {
          const active = tab.status === current;
          return (
            <li key={tab.status ?? 'all'} className="nabij-tabs__item">
              <Link
                to={link(tab.status)}
                aria-current={active ? 'page' : undefined}
                className={[
                  'utrecht-link',
                  'utrecht-link--html-a',
                  'nabij-tabs__link',
                  active ? 'nabij-tabs__link--current' : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function ReferralTable({ referrals, caption }: { referrals: readonly ReferralListItem[]; caption: string }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('inbox.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.received')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.residents')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.channel')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.urgency')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.childrenAtRisk')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('inbox.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {referrals.map((r) => (
            <TableRow key={r.id}>
              <TableCell data-label={t('inbox.reference')}>
                <AppLink to={`/aanmeldingen/${encodeURIComponent(r.id)}`}>{r.reference}</AppLink>
              </TableCell>
              <TableCell data-label={t('inbox.received')}>
                {t('inbox.ago', { date: formatDate(r.receivedAt), age: formatDays(r.ageDays) })}
              </TableCell>
              <TableCell data-label={t('inbox.residents')}>
                {r.residentNames.length > 0 ? joinList(r.residentNames) : t('inbox.noName')}
              </TableCell>
              <TableCell data-label={t('inbox.channel')}>{t(`channel.${r.channel}`)}</TableCell>
              <TableCell data-label={t('inbox.urgency')}>
                {r.urgency === 'urgent' ? (
                  <StatusBadge status="danger" className="nabij-badge">
                    {t(`urgency.${r.urgency}`)}
                  </StatusBadge>
                ) : (
                  t(`urgency.${r.urgency}`)
                )}
              </TableCell>
              <TableCell data-label={t('inbox.childrenAtRisk')}>
                {r.childrenAtRisk === 'yes' ? (
                  <StatusBadge status="warning" className="nabij-badge">
                    {t('childRiskShort.yes')}
                  </StatusBadge>
                ) : (
                  t(`childRiskShort.${r.childrenAtRisk}`)
                )}
              </TableCell>
              <TableCell data-label={t('inbox.status')}>{t(`referralStatus.${r.status}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The intake desk's inbox of referrals, by status and team. */
export function ReferralInboxPage() {
  usePageTitle(t('inbox.title'));
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status') ?? '';
  const status = isOneOf(REFERRAL_STATUSES, rawStatus) ? rawStatus : undefined;
  const teamId = params.get('team') ?? undefined;
  const teams = user?.teams ?? [];
  const inbox = useResource<{ referrals: ReferralListItem[] }>(inboxPath(status, teamId));

  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      {can('referral:write') ? (
        <ButtonGroup>
          <AppButtonLink to="/aanmeldingen/nieuw" appearance="primary-action-button">
            {t('inbox.register')}
          </AppButtonLink>
          <AppButtonLink to="/aanmeldingen/overleggen" appearance="secondary-action-button">
            {t('consult.link')}
          </AppButtonLink>
        </ButtonGroup>
      ) : null}
      <StatusTabs current={status} teamId={teamId} />
      {teams.length > 1 ? (
        <div className="nabij-filter">
          <SelectField
            id="inbox-team"
            label={t('inbox.team')}
            value={teamId ?? ''}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            emptyLabel={t('inbox.allTeams')}
            onValueChange={(value) => {
              const next = new URLSearchParams(params);
              if (value) next.set('team', value);
              else next.delete('team');
              setParams(next);
            }}
          />
        </div>
      ) : null}
      {inbox.status === 'loading' ? <Loading /> : null}
      {inbox.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(inbox.error)}</Paragraph>
        </Alert>
      ) : null}
      {inbox.status === 'ready' ? (
        <>
          <Paragraph role="status">
            {inbox.data.referrals.length === 0
              ? t('inbox.empty')
              : inbox.data.referrals.length === 1
                ? t('inbox.countOne')
                : t('inbox.countMany', { count: inbox.data.referrals.length })}
          </Paragraph>
          {inbox.data.referrals.length > 0 ? (
            <ReferralTable
              referrals={inbox.data.referrals}
              caption={status ? `${t('inbox.caption')}: ${t(`referralStatus.${status}`)}` : t('inbox.caption')}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
