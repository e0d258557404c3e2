import type { Permission } from '@nabij/contracts';
import type { ComponentType } from 'react';
import { RequirePermission } from './guards';

/**
 * A route's page loaded when it is first visited (its own JavaScript chunk, React Router's `lazy`), so the first
 * load of the app carries only the frame, the login and the start page (issue #10: initial JavaScript ≤ 250 KB
 * gzip). The router loads the chunk before it shows the page, so focus still moves to the new page's heading.
 */
export function page<M>(load: () => Promise<M>, name: keyof M, permission?: Permission) {
  return async () => {
    const Page = (await load())[name] as ComponentType;
    return {
      element: permission ? (
        <RequirePermission permission={permission}>
          <Page />
        </RequirePermission>
      ) : (
        <Page />
      ),
    };
  };
}
