// A small inline catalog for the matcher's unit tests: the shapes and rules of the real one,
// frozen here so the tests do not move when the dataset grows.

import type { Entity } from '../dataset/types';

function vendor(id: string, parent: string | null, fields: Partial<Entity>): Entity {
  return { id, name: id, type: 'vendor', country: 'US', parent, aliases: [], products: [], domains: [], ambiguous: [], ...fields };
}

export const testCatalog: Entity[] = [
  vendor('microsoft', null, {
    aliases: ['Microsoft', 'Microsoft Corporation'],
    products: ['Azure', 'Microsoft Azure', 'Windows', 'Copilot'],
    domains: ['microsoft.com', 'azure.microsoft.com', 'azure.com'],
    ambiguous: [
      { alias: 'Azure', caseSensitive: true, requireEvidence: true, note: 'a colour' },
      { alias: 'Windows', caseSensitive: true, requireEvidence: true, note: 'common noun' },
    ],
  }),
  vendor('github', 'microsoft', { aliases: ['GitHub'], domains: ['github.com'] }),
  vendor('linkedin', 'microsoft', { aliases: ['LinkedIn'], domains: ['linkedin.com'] }),
  vendor('google', null, { aliases: ['Google', 'Google Cloud'], domains: ['google.com', 'cloud.google.com'] }),
  vendor('youtube', 'google', { aliases: ['YouTube'], domains: ['youtube.com'] }),
  vendor('amazon', null, {
    aliases: ['Amazon', 'Amazon.com'],
    domains: ['amazon.com'],
    ambiguous: [
      {
        alias: 'Amazon',
        caseSensitive: true,
        notBefore: ['rainforest', 'river', 'basin', 'forêt', 'fleuve', 'bassin'],
        forbidNear: ['deforestation', 'déforestation', "Brazil's", 'Amazonie'],
        cues: ['cloud', 'contract'],
        note: 'the river and rainforest',
      },
    ],
  }),
  vendor('aws', 'amazon', { aliases: ['Amazon Web Services', 'AWS'], domains: ['aws.amazon.com', 'amazonaws.com'] }),
  vendor('twitch', 'amazon', { aliases: ['Twitch'], domains: ['twitch.tv'] }),
  vendor('oracle', null, {
    aliases: ['Oracle'],
    products: ['Oracle Cloud Infrastructure', 'OCI'],
    domains: ['oracle.com'],
    ambiguous: [
      { alias: 'Oracle', caseSensitive: true, notBefore: ['of', 'de'], notAfter: ['the', "l'"], forbidNear: ['Delphi', 'Delphes', 'Pythia'], note: 'Delphi' },
    ],
  }),
  vendor('anthropic', null, {
    aliases: ['Anthropic'],
    products: ['Claude'],
    ambiguous: [
      {
        alias: 'Claude',
        caseSensitive: true,
        requireEvidence: true,
        cues: ['AI', 'IA', 'model', 'modèle', 'Anthropic', 'Sonnet', 'Opus', 'chatbot*'],
        forbidNear: ['Monet', 'Debussy', 'Van Damme'],
        note: 'a first name',
      },
    ],
  }),
  vendor('palantir', null, {
    aliases: ['Palantir'],
    products: ['Gotham', 'Maven'],
    domains: ['palantir.com'],
    ambiguous: [
      { alias: 'Gotham', caseSensitive: true, requireEvidence: true, notBefore: ['City'], cues: ['data'], forbidNear: ['stream*'], note: 'Batman' },
      { alias: 'Maven', caseSensitive: true, notAfter: ['Apache'], forbidNear: ['pom.xml'], note: 'the build tool' },
    ],
  }),
  vendor('cisco', null, { aliases: ['Cisco'], domains: ['cisco.com'] }),
  vendor('hp', null, {
    aliases: ['HP', 'Hewlett-Packard'],
    domains: ['hp.com'],
    ambiguous: [{ alias: 'HP', caseSensitive: true, notAfterNumber: true, note: 'horsepower' }],
  }),
  vendor('meta', null, {
    aliases: ['Meta', 'Facebook'],
    domains: ['meta.com', 'facebook.com'],
    ambiguous: [{ alias: 'Meta', caseSensitive: true, requireEvidence: true, note: 'a common prefix' }],
  }),
  vendor('instagram', 'meta', { aliases: ['Instagram'], domains: ['instagram.com'] }),
  {
    id: 'israel-defense-forces', name: 'Israel Defense Forces', type: 'military', country: 'IL', parent: null,
    aliases: ['IDF'], products: [], domains: [], ambiguous: [],
  },
];
