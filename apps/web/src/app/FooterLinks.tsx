import { t } from './i18n';
import { AppLink } from '../components/AppLink';

/** The public pages every footer links to (issue #21 item 1); with the municipality's slug where the frame knows it. */
export type StatementPage = 'toegankelijkheidsverklaring' | 'privacyverklaring' | 'contact';

export function statementPath(page: StatementPage, tenantSlug?: string): string {
  return tenantSlug ? `/${page}/${encodeURIComponent(tenantSlug)}` : `/${page}`;
}

/**
 * The links to the accessibility statement, the privacy statement and contact, in every footer: the staff app and
 * its login pages, the public referral form and Mijn Nabij. A plain list in the footer (the `contentinfo`
 * landmark), not a second navigation.
 */
export function FooterLinks({ tenantSlug }: { tenantSlug?: string | undefined }) {
  return (
    <ul className="nabij-footer__links">
      <li>
        <AppLink to={statementPath('toegankelijkheidsverklaring', tenantSlug)}>{t('footer.accessibility')}</AppLink>
      </li>
      <li>
        <AppLink to={statementPath('privacyverklaring', tenantSlug)}>{t('footer.privacy')}</AppLink>
      </li>
      <li>
        <AppLink to={statementPath('contact', tenantSlug)}>{t('footer.contact')}</AppLink>
      </li>
    </ul>
  );
}
