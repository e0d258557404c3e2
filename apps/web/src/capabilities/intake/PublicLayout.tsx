import { PageContent, PageFooter, PageHeader, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { AppShell } from '../../app/AppLayout';
import { FooterLinks } from '../../app/FooterLinks';
import { t } from '../../app/i18n';
import { TenantBrand } from '../../theme/house-style';

/** The frame of public pages: the municipality's name, no navigation, no login. */
export function PublicLayout({
  tenantName,
  tenantSlug,
  footer,
  children,
}: {
  tenantName: string | undefined;
  /** The municipality of the footer's links to the statements and contact. */
  tenantSlug?: string | undefined;
  /** The footer's line under the links (default: the referral form's). */
  footer?: string | undefined;
  children: ReactNode;
}) {
  return (
    <AppShell>
      <PageHeader className="nabij-header nabij-header--public">
        <div className="nabij-header__bar">
          <span className="nabij-brand">
            <TenantBrand slug={tenantSlug} fallbackName={tenantName ?? t('public.title')} />
          </span>
        </div>
      </PageHeader>
      <PageContent className="nabij-content">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="nabij-footer">
        <FooterLinks tenantSlug={tenantSlug} />
        <Paragraph appearance="small">{footer ?? t('public.footer', { tenant: tenantName ?? '' })}</Paragraph>
      </PageFooter>
    </AppShell>
  );
}
