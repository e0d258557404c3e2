import { PageContent, PageFooter, PageHeader, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { AppShell } from '../../app/AppLayout';
import { t } from '../../app/i18n';

/** The frame of public pages: the municipality's name, no navigation, no login. */
export function PublicLayout({ tenantName, children }: { tenantName: string | undefined; children: ReactNode }) {
  return (
    <AppShell>
      <PageHeader className="nabij-header nabij-header--public">
        <div className="nabij-header__bar">
          <span className="nabij-brand">{tenantName ?? t('public.title')}</span>
        </div>
      </PageHeader>
      <PageContent className="nabij-content">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="nabij-footer">
        <Paragraph appearance="small">{t('public.footer', { tenant: tenantName ?? '' })}</Paragraph>
      </PageFooter>
    </AppShell>
  );
}
