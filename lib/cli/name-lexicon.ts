// The word lists data-check lints catalog names with (lib/dataset/name-lint.ts), from maintained
// registry packages (development dependencies, never shipped): an-array-of-english-words and
// an-array-of-french-words (dictionary words), cspell's people-names and companies dictionaries.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NameLexicon } from '../dataset/name-lint';

const require = createRequire(import.meta.url);

/** A cspell dictionary's word file (beside its exported cspell-ext.json): one entry per line, comments after #. */
async function readCspellList(packageName: string, file: string): Promise<Set<string>> {
  const text = await readFile(join(dirname(require.resolve(`${packageName}/cspell-ext.json`)), file), 'utf8');
  return new Set(text.split('\n').map((line) => line.replace(/#.*/u, '').trim()).filter((line) => line.length > 0));
}

export async function loadNameLexicon(): Promise<NameLexicon> {
  const english = require('an-array-of-english-words') as string[];
  const french = require('an-array-of-french-words') as string[];
  const words = new Set([...english, ...french].map((word) => word.toLowerCase()));
  const [people, companies] = await Promise.all([
    readCspellList('@cspell/dict-people-names', 'dict/people-names.txt'),
    readCspellList('@cspell/dict-companies', 'dict/companies.txt'),
  ]);
  return {
    isWord: (lowerCase) => words.has(lowerCase),
    isPersonName: (name) => people.has(name),
    isCompanyName: (name) => companies.has(name),
  };
}
