import { useEffect } from 'react';
import { t } from './i18n';

/** Sets the browser tab title to "<page> — Nabij". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = t('layout.documentTitle', { title });
  }, [title]);
}
