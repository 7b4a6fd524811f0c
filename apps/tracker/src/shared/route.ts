import { useSyncExternalStore } from 'react';

export type Route =
  | { page: 'menu'; storeSlug: string }
  | { page: 'checkout'; storeSlug: string }
  | { page: 'track'; token: string }
  | { page: 'board'; storeSlug: string }
  | { page: 'none' };

export function parseRoute(pathname: string): Route {
  const [first, second, third] = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (first === 'order' && second)
    return third === 'checkout'
      ? { page: 'checkout', storeSlug: second }
      : { page: 'menu', storeSlug: second };
  if (first === 'track' && second) return { page: 'track', token: second };
  if (first === 'board' && second) return { page: 'board', storeSlug: second };
  return { page: 'none' };
}

const subscribe = (listener: () => void) => {
  window.addEventListener('popstate', listener);
  return () => window.removeEventListener('popstate', listener);
};

export const usePathname = () => useSyncExternalStore(subscribe, () => location.pathname);

/** Navigates within the app, keeping the query string (?table=7, ?kiosk=1). */
export function navigate(path: string, { keepQuery = true } = {}) {
  history.pushState(null, '', keepQuery ? path + location.search : path);
  dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export const queryParam = (name: string) => new URLSearchParams(location.search).get(name);
