import { Paragraph } from '@utrecht/component-library-react';
import { AppLink } from '../components/AppLink';
import { PageHeading } from '../components/PageHeading';
import { t } from './i18n';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  usePageTitle(t('notFound.title'));
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('common.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}
