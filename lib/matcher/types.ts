// What the matcher reports; shared by the content script, the background, the CLI and tests.

/** One mention of a company in a text: offsets are UTF-16 indices into the ORIGINAL text. */
export interface Mention {
  /** Top-level vendor id (a GitHub mention yields "microsoft"). */
  vendor: string;
  /** The entity actually named (may be a subsidiary, e.g. "github"). */
  entity: string;
  /** The alias or product as written in the catalog ("Azure"). */
  alias: string;
  start: number;
  end: number;
}

/** A URL attributed to a company by its host. */
export interface DomainMatch {
  vendor: string;
  entity: string;
  /** The catalog domain that matched (e.g. "azure.microsoft.com" or "github.com"). */
  domain: string;
}
