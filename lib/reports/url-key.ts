// Page addresses compared as a reader would: one key per article whatever the scheme, `www.`, a
// trailing slash, a #fragment, tracking parameters or the AMP / mobile copy. The path and the
// query parameters that choose the content (?p=1285, ?id=…) still tell two pages apart.
import { parseWebUrl } from '../web-url';

/** Query parameters that only say where a click came from (matched on the lower-cased name). */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', 'mkt_tok', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking',
  'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv', 'wickedid', 'rb_clickid', 's_cid', 'cmpid', 'cmp', 'icid',
  'ncid', 'ocid', 'taid', 'smid', 'smtyp', 'sr_share', 'ns_mchannel', 'ns_campaign', 'ns_source', 'ns_linkname',
  'ns_fee', 'ito', 'oref', 'ref', 'ref_src', 'ref_url', 'referrer', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'spm', 'share', 'amp', 'rss', 'dicbo', 'xtor', 'at_medium',
  'at_campaign', 'at_link', 'at_source', 'at_ptr_name', 'at_custom1', 'at_custom2', 'at_custom3', 'at_custom4',
]);

/** Name prefixes of tracking families (utm_source, utm_medium, …; pk_campaign; mtm_…). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hmb_'];

/** Parameters that are tracking only with these values: `?src=rss`, Blogger's mobile switch `?m=1`, `?outputType=amp`. */
const TRACKING_VALUES: Record<string, RegExp> = {
  src: /^(?:rss|feed|feeds|twitter|facebook|fb|email|newsletter|share|sharebar|social)$/iu,
  m: /^[01]$/u,
  outputtype: /^amp$/iu,
  output: /^amp$/iu,
};

/** Host labels that only mark a copy of the same site: www, mobile and AMP hosts. */
const COPY_HOST_PREFIX = /^(?:(?:www\d*|m|mobile|amp)\.)+/u;

function isTrackingParam(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (TRACKING_PARAMS.has(lower)) return true;
  if (TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix))) return true;
  return TRACKING_VALUES[lower]?.test(value) ?? false;
}

/**
 * The original article's address for an AMP cache copy: Google's cache
 * (`www-example-com.cdn.ampproject.org/c/s/www.example.com/…`) and its viewer (`google.com/amp/s/…`).
 */
function unwrapAmpCache(url: URL): URL {
  const host = url.hostname;
  const cache = host.endsWith('.cdn.ampproject.org') ? /^\/[cv]\/(s\/)?(.+)$/u.exec(url.pathname) : null;
  const viewer = /^(?:www\.)?google\.[a-z.]+$/u.test(host) ? /^\/amp\/(s\/)?(.+)$/u.exec(url.pathname) : null;
  const match = cache ?? viewer;
  if (!match?.[2]) return url;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`);
  } catch {
    return url;
  }
}

/** The path without AMP markers (`/amp/` segments, `.amp` or `.amp.html` endings), repeated and trailing slashes. */
function cleanPath(pathname: string): string {
  const segments = pathname.split('/').filter((segment) => segment !== '' && segment.toLowerCase() !== 'amp');
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.amp(?=\.html?$|$)/iu, '');
  // Percent-escapes compare in one case: %c3%a9 is %C3%A9.
  return `/${segments.join('/')}`.replace(/%[0-9a-f]{2}/giu, (escape) => escape.toUpperCase());
}

/**
 * The key of a page address, or null for anything that is not an http(s) page. Two addresses of the
 * same article get the same key: "972mag.com/microsoft-azure-openai-israeli-army-cloud".
 */
export function sourceKey(address: string): string | null {
  const parsed = parseWebUrl(address.trim());
  if (!parsed) return null;
  const url = unwrapAmpCache(parsed);
  const host = url.hostname.replace(/\.$/u, '').replace(COPY_HOST_PREFIX, '');
  if (host === '') return null;
  const params = [...url.searchParams]
    .filter(([name, value]) => !isTrackingParam(name, value))
    .sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const path = cleanPath(url.pathname);
  return `${host}${path === '/' ? '' : path}${query}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The address as the reader sees it, minus what only tracks them (tracking parameters, the fragment):
 * what a report link may carry. Null for anything that is not an http(s) page.
 */
export function shareableAddress(address: string): string | null {
  const url = parseWebUrl(address.trim());
  if (!url) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const [name, value] of [...url.searchParams]) if (isTrackingParam(name, value)) url.searchParams.delete(name, value);
  return url.href;
}
