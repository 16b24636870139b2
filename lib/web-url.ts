// One reading of a web page's address, for every module that takes one apart.

/** The address parsed, when it is an http(s) URL; null for anything else (not a URL, another scheme). */
export function parseWebUrl(address: string): URL | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
