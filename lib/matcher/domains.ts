// Domain attribution: a URL's host belongs to a catalog entity when the host equals a catalog
// domain or is a subdomain of it, at or below the registrable domain (Public Suffix List, tldts).
// Only http(s) URLs with a DNS host are attributed; IPs, look-alikes and other schemes never are.

import { parse } from 'tldts';
import { parseWebUrl } from '../web-url';

export interface DomainTarget {
  entity: string;
  domain: string;
}

/** Lower-cased host of an http(s) URL, or null when `url` is not one. */
export function readHttpHost(url: string): string | null {
  const parsed = parseWebUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/u, '');
  return host.length > 0 ? host : null;
}

/** Finds the most specific catalog domain for the URL's host, or null. */
export function attributeHost(domains: ReadonlyMap<string, DomainTarget>, url: string): DomainTarget | null {
  const host = readHttpHost(url);
  if (host === null) return null;
  // Private suffixes count (user.github.io is not GitHub's own page).
  const info = parse(host, { allowPrivateDomains: true, extractHostname: false });
  if (info.isIp || info.domain === null || info.hostname === null) return null;
  const registrable = info.domain;
  // Walk from the full host up to the registrable domain, most specific first.
  let candidate = host;
  for (;;) {
    const target = domains.get(candidate);
    if (target) return target;
    if (candidate === registrable) return null;
    const dot = candidate.indexOf('.');
    if (dot < 0) return null;
    candidate = candidate.slice(dot + 1);
    if (candidate.length < registrable.length) return null;
  }
}
