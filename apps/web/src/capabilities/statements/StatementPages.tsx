import type { PublicOrganisationInfo } from '@nabij/contracts';
import {
  Alert,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../app/errors';
import { statementPath } from '../../app/FooterLinks';
import { t, type MessageKey } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { PublicLayout } from '../intake/PublicLayout';

/**
 * The public pages every footer links to (issue #21 item 1): the accessibility statement (in the structure of the
 * Dutch model statement), the privacy statement and contact. No login; about the municipality in the address
 * (`/toegankelijkheidsverklaring/<slug>`), or without one the installation's only municipality. When that is not
 * known the texts say "de gemeente" and the contact page shows no team.
 */

/** When these statements were last revised (shown on the pages; update with their text). */
export const STATEMENTS_DATE = '7 december 2026';

type Organisation = PublicOrganisationInfo | undefined;

/** A text from the table with the municipality's name, starting with a capital where the name begins the sentence. */
function withTenant(key: MessageKey, organisation: Organisation, vars: Record<string, string> = {}): string {
  const text = t(key, { tenant: organisation?.tenantName ?? t('statements.theMunicipality'), ...vars });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function List({ keys }: { keys: readonly MessageKey[] }) {
  return (
    <UnorderedList>
      {keys.map((key) => (
        <UnorderedListItem key={key}>{t(key)}</UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

function Updated() {
  return <Paragraph>{t('statements.updated', { date: STATEMENTS_DATE })}</Paragraph>;
}

export function AccessibilityStatement({ organisation, site }: { organisation: Organisation; site: string }) {
  const slug = organisation?.tenantSlug;
  return (
    <>
      <Paragraph appearance="lead">{withTenant('accessibility.intro', organisation)}</Paragraph>

      <Heading2>{t('accessibility.scopeHeading')}</Heading2>
      <Paragraph>{withTenant('accessibility.scope', organisation, { site })}</Paragraph>
      <List
        keys={[
          'accessibility.scopeForm',
          'accessibility.scopeResident',
          'accessibility.scopeStaff',
          'accessibility.scopeDocuments',
        ]}
      />

      <Heading2>{t('accessibility.statusHeading')}</Heading2>
      <Paragraph>
        <strong>{t('accessibility.status')}</strong>
      </Paragraph>
      <Paragraph>{t('accessibility.statusExplained')}</Paragraph>

      <Heading3>{t('accessibility.measuresHeading')}</Heading3>
      <List
        keys={[
          'accessibility.measureAxe',
          'accessibility.measureKeyboard',
          'accessibility.measurePhone',
          'accessibility.measureLanguage',
          'accessibility.measureComponents',
        ]}
      />

      <Heading3>{t('accessibility.limitationsHeading')}</Heading3>
      <List
        keys={[
          'accessibility.limitationAudit',
          'accessibility.limitationAssistive',
          'accessibility.limitationZoom',
          'accessibility.limitationPdf',
        ]}
      />

      <Heading2>{t('accessibility.problemHeading')}</Heading2>
      <Paragraph>{t('accessibility.problem')}</Paragraph>
      <Paragraph>
        <AppLink to={statementPath('contact', slug)}>{t('accessibility.problemLink')}</AppLink>
      </Paragraph>
      <Paragraph>{t('accessibility.replyTerm')}</Paragraph>
      <Paragraph>{withTenant('accessibility.complaint', organisation)}</Paragraph>

      <Heading2>{t('accessibility.responsibleHeading')}</Heading2>
      <Paragraph>{withTenant('accessibility.responsible', organisation)}</Paragraph>
      <Updated />
      <Paragraph>{t('accessibility.review')}</Paragraph>
    </>
  );
}

export function PrivacyStatement({ organisation }: { organisation: Organisation }) {
  return (
    <>
      <Paragraph appearance="lead">{t('privacyStatement.intro')}</Paragraph>

      <Heading2>{t('privacyStatement.responsibleHeading')}</Heading2>
      <Paragraph>{withTenant('privacyStatement.responsible', organisation)}</Paragraph>

      <Heading2>{t('privacyStatement.whatHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.whatIntro')}</Paragraph>
      <List
        keys={[
          'privacyStatement.whatIdentity',
          'privacyStatement.whatHousehold',
          'privacyStatement.whatQuestion',
          'privacyStatement.whatSituation',
          'privacyStatement.whatConsent',
          'privacyStatement.whatLog',
        ]}
      />

      <Heading2>{t('privacyStatement.whyHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.whyIntro')}</Paragraph>
      <List
        keys={[
          'privacyStatement.lawWmo',
          'privacyStatement.lawYouth',
          'privacyStatement.lawParticipation',
          'privacyStatement.lawDebt',
        ]}
      />
      <Paragraph>{t('privacyStatement.whyBasis')}</Paragraph>

      <Heading2>{t('privacyStatement.whoHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.who')}</Paragraph>

      <Heading2>{t('privacyStatement.retentionHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.retentionIntro')}</Paragraph>
      <List
        keys={['privacyStatement.retentionWmo', 'privacyStatement.retentionYouth', 'privacyStatement.retentionOther']}
      />
      <Paragraph>{t('privacyStatement.retentionEnd')}</Paragraph>

      <Heading2>{t('privacyStatement.rightsHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.rightsIntro')}</Paragraph>
      <List
        keys={[
          'privacyStatement.rightInspect',
          'privacyStatement.rightCorrect',
          'privacyStatement.rightErase',
          'privacyStatement.rightRestrict',
          'privacyStatement.rightStatement',
          'privacyStatement.rightConsent',
        ]}
      />

      <Heading2>{t('privacyStatement.howHeading')}</Heading2>
      <Paragraph>{t('privacyStatement.howPortal')}</Paragraph>
      <Paragraph>
        <AppLink to="/mijn">{t('privacyStatement.portalLink')}</AppLink>
      </Paragraph>
      <Paragraph>{t('privacyStatement.howOther')}</Paragraph>

      <Heading2>{t('privacyStatement.questionsHeading')}</Heading2>
      <Paragraph>{withTenant('privacyStatement.officer', organisation)}</Paragraph>
      <Paragraph>{t('privacyStatement.authority')}</Paragraph>
      <Updated />
    </>
  );
}

export function ContactDetails({ organisation }: { organisation: Organisation }) {
  const slug = organisation?.tenantSlug;
  const teams = organisation?.teams ?? [];
  return (
    <>
      <Paragraph appearance="lead">{withTenant('contact.intro', organisation)}</Paragraph>
      <Alert type="info">
        <Paragraph>{t('public.emergency')}</Paragraph>
      </Alert>
      {teams.length === 0 ? <Paragraph>{withTenant('contact.noTeams', organisation)}</Paragraph> : null}
      {teams.map((team, index) => (
        <section key={team.name} aria-labelledby={`contact-team-${String(index)}`}>
          <Heading2 id={`contact-team-${String(index)}`}>{team.name}</Heading2>
          {team.area ? <Paragraph>{t('contact.area', { area: team.area })}</Paragraph> : null}
          {team.phone ? (
            <Paragraph>
              {t('contact.phone')} <Link href={`tel:${team.phone.replace(/[^\d+]/g, '')}`}>{team.phone}</Link>
            </Paragraph>
          ) : null}
          {team.email ? (
            <Paragraph>
              {t('contact.email')} <Link href={`mailto:${team.email}`}>{team.email}</Link>
            </Paragraph>
          ) : null}
          {!team.phone && !team.email ? <Paragraph>{withTenant('contact.noChannels', organisation)}</Paragraph> : null}
        </section>
      ))}
      <Heading2>{t('contact.referHeading')}</Heading2>
      <Paragraph>{t('contact.refer')}</Paragraph>
      <Paragraph>
        <AppLink to={slug ? `/aanmelden/${encodeURIComponent(slug)}` : '/aanmelden'}>{t('contact.referLink')}</AppLink>
      </Paragraph>
      <Paragraph>{t('contact.portal')}</Paragraph>
    </>
  );
}

/** The frame of a statement page: the public layout, the municipality loaded by the slug in the address. */
function StatementPage({ title, children }: { title: string; children: (organisation: Organisation) => ReactNode }) {
  const { gemeente } = useParams();
  const query = gemeente ? `?${new URLSearchParams({ gemeente }).toString()}` : '';
  const info = useResource<PublicOrganisationInfo>(`/api/public/organisation${query}`);
  usePageTitle(title);
  const organisation = info.status === 'ready' ? info.data : undefined;
  // 404: the municipality is not known (or the installation has several): the general text, without contact details.
  const failed = info.status === 'failed' && !(info.error instanceof ApiError && info.error.status === 404);
  return (
    <PublicLayout
      tenantName={organisation?.tenantName}
      tenantSlug={organisation?.tenantSlug ?? gemeente}
      footer={t('statements.footer')}
    >
      <PageHeading>{title}</PageHeading>
      {info.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          {failed ? (
            <Alert type="warning">
              <Paragraph>{t('statements.loadFailed')}</Paragraph>
            </Alert>
          ) : null}
          {children(organisation)}
        </>
      )}
    </PublicLayout>
  );
}

export function AccessibilityStatementPage() {
  return (
    <StatementPage title={t('accessibility.title')}>
      {(organisation) => <AccessibilityStatement organisation={organisation} site={window.location.host} />}
    </StatementPage>
  );
}

export function PrivacyStatementPage() {
  return (
    <StatementPage title={t('privacyStatement.title')}>
      {(organisation) => <PrivacyStatement organisation={organisation} />}
    </StatementPage>
  );
}

export function ContactPage() {
  return (
    <StatementPage title={t('contact.title')}>
      {(organisation) => <ContactDetails organisation={organisation} />}
    </StatementPage>
  );
}
