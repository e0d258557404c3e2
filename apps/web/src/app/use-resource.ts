import { useCallback, useEffect, useState } from 'react';
import { api } from './api';

export type Resource<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'failed'; data: undefined; error: unknown };

type Loaded<T> = { path: string; data: T; error?: undefined } | { path: string; data?: undefined; error: unknown };

/**
 * Loads JSON from a GET endpoint. `reload` fetches again (keeping the old data visible meanwhile);
 * `setData` replaces the data after a write that returned the new state.
 */
export function useResource<T>(path: string) {
  const [loaded, setLoaded] = useState<Loaded<T> | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setLoaded({ path, data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ path, error });
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((data: T) => setLoaded({ path, data }), [path]);

  let resource: Resource<T>;
  if (!loaded || loaded.path !== path) resource = { status: 'loading', data: undefined, error: undefined };
  else if (loaded.error !== undefined || loaded.data === undefined)
    resource = { status: 'failed', data: undefined, error: loaded.error };
  else resource = { status: 'ready', data: loaded.data, error: undefined };

  return { ...resource, reload, setData };
}
