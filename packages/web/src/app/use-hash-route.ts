import { useEffect, useState } from 'react';

/** A parsed location hash: `#/conversations/abc?x=1` -> segments ['conversations', 'abc'], query x=1. */
export interface Route {
  readonly segments: readonly string[];
  readonly query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  return {
    segments: path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s)),
    query: new URLSearchParams(query),
  };
}

/** Hash routing: the server only has to serve one index.html, and links work inside the Chatwoot iframe too. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
