/**
 * The referral a case came from, completed and corrected by the people who work with the household (issue #17 item 4):
 * the case's contact person, the tandem partner and the team coordinator. Reached from the case page; the same form,
 * reason, history and version conflict as the intake desk's, through the case's own routes.
 */
import type { CaseReferrals, ReferralView } from '@nabij/contracts';
import { DataList, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { CaseLoadError, failedTitle, Item, SavedNotice } from '../case-files/CaseParts';
import { formatDateTime, residentName } from './intake-format';
import { ReferralCorrection } from './ReferralCorrection';

export function CaseReferralPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const path = `/api/cases/${encodeURIComponent(id)}/referrals`;
  const loaded = useResource<CaseReferrals>(path);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const title =
    loaded.status === 'failed' ? failedTitle(loaded.error, t('caseReferral.title')) : t('caseReferral.title');
  usePageTitle(title);
  const referrals = loaded.data?.referrals ?? [];
  // Usually one: the referral that opened the case; a referral that joined it later is chosen by its link.
  const shown = referrals.find((r) => r.id === search.get('aanmelding')) ?? referrals[0];

  const saved = (updated: ReferralView, text: string) => {
    loaded.setData({ referrals: referrals.map((r) => (r.id === updated.id ? updated : r)) });
    setNotice(text);
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={`/dossiers/${encodeURIComponent(id)}`}>{t('caseReferral.back')}</AppLink>
      </Paragraph>
      {loaded.status === 'loading' ? <Loading /> : null}
      {loaded.status === 'failed' ? <CaseLoadError error={loaded.error} /> : null}
      {loaded.status === 'ready' && !shown ? <Paragraph>{t('caseReferral.none')}</Paragraph> : null}
      {referrals.length > 1 ? (
        <nav aria-label={t('caseReferral.choose')}>
          <UnorderedList>
            {referrals.map((r) => (
              <UnorderedListItem key={r.id}>
                <AppLink
                  to={`/dossiers/${encodeURIComponent(id)}/aanmelding?aanmelding=${encodeURIComponent(r.id)}`}
                  aria-current={r.id === shown?.id ? 'page' : undefined}
                >
                  {r.reference}
                </AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </nav>
      ) : null}
      <SavedNotice text={notice} />
      {shown ? (
        <>
          <Paragraph>{t('caseReferral.intro')}</Paragraph>
          <DataList>
            <Item label={t('caseReferral.reference')}>{shown.reference}</Item>
            <Item label={t('caseReferral.received')}>{formatDateTime(shown.receivedAt)}</Item>
            <Item label={t('caseReferral.persons')}>
              {/* Once linked, a person's own record is corrected on the person page (ADR 0032). */}
              <UnorderedList>
                {shown.residents.map((p) => (
                  <UnorderedListItem key={p.id}>
                    {p.personId ? (
                      <AppLink to={`/personen/${encodeURIComponent(p.personId)}`}>
                        {residentName(p) || t('inbox.noName')}
                      </AppLink>
                    ) : (
                      residentName(p) || t('inbox.noName')
                    )}
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </Item>
          </DataList>
          <ReferralCorrection
            key={shown.id}
            referral={shown}
            canWrite
            onSaved={saved}
            endpoints={{
              correct: `/api/cases/${encodeURIComponent(id)}/referrals/${encodeURIComponent(shown.id)}/correction`,
              reload: async () => {
                const newest = (await api.get<CaseReferrals>(path)).referrals.find((r) => r.id === shown.id);
                if (!newest) throw new Error('referral no longer on the case');
                return newest;
              },
            }}
          />
        </>
      ) : null}
    </>
  );
}
