// The explore page's address (DESIGN.md contract): explore.html shows the list, #vendor=<id> a
// company, #customer=<id> a customer, #finding=<id> one finding. Parsing never throws: anything
// else is the list.
export type ExploreRoute =
  | { view: 'list' }
  | { view: 'vendor'; id: string }
  | { view: 'customer'; id: string }
  | { view: 'finding'; id: string };

const ROUTE_PATTERN = /^#(vendor|customer|finding)=([^&]+)$/;

export function parseRoute(hash: string): ExploreRoute {
  const match = ROUTE_PATTERN.exec(hash);
  if (!match) return { view: 'list' };
  let id: string;
  try {
    id = decodeURIComponent(match[2]!);
  } catch {
    return { view: 'list' };
  }
  return { view: match[1] as 'vendor' | 'customer' | 'finding', id };
}

/** The hash for a route ('' for the list), the inverse of parseRoute. */
export function formatRoute(route: ExploreRoute): string {
  return route.view === 'list' ? '' : `#${route.view}=${encodeURIComponent(route.id)}`;
}
