// Turns what the reader types ("https://www.Example.co.uk/path", "news.example.com") into the
// registrable domain the site rules store ("example.co.uk"), or null when it is not a web site.
import { getDomain } from 'tldts';

export function normalizeSite(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed || trimmed.length > 2048) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`;
  let host: string;
  try {
    host = new URL(withScheme).hostname;
  } catch {
    return null;
  }
  const domain = getDomain(host, { allowPrivateDomains: false });
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : null;
}
