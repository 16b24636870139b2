// "Report a problem" and "Suggest this page as a source": a prefilled new-issue address on the
// project's repository, opened only if the reader follows the link. It carries the finding (or the
// company), the page's address without tracking parameters or fragment, and the dataset version; nothing else.
import type { Lang } from '../dataset/types';
import { shareableAddress } from '../reports/url-key';

/** The project's repository: the one place its address is written. */
export const REPOSITORY_URL = 'https://github.com/dual-use/dual-use';

const TEXT = {
  en: {
    problemTitle: (id: string) => `Problem with finding ${id}`,
    suggestTitle: (id: string) => `Source suggestion for ${id}`,
    finding: 'Finding', company: 'Company', page: 'Page', version: 'Dataset version',
    problemPrompt: 'What is wrong, and which source shows it:',
    suggestPrompt: 'What this page reports:',
  },
  fr: {
    problemTitle: (id: string) => `Problème avec le fait ${id}`,
    suggestTitle: (id: string) => `Source proposée pour ${id}`,
    finding: 'Fait', company: 'Entreprise', page: 'Page', version: 'Version des données',
    problemPrompt: 'Ce qui est faux, et quelle source le montre :',
    suggestPrompt: 'Ce que rapporte cette page :',
  },
} satisfies Record<Lang, unknown>;

function newIssueUrl(title: string, lines: string[]): string {
  const url = new URL(`${REPOSITORY_URL}/issues/new`);
  url.searchParams.set('title', title);
  url.searchParams.set('body', lines.join('\n'));
  return url.href;
}

function pageLine(label: string, pageUrl: string | null): string[] {
  const address = pageUrl === null ? null : shareableAddress(pageUrl);
  return address ? [`${label}: ${address}`] : [];
}

export function reportProblemUrl(findingId: string, pageUrl: string | null, datasetVersion: string, lang: Lang): string {
  const t = TEXT[lang];
  return newIssueUrl(t.problemTitle(findingId), [
    `${t.finding}: ${findingId}`, ...pageLine(t.page, pageUrl), `${t.version}: ${datasetVersion}`, '', t.problemPrompt, '',
  ]);
}

export function suggestSourceUrl(vendorId: string, pageUrl: string, datasetVersion: string, lang: Lang): string {
  const t = TEXT[lang];
  return newIssueUrl(t.suggestTitle(vendorId), [
    `${t.company}: ${vendorId}`, ...pageLine(t.page, pageUrl), `${t.version}: ${datasetVersion}`, '', t.suggestPrompt, '',
  ]);
}
