import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, normalizeTerm } from '../text/normalize';
import { compileMatcher } from './index';
import { testCatalog } from './test-catalog';

const matcher = compileMatcher(testCatalog, []);

/** "alias@vendor" for each mention, in order: compact and readable in a table. */
function describeMentions(text: string): string[] {
  return matcher.matchText(text).map((mention) => `${text.slice(mention.start, mention.end)}@${mention.vendor}`);
}

describe('matchText: rules from the catalog', () => {
  const cases: { rule: string; lang: 'en' | 'fr'; text: string; expected: string[] }[] = [
    // Plain aliases, subsidiaries, longest alias wins.
    { rule: 'plain alias', lang: 'en', text: 'Microsoft said on Tuesday', expected: ['Microsoft@microsoft'] },
    { rule: 'subsidiary → parent vendor', lang: 'en', text: 'hosted on GitHub and YouTube', expected: ['GitHub@microsoft', 'YouTube@google'] },
    { rule: 'longest alias wins', lang: 'en', text: 'Amazon Web Services won', expected: ['Amazon Web Services@amazon'] },
    { rule: 'longest product wins', lang: 'en', text: 'on Oracle Cloud Infrastructure', expected: ['Oracle Cloud Infrastructure@oracle'] },
    { rule: 'alias case-insensitive by default', lang: 'en', text: 'the MICROSOFT contract', expected: ['MICROSOFT@microsoft'] },
    // Word boundaries.
    { rule: 'no match inside a word', lang: 'en', text: 'Amazonian tribes and Googleplex', expected: [] },
    { rule: 'San Francisco is not Cisco', lang: 'en', text: 'offices in San Francisco', expected: [] },
    { rule: 'French elision, straight apostrophe', lang: 'fr', text: "les serveurs d'Amazon et l'armée", expected: ['Amazon@amazon'] },
    { rule: 'French elision, curly apostrophe', lang: 'fr', text: 'le cloud d’Amazon pour l’armée', expected: ['Amazon@amazon'] },
    { rule: 'accented neighbours are letters', lang: 'fr', text: 'éGoogleé', expected: [] },
    // Case-sensitive aliases.
    { rule: 'caseSensitive: lowercase colour', lang: 'en', text: 'an azure sky over Microsoft', expected: ['Microsoft@microsoft'] },
    { rule: 'caseSensitive: lowercase windows', lang: 'en', text: 'open the windows, said Microsoft', expected: ['Microsoft@microsoft'] },
    { rule: 'caseSensitive: lowercase meta', lang: 'en', text: 'a meta discussion on Facebook', expected: ['Facebook@meta'] },
    { rule: 'acronym policy: lowercase aws', lang: 'en', text: 'aws and AWS', expected: ['AWS@amazon'] },
    { rule: 'caseSensitive: lowercase amazon', lang: 'fr', text: "l'amazone et amazon", expected: [] },
    // notBefore / notAfter.
    { rule: 'notBefore: Amazon rainforest', lang: 'en', text: 'the Amazon rainforest is burning', expected: [] },
    { rule: 'notBefore: Amazon River', lang: 'en', text: 'along the Amazon River', expected: [] },
    { rule: 'notBefore: Amazon basin', lang: 'en', text: 'the Amazon basin', expected: [] },
    { rule: 'notBefore: French forêt', lang: 'fr', text: 'la Amazon forêt', expected: [] },
    { rule: 'notBefore allows other words', lang: 'en', text: 'Amazon said it would', expected: ['Amazon@amazon'] },
    { rule: 'notBefore allows other words (fr)', lang: 'fr', text: 'Amazon a déclaré', expected: ['Amazon@amazon'] },
    { rule: 'notBefore: Oracle of Delphi', lang: 'en', text: 'the Oracle of Delphi spoke', expected: [] },
    { rule: 'notBefore: Oracle de Delphes', lang: 'fr', text: "l'Oracle de Delphes", expected: [] },
    { rule: 'notBefore: Gotham City', lang: 'en', text: 'Palantir, not Gotham City', expected: ['Palantir@palantir'] },
    { rule: 'notAfter: Apache Maven', lang: 'en', text: 'Palantir builds with Apache Maven', expected: ['Palantir@palantir'] },
    { rule: 'notAfter allows Maven elsewhere', lang: 'en', text: 'Palantir Maven for targeting', expected: ['Palantir@palantir', 'Maven@palantir'] },
    { rule: 'notAfterNumber: 300 hp engine', lang: 'en', text: 'a 300 HP engine', expected: [] },
    { rule: 'acronym: 300 hp lowercase', lang: 'en', text: 'a 300 hp engine', expected: [] },
    { rule: 'notAfterNumber: HP laptops', lang: 'en', text: 'HP laptops for the army', expected: ['HP@hp'] },
    { rule: 'notAfterNumber: French chevaux', lang: 'fr', text: 'un moteur de 300 HP', expected: [] },
    // requireNear / forbidNear.
    { rule: 'requireNear: Claude 3.5 Sonnet', lang: 'en', text: 'Claude 3.5 Sonnet answered', expected: ['Claude@anthropic'] },
    { rule: 'requireNear: modèle Claude', lang: 'fr', text: "le modèle d'IA Claude", expected: ['Claude@anthropic'] },
    { rule: 'requireNear missing: a first name', lang: 'fr', text: 'Claude est parti hier', expected: [] },
    { rule: 'forbidNear: Claude Monet', lang: 'en', text: 'Claude Monet painted an AI-free sky', expected: [] },
    { rule: 'forbidNear phrase: Van Damme', lang: 'fr', text: 'Jean-Claude Van Damme, modèle de karaté', expected: [] },
    { rule: 'forbidNear phrase needs the whole phrase', lang: 'en', text: 'the van Claude drove, an AI model', expected: ['Claude@anthropic'] },
    { rule: "forbidNear: Brazil's (apostrophe phrase)", lang: 'en', text: "Brazil's Amazon is shrinking", expected: [] },
    { rule: 'forbidNear: déforestation', lang: 'fr', text: 'la déforestation en Amazon progresse', expected: [] },
    { rule: 'forbidNear: Delphi anywhere near', lang: 'en', text: 'in Delphi, the Oracle answered', expected: [] },
    // Corroboration within the document.
    { rule: 'requireCorroboration: Azure alone', lang: 'en', text: 'Azure was chosen', expected: [] },
    { rule: 'requireCorroboration: Azure with Microsoft', lang: 'en', text: 'Microsoft said Azure was chosen', expected: ['Microsoft@microsoft', 'Azure@microsoft'] },
    { rule: 'requireCorroboration: by a subsidiary', lang: 'en', text: 'GitHub runs on Azure', expected: ['GitHub@microsoft', 'Azure@microsoft'] },
    { rule: 'requireCorroboration: Meta alone (fr)', lang: 'fr', text: 'Meta a répondu', expected: [] },
    { rule: 'requireCorroboration: Meta with Instagram (fr)', lang: 'fr', text: 'Meta, maison mère d’Instagram', expected: ['Meta@meta', 'Instagram@meta'] },
    { rule: 'ambiguous aliases do not corroborate each other', lang: 'en', text: 'Gotham runs on Azure', expected: [] },
    { rule: 'an alias with a rule of its own, once passed, corroborates', lang: 'en', text: 'Maven feeds Gotham', expected: ['Maven@palantir', 'Gotham@palantir'] },
    { rule: 'an alias its rule refused does not corroborate', lang: 'en', text: 'Apache Maven feeds Gotham', expected: [] },
    // Evidence in the sentence: cues, other senses, sentence bounds, the capitals of multi-word names.
    { rule: 'weak name with a cue in its sentence', lang: 'en', text: 'Claude, the chatbot, wrote it', expected: ['Claude@anthropic'] },
    { rule: 'cue a dozen words away, same sentence', lang: 'en', text: 'Claude was asked about the war and the weather and the news and answered like a model', expected: ['Claude@anthropic'] },
    { rule: 'a cue in another sentence does not count', lang: 'en', text: 'Claude left early. The model stayed.', expected: [] },
    { rule: 'a dot inside a number does not end the sentence', lang: 'en', text: 'Claude 3.5 is a model', expected: ['Claude@anthropic'] },
    { rule: 'prefix cue (stream*)', lang: 'en', text: 'Gotham streaming rights', expected: [] },
    { rule: 'weak name: another sense vetoes even with a cue', lang: 'en', text: 'Claude Monet, an AI model fan', expected: [] },
    { rule: 'strong name: a cue outweighs another sense', lang: 'en', text: 'the Amazon cloud contract in Brazil\'s north', expected: ['Amazon@amazon'] },
    { rule: 'strong name: another sense alone leaves it to the document', lang: 'en', text: "Brazil's Amazon, said Google", expected: ['Google@google'] },
    { rule: 'multi-word name keeps its capitals', lang: 'en', text: 'amazon web services and Amazon Web Services', expected: ['Amazon Web Services@amazon'] },
    { rule: 'multi-word name in capitals', lang: 'en', text: 'AMAZON WEB SERVICES', expected: ['AMAZON WEB SERVICES@amazon'] },
    // Normalisation.
    { rule: 'NBSP inside a multi-word alias', lang: 'en', text: 'Amazon\u00a0Web\u00a0Services', expected: ['Amazon\u00a0Web\u00a0Services@amazon'] },
    { rule: 'soft hyphen inside an alias', lang: 'en', text: 'Pa\u00adlan\u00adtir', expected: ['Pa\u00adlan\u00adtir@palantir'] },
    { rule: '® outside the mention', lang: 'en', text: 'Microsoft® Azure™', expected: ['Microsoft® Azure@microsoft'] },
    { rule: 'full-width letters', lang: 'en', text: 'Ｇｏｏｇｌｅ', expected: ['Ｇｏｏｇｌｅ@google'] },
    { rule: 'full-width letters mid-sentence keep offsets', lang: 'en', text: 'selon ｅｌｌｅ, Ｇｏｏｇｌｅ et Palantir', expected: ['Ｇｏｏｇｌｅ@google', 'Palantir@palantir'] },
    { rule: 'mathematical letters', lang: 'en', text: 'on 𝐆𝐢𝐭𝐇𝐮𝐛 today', expected: ['𝐆𝐢𝐭𝐇𝐮𝐛@microsoft'] },
    { rule: 'whitespace run inside a multi-word alias', lang: 'en', text: 'Amazon \n  Web\tServices', expected: ['Amazon \n  Web\tServices@amazon'] },
    { rule: 'soft hyphen and space run together', lang: 'en', text: 'Amazon \u00ad Web Ser\u00advices', expected: ['Amazon \u00ad Web Ser\u00advices@amazon'] },
    { rule: 'notBefore reads through a soft hyphen: Amazon rain­forest', lang: 'en', text: 'the Amazon rain\u00adforest', expected: [] },
    { rule: 'notAfterNumber reads a number through a soft hyphen', lang: 'en', text: 'a 3\u00ad00 HP engine', expected: [] },
    { rule: 'notAfter reads a word that starts with a soft hyphen', lang: 'en', text: '\u00adthe \u00adOracle spoke', expected: [] },
    { rule: 'notBefore across NBSP and a line break: Oracle of Delphi', lang: 'en', text: 'the Oracle\u00a0of\nDelphi', expected: [] },
    { rule: 'soft hyphen before a letter is no boundary', lang: 'en', text: 'Amazon\u00adian tribes', expected: [] },
    { rule: 'zero-width space is no boundary either', lang: 'en', text: 'Goo\u200bgle\u200bplex', expected: [] },
    { rule: 'combining accent after an alias is part of the word', lang: 'fr', text: 'Google\u0301 et Googlé', expected: [] },
    { rule: 'combining accent elsewhere leaves offsets right', lang: 'fr', text: 'l’arme\u0301e et Palantir', expected: ['Palantir@palantir'] },
    { rule: 'emoji around an alias', lang: 'en', text: '😀GitHub😀 and GitHub 🚀', expected: ['GitHub@microsoft'] },
    { rule: 'case-sensitive alias across NBSP', lang: 'en', text: 'Hewlett-Packard\u00a0and HP’s laptops', expected: ['Hewlett-Packard@hp', 'HP@hp'] },
    { rule: 'militaries are not vendors', lang: 'en', text: 'the IDF', expected: [] },
  ];
  it.each(cases)('$rule ($lang): $text', ({ text, expected }) => {
    expect(describeMentions(text)).toEqual(expected);
  });

  it('reports entity and alias as written in the catalog', () => {
    expect(matcher.matchText('on github')).toEqual([{ vendor: 'microsoft', entity: 'github', alias: 'GitHub', start: 3, end: 9 }]);
  });
});

describe('matchText reads typography as a normalised copy would', () => {
  /** The normalised copy, spelled out: invisible units dropped, NFKC, equivalents resolved, spaces collapsed. */
  function normaliseFully(text: string): string {
    return text
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff\u00ae\u2122]/gu, '')
      .normalize('NFKC')
      .replace(/[’‘ʼ′]/gu, "'")
      .replace(/[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu, ' ');
  }
  const fullWidth = (word: string): string => word.replace(/[!-~]/gu, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
  const names = testCatalog.filter((entity) => entity.type === 'vendor').flatMap((entity) => [...entity.aliases, ...entity.products]);
  const word = fc.oneof(
    fc.constantFrom(...names, 'the', 'armée', 'San Francisco', 'Monet', 'rainforest', 'said', '300', 'fine', 'ﬁne', 'é'),
    fc.constantFrom(...names).map((name) => name.toUpperCase()),
    fc.constantFrom(...names).map((name) => name.toLowerCase()),
    fc.constantFrom(...names).map(fullWidth),
  );
  const noisyWord = fc.tuple(word, fc.nat(12), fc.constantFrom('\u00ad', '\u200b', '™', '')).map(([text, at, mark]) => `${text.slice(0, at)}${mark}${text.slice(at)}`);
  const separator = fc.constantFrom(' ', '  ', '\n', ' \n\t ', '\u00a0', ', ', '. ', '’', "'", ' \u00ad ', '');
  const documentText = fc.array(fc.tuple(noisyWord, separator).map(([text, gap]) => text + gap), { maxLength: 30 }).map((parts) => parts.join(''));

  it('finds the same aliases as in the normalised copy, at offsets that read as the alias', () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const mentions = matcher.matchText(text);
        expect(mentions.map((mention) => mention.alias)).toEqual(matcher.matchText(normaliseFully(text)).map((mention) => mention.alias));
        for (const mention of mentions) {
          const read = foldText(normaliseFully(text.slice(mention.start, mention.end)));
          expect(read).toBe(normalizeTerm(mention.alias).folded);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('matchDocument and two-phase corroboration', () => {
  it('corroborates across chunks of one document', () => {
    expect(matcher.matchDocument(['Azure was chosen', 'by Microsoft'])).toEqual([
      [{ vendor: 'microsoft', entity: 'microsoft', alias: 'Azure', start: 0, end: 5 }],
      [{ vendor: 'microsoft', entity: 'microsoft', alias: 'Microsoft', start: 3, end: 12 }],
    ]);
  });
  it('two phases give the same result as matchDocument', () => {
    const texts = ['Gotham analysts', 'Palantir Technologies'];
    const candidates = texts.map((text) => matcher.findCandidates(text));
    expect(candidates[0]?.[0]?.needsCorroboration).toBe(true);
    expect(matcher.resolveCandidates(candidates)).toEqual(matcher.matchDocument(texts));
  });
  it('a vendor known from the URL corroborates', () => {
    expect(matcher.matchText('Azure pricing', { corroboratingVendors: ['microsoft'] })).toHaveLength(1);
    expect(matcher.matchText('Azure pricing', { corroboratingVendors: ['google'] })).toHaveLength(0);
  });
  it('mentions are sorted and non-overlapping', () => {
    const text = 'Microsoft Azure, Google Cloud, Amazon Web Services, Oracle Cloud Infrastructure and OCI';
    const mentions = matcher.matchText(text);
    expect(mentions.map((m) => m.alias)).toEqual(['Microsoft Azure', 'Google Cloud', 'Amazon Web Services', 'Oracle Cloud Infrastructure', 'OCI']);
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
  });
});

describe('attributeUrl', () => {
  const cases: { url: string; expected: string | null }[] = [
    { url: 'https://www.microsoft.com/en-us/', expected: 'microsoft/microsoft/microsoft.com' },
    { url: 'https://azure.microsoft.com/pricing', expected: 'microsoft/microsoft/azure.microsoft.com' },
    { url: 'https://portal.azure.microsoft.com/', expected: 'microsoft/microsoft/azure.microsoft.com' },
    { url: 'https://github.com/org/repo', expected: 'microsoft/github/github.com' },
    { url: 'https://www.linkedin.com/in/x', expected: 'microsoft/linkedin/linkedin.com' },
    { url: 'https://m.youtube.com/watch?v=1', expected: 'google/youtube/youtube.com' },
    { url: 'https://www.twitch.tv/x', expected: 'amazon/twitch/twitch.tv' },
    { url: 'https://aws.amazon.com/govcloud-us/', expected: 'amazon/aws/aws.amazon.com' },
    { url: 'https://www.amazon.com/dp/1', expected: 'amazon/amazon/amazon.com' },
    { url: 'https://www.instagram.com/p/1', expected: 'meta/instagram/instagram.com' },
    { url: 'HTTPS://WWW.MICROSOFT.COM./', expected: 'microsoft/microsoft/microsoft.com' },
    { url: 'http://microsoft.com:8080/x', expected: 'microsoft/microsoft/microsoft.com' },
    // Look-alikes and non-web URLs.
    { url: 'https://microsoft.com.evil.example/', expected: null },
    { url: 'https://notmicrosoft.com/', expected: null },
    { url: 'https://microsoft-com.example/', expected: null },
    { url: 'https://evil.example/microsoft.com', expected: null },
    { url: 'https://evil.example/?u=https://microsoft.com', expected: null },
    { url: 'https://evil.example/#microsoft.com', expected: null },
    { url: 'https://microsoft.com@evil.example/', expected: null },
    { url: 'http://13.107.42.14/', expected: null },
    { url: 'http://[2603:1030::1]/', expected: null },
    { url: 'file:///home/microsoft.com', expected: null },
    { url: 'about:blank', expected: null },
    { url: 'data:text/html,microsoft.com', expected: null },
    { url: 'ftp://microsoft.com/', expected: null },
    { url: 'microsoft.com', expected: null },
    { url: 'not a url', expected: null },
    { url: '', expected: null },
  ];
  it.each(cases)('$url', ({ url, expected }) => {
    const match = matcher.attributeUrl(url);
    expect(match ? `${match.vendor}/${match.entity}/${match.domain}` : null).toBe(expected);
  });
});

describe('vendorOf', () => {
  it.each([
    ['github', 'microsoft'], ['aws', 'amazon'], ['microsoft', 'microsoft'], ['unknown', 'unknown'],
  ])('%s → %s', (id, vendor) => {
    expect(matcher.vendorOf(id)).toBe(vendor);
  });
});
