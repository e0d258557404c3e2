import { Heading1 } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/**
 * The page's only h1. It can take focus (not by Tab) so that after a navigation the app can move focus
 * here and screen readers announce the new page.
 */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Heading1 id="page-heading" tabIndex={-1} className="nabij-page-heading">
      {children}
    </Heading1>
  );
}
