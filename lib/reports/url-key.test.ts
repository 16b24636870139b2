import { describe, expect, it } from 'vitest';
import { shareableAddress, sourceKey } from './url-key';

const NEXT_INK = 'https://next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/';

describe('sourceKey: variants a reader takes for the same article', () => {
  it.each([
    ['the source as listed', NEXT_INK],
    ['http and www', 'http://www.next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/'],
    ['no trailing slash', 'https://next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia'],
    ['a fragment', `${NEXT_INK}#comments`],
    ['utm parameters', `${NEXT_INK}?utm_source=twitter&utm_medium=social&utm_campaign=feed`],
    ['fbclid and gclid', `${NEXT_INK}?fbclid=IwAR0abc&gclid=Cj0KCQ`],
    ['Mailchimp ids', `${NEXT_INK}?mc_cid=1a2b&mc_eid=3c4d`],
    ['an upper-case host and a default port', 'https://NEXT.INK:443/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/'],
    ['an /amp/ segment at the end', `${NEXT_INK}amp/`],
    ['?amp', `${NEXT_INK}?amp`],
    ['?amp=1 and an amp. host', 'https://amp.next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/?amp=1'],
    ['a mobile host', 'https://m.next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia'],
    ['Google’s AMP cache', 'https://next-ink.cdn.ampproject.org/c/s/next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/amp/'],
    ['Google’s AMP viewer', 'https://www.google.com/amp/s/next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/amp/'],
    ['a doubled slash', 'https://next.ink//167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia/'],
  ])('%s', (_name, variant) => {
    expect(sourceKey(variant)).toBe('next.ink/167498/israel-hamas-microsoft-a-largement-fourni-larmee-israelienne-en-cloud-et-ia');
  });

  it.each([
    // Addresses as they appear in the dataset, against what a reader's tab would show.
    ['https://www.janes.com/amp/us-army-awards-microsoft-usd219-billion-ivas-contract/ZnlJ', 'https://www.janes.com/us-army-awards-microsoft-usd219-billion-ivas-contract/ZnlJ'],
    ['https://www.soundtelegraph.com.au/politics/ghost-shark-c-19970972.amp', 'https://soundtelegraph.com.au/politics/ghost-shark-c-19970972'],
    ['https://edition.example.com/2025/01/23/story/index.amp.html', 'https://edition.example.com/2025/01/23/story/index.html'],
    ['https://the-decoder.com/microsoft-proposed-using-dall-e-to-us-military-last-year/?amp=1', 'https://the-decoder.com/microsoft-proposed-using-dall-e-to-us-military-last-year/'],
    ['https://www.engadget.com/starlink-165926481.html?src=rss', 'https://www.engadget.com/starlink-165926481.html'],
    ['https://www.dailymail.co.uk/wires/article-13474055/Maven.html?ns_mchannel=rss&ns_campaign=1490&ito=1490', 'https://www.dailymail.co.uk/wires/article-13474055/Maven.html'],
    ['https://www.strategicstudyindia.com/2025/05/palantir.html?m=0', 'https://www.strategicstudyindia.com/2025/05/palantir.html?m=1'],
    ['https://www.washingtontechnology.com/2020/11/c2e/355018/?oref=wt-related-article', 'https://washingtontechnology.com/2020/11/c2e/355018'],
    ['https://www.theguardian.com/world/2025/jan/23/israeli-military-gaza-war-microsoft', 'https://www.theguardian.com/world/2025/jan/23/israeli-military-gaza-war-microsoft?CMP=share_btn_url'],
    ['https://example.org/p?b=2&a=1', 'https://example.org/p?a=1&b=2&utm_term=x'],
    ['https://example.org/caf%c3%a9', 'https://example.org/café'],
  ])('%s ≡ %s', (listed, visited) => {
    expect(sourceKey(visited)).toBe(sourceKey(listed));
  });

  it.each([
    ['another article on the same site', 'https://next.ink/167498/a', 'https://next.ink/167499/a'],
    ['a meaningful query parameter', 'https://cgcnews.com/?p=1285', 'https://cgcnews.com/?p=1286'],
    ['an id parameter', 'https://www.novinite.com/view_news.php?id=236772', 'https://www.novinite.com/view_news.php'],
    ['path case matters', 'https://example.org/Story', 'https://example.org/story'],
    ['another site', 'https://next.ink/167498/a', 'https://next.ink.example/167498/a'],
    ['a subdomain that is not a copy', 'https://blog.example.org/a', 'https://example.org/a'],
    ['m= with a value that is not a switch', 'https://example.org/a?m=2024', 'https://example.org/a'],
  ])('%s differs', (_name, a, b) => {
    expect(sourceKey(a)).not.toBe(sourceKey(b));
  });

  it.each(['not a url', 'chrome://extensions/', 'about:blank', 'moz-extension://uuid/popup.html', 'file:///home/x.html', ''])('%s has no key', (address) => {
    expect(sourceKey(address)).toBeNull();
  });
});

describe('shareableAddress', () => {
  it.each([
    [`${NEXT_INK}?utm_source=x&p=2#top`, `${NEXT_INK}?p=2`],
    ['https://user:secret@example.org/a?fbclid=1', 'https://example.org/a'],
    ['https://example.org/a', 'https://example.org/a'],
  ])('%s → %s', (address, expected) => {
    expect(shareableAddress(address)).toBe(expected);
  });

  it('refuses what is not a web page', () => {
    expect(shareableAddress('chrome://settings')).toBeNull();
  });
});
