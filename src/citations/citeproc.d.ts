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
  interface XmlNode {
    name: string;
    attrs: Record<string, string>;
    children: (XmlNode | string)[];
  }
  const CSL: {
    Engine: new (sys: Sys, style: string, language: string, forceLanguage?: boolean) => Engine;
    XmlJSON: { prototype: { getNodesByName(json: XmlNode | undefined, name: string, value?: string, found?: XmlNode[]): XmlNode[] } };
  };
  export default CSL;
}

declare module '@citation-js/core' {
  export const plugins: {
    input: {
      /** Parse input through every format to CSL-JSON. */
      chain(data: unknown, options: Record<string, unknown>): unknown;
      /** Parse input of a named format one step (`@biblatex/text` → its entries). */
      data(data: unknown, type: string): unknown;
    };
  };
}
