// citeproc-js ships no types: the few calls Folio makes.
declare module 'citeproc' {
  interface Sys {
    retrieveLocale(language: string): string;
    retrieveItem(id: string): unknown;
  }
  interface Engine {
    opt: { xclass: string };
    updateItems(ids: string[]): void;
    makeCitationCluster(items: Record<string, unknown>[]): string;
    makeBibliography(): [{ entry_ids: string[][] }, string[]] | false;
  }
  const CSL: { Engine: new (sys: Sys, style: string, language: string, forceLanguage?: boolean) => Engine };
  export default CSL;
}

declare module '@citation-js/core' {
  export const plugins: { input: { chain(data: string, options: Record<string, unknown>): unknown } };
}
