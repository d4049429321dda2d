/**
 * Strings numbered in the order they are first met: the search analysis's words and terms
 * (analysis.ts) and the related-article features (related.ts FeatureTable).
 */
export class Names {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(name, id);
      this.list.push(name);
    }
    return id;
  }
}
