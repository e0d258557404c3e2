import type { ResidentHome } from '@nabij/contracts';
import { Alert, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { Navigate, useParams } from 'react-router';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { errorText } from '../../app/errors';
import { NotYourSubject, useResidentTitle } from './ResidentLayout';
import { defaultSubject, formatDate, subjectLabel } from './resident-format';
import { useResidentSession } from './resident-session';

const MENU = [
  ['plan', 'resident.nav.plan'],
  ['gesprekken', 'resident.nav.contacts'],
  ['berichten', 'resident.nav.messages'],
  ['eigen-plan', 'resident.nav.documents'],
  ['toestemmingen', 'resident.nav.consents'],
  ['wie-bekeek-mijn-dossier', 'resident.nav.log'],
  ['kopie', 'resident.nav.copy'],
] as const;

/** The contact person and how to reach the team. */
export function ContactCard({ contact }: { contact: NonNullable<ResidentHome['contact']> }) {
  return (
    <section aria-labelledby="mijn-contact-heading" className="nabij-resident-card">
      <Heading2 id="mijn-contact-heading">{t('resident.home.contactHeading')}</Heading2>
      <Paragraph>{t('resident.home.contact', { name: contact.workerName, team: contact.teamName })}</Paragraph>
      <dl className="nabij-resident-dl">
        {contact.phone ? (
          <div>
            <dt>{t('resident.home.phone')}</dt>
            <dd>
              <a className="utrecht-link utrecht-link--html-a" href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>
                {contact.phone}
              </a>
            </dd>
          </div>
        ) : null}
        {contact.email ? (
          <div>
            <dt>{t('resident.home.email')}</dt>
            <dd>
              <a className="utrecht-link utrecht-link--html-a" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

function HomeFor({ personId }: { personId: string }) {
  const home = useResource<ResidentHome>(`/api/resident/persons/${encodeURIComponent(personId)}/home`);
  if (home.status === 'loading') return <Loading label={t('resident.loading')} />;
  if (home.status === 'failed')
    return (
      <Alert type="error">
        <Paragraph>{errorText(home.error)}</Paragraph>
      </Alert>
    );
  const h = home.data;
  const base = `/mijn/${encodeURIComponent(personId)}`;
  return (
    <>
      {!h.caseOpen ? <Paragraph>{t('resident.home.noCase')}</Paragraph> : null}
      {h.newVersionWaiting ? (
        <Alert type="info">
          <Paragraph>{t('resident.home.newVersion')}</Paragraph>
          <Paragraph>
            <AppLink to={`${base}/plan/akkoord`}>{t('resident.plan.readAndAgree')}</AppLink>
          </Paragraph>
        </Alert>
      ) : null}
      <nav aria-labelledby="mijn-menu-heading" className="nabij-resident-menu">
        <Heading2 id="mijn-menu-heading">{t('resident.home.menuHeading')}</Heading2>
        <ul>
          {MENU.map(([path, key]) => (
            <li key={path}>
              <AppButtonLink to={`${base}/${path}`} appearance="secondary-action-button">
                {t(key)}
              </AppButtonLink>
            </li>
          ))}
        </ul>
      </nav>
      {h.contact ? <ContactCard contact={h.contact} /> : null}
      {h.caseOpen ? (
        <section aria-labelledby="mijn-upcoming-heading" className="nabij-resident-card">
          <Heading2 id="mijn-upcoming-heading">{t('resident.home.upcomingHeading')}</Heading2>
          {h.upcoming.length === 0 ? <Paragraph>{t('resident.home.upcomingNone')}</Paragraph> : null}
          {h.upcoming.length > 0 ? (
            <UnorderedList>
              {h.upcoming.map((u, i) => (
                <UnorderedListItem key={`${u.date}-${i}`}>
                  {t('resident.home.upcomingItem', { date: formatDate(u.date), what: u.what })}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/**
 * The start page: whom the resident acts for (themselves and anyone they represent), and for that person the
 * contact person, a new plan version waiting, what comes up next and what they can do.
 */
export function ResidentHomePage() {
  const { session, subjects } = useResidentSession();
  const { personId } = useParams();
  const firstName = session.resident?.firstName ?? '';
  useResidentTitle(t('resident.home.title', { name: firstName }));
  const chosen = personId ? subjects.find((s) => s.personId === personId) : defaultSubject(subjects);
  if (personId && !subjects.some((s) => s.personId === personId)) return <Navigate to="/mijn" replace />;

  return (
    <>
      <PageHeading>{t('resident.home.title', { name: firstName })}</PageHeading>
      {subjects.length > 1 ? (
        <nav aria-labelledby="mijn-choose-heading" className="nabij-resident-card">
          <Heading2 id="mijn-choose-heading">{t('resident.home.chooseHeading')}</Heading2>
          <Paragraph>{t('resident.home.chooseIntro')}</Paragraph>
          <UnorderedList>
            {subjects.map((s) => (
              <UnorderedListItem key={s.personId}>
                {s.allowed ? (
                  <AppLink
                    to={`/mijn/${encodeURIComponent(s.personId)}`}
                    aria-current={chosen?.personId === s.personId ? 'page' : undefined}
                  >
                    {subjectLabel(s)}
                  </AppLink>
                ) : (
                  t('resident.home.notAllowed', { name: subjectLabel(s), reason: s.refusal ?? '' })
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </nav>
      ) : null}
      {chosen && !chosen.allowed ? <NotYourSubject /> : null}
      {chosen?.allowed ? (
        <>
          {subjects.length > 1 ? (
            <Paragraph className="nabij-resident-forwhom">
              {t('resident.home.forWhom', { name: chosen.name })}
            </Paragraph>
          ) : null}
          <HomeFor personId={chosen.personId} />
        </>
      ) : null}
    </>
  );
}
