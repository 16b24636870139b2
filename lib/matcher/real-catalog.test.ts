// The examples against the real catalog (assets/dataset/entities.json): the rules there
// must keep these true as the data grows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Entity, Topic } from '../dataset/types';
import { compileMatcher } from './index';

const { entities, topics } = JSON.parse(readFileSync(new URL('../../assets/dataset/entities.json', import.meta.url), 'utf8')) as { entities: Entity[]; topics: Topic[] };
const matcher = compileMatcher(entities, topics);

function vendorsIn(text: string): string[] {
  return matcher.matchText(text).map((mention) => `${text.slice(mention.start, mention.end)}@${mention.vendor}`);
}

describe('real catalog: ambiguous names need evidence', () => {
  const cases: { lang: 'en' | 'fr'; text: string; expected: string[] }[] = [
    { lang: 'en', text: 'Deforestation in the Amazon rainforest', expected: [] },
    { lang: 'en', text: 'The Amazon River floods', expected: [] },
    { lang: 'en', text: 'across the Amazon basin', expected: [] },
    { lang: 'en', text: 'the Oracle of Delphi', expected: [] },
    { lang: 'en', text: 'Claude Monet painted water lilies', expected: [] },
    { lang: 'en', text: 'Batman returns to Gotham City', expected: [] },
    { lang: 'en', text: 'Palantir Gotham and Palantir’s Foundry', expected: ['Palantir@palantir', 'Gotham@palantir', 'Palantir@palantir', 'Foundry@palantir'] },
    { lang: 'fr', text: 'Palantir fournit Gotham à la DGSI', expected: ['Palantir@palantir', 'Gotham@palantir'] },
    { lang: 'en', text: 'offices in San Francisco', expected: [] },
    { lang: 'en', text: 'build it with Apache Maven', expected: [] },
    { lang: 'en', text: 'a 300 hp engine', expected: [] },
    { lang: 'en', text: 'HP Inc. sold a 300 HP engine', expected: ['HP Inc.@hp'] },
    { lang: 'en', text: 'an azure sea, open windows and a meta joke', expected: [] },
    { lang: 'en', text: 'Amazon said it would appeal', expected: ['Amazon@amazon'] },
    { lang: 'en', text: 'running on Oracle Cloud Infrastructure', expected: ['Oracle Cloud Infrastructure@oracle'] },
    { lang: 'en', text: 'Claude 3.5 Sonnet answered', expected: ['Claude@anthropic'] },
    { lang: 'en', text: 'GitHub, LinkedIn and Azure', expected: ['GitHub@microsoft', 'LinkedIn@microsoft', 'Azure@microsoft'] },
    { lang: 'fr', text: 'la forêt amazonienne et le fleuve Amazone', expected: [] },
    { lang: 'fr', text: "l'oracle de Delphes", expected: [] },
    { lang: 'fr', text: 'les Nymphéas de Claude Monet', expected: [] },
    { lang: 'fr', text: "les serveurs d'Amazon et l’armée", expected: ['Amazon@amazon'] },
    { lang: 'fr', text: 'le contrat d’Oracle avec l’armée', expected: ['Oracle@oracle'] },
    { lang: 'fr', text: "le modèle Claude d'Anthropic", expected: ['Claude@anthropic', 'Anthropic@anthropic'] },
    // The kinds of error real text showed (issue 12): each line is a one-sentence document.
    { lang: 'en', text: 'Check the Azure status page before you file a ticket.', expected: ['Azure@microsoft'] },
    { lang: 'en', text: 'I logged on to Teams ten minutes late this morning.', expected: ['Teams@microsoft'] },
    { lang: 'en', text: 'Anduril, named after a sword in The Lord of the Rings, won the contract.', expected: ['Anduril@anduril'] },
    { lang: 'en', text: 'Dell Curry scored 20 points for the Hornets.', expected: [] },
    { lang: 'fr', text: 'Dans le roman de Tolkien, le palantír d’Orthanc trompe Saroumane.', expected: [] },
    { lang: 'fr', text: 'Les pèlerins consultaient l’Oracle de Delphes.', expected: [] },
    { lang: 'en', text: 'The Red Hat ladies met for lunch in purple.', expected: [] },
    { lang: 'en', text: 'RedHat shipped a new Linux release.', expected: ['RedHat@ibm'] },
    { lang: 'en', text: 'Eating whole foods helps.', expected: [] },
    { lang: 'en', text: 'Light falls through the oculus of the Pantheon; the Oculus in Rome is a dome.', expected: [] },
    { lang: 'en', text: 'Alphabet shares rose after earnings.', expected: ['Alphabet@google'] },
    { lang: 'en', text: 'A Ring doorbell camera filmed the thief.', expected: ['Ring@amazon'] },
    { lang: 'en', text: 'The Apollo program put men on the Moon.', expected: [] },
    { lang: 'en', text: 'Lattice Semiconductor makes FPGAs.', expected: [] },
    { lang: 'en', text: 'Le Mistral souffle fort en Provence.', expected: [] },
    { lang: 'en', text: 'Intel on the enemy positions was scarce.', expected: [] },
    { lang: 'en', text: 'Bing and GCP are names readers use.', expected: ['GCP@google'] },
    { lang: 'en', text: 'GCP training is required of every clinical trial site.', expected: [] },
    { lang: 'en', text: 'Oracle Park and Dell Diamond sold out on Saturday.', expected: [] },
    { lang: 'en', text: 'Wet AMD is treated with injections into the eye.', expected: [] },
    { lang: 'en', text: 'Search it on Bing, the search engine.', expected: ['Bing@microsoft'] },
    { lang: 'en', text: 'The team moved its workloads to GCP.', expected: ['GCP@google'] },
  ];
  it.each(cases)('$lang: $text', ({ text, expected }) => {
    expect(vendorsIn(text)).toEqual(expected);
  });
});

describe('real catalog: domains', () => {
  it.each([
    ['https://github.com/x', 'microsoft'],
    ['https://www.linkedin.com/', 'microsoft'],
    ['https://www.youtube.com/', 'google'],
    ['https://www.twitch.tv/', 'amazon'],
    ['https://aws.amazon.com/', 'amazon'],
    ['https://www.instagram.com/', 'meta'],
    ['https://azure.microsoft.com/', 'microsoft'],
    ['https://microsoft.com.evil.example/', null],
    ['https://www.amazon.co.uk/dp/x', 'amazon'],
    ['https://www.amazon.fr/', 'amazon'],
    ['https://www.google.de/search?q=x', 'google'],
    ['https://amazon.example/', null],
    ['https://notmicrosoft.com/', null],
  ])('%s → %s', (url, vendor) => {
    expect(matcher.attributeUrl(url)?.vendor ?? null).toBe(vendor);
  });

  it('azure.microsoft.com is attributed to its most specific catalog host', () => {
    expect(matcher.attributeUrl('https://azure.microsoft.com/en-us/')?.domain).toBe('azure.microsoft.com');
  });
});
