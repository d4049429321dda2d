/**
 * How the per-article index features (features.ts) cross from a worker thread to the main thread:
 * as numbers, each word sent as text only the first time a thread ships it. A feature list
 * of ~3 000 words per article as strings cost the main thread a string each to copy in and a
 * hash each to look up, for every article; as Int32Arrays they are a copy of a few kilobytes and
 * an array lookup per word.
 *
 * - A `Shipper` (one per thread and namespace, living as long as the thread) numbers the names in
 *   the order it first ships them and hands each new name over once, in the `Shipment` of the
 *   article that used it first.
 * - A `Vocabulary` (main thread: one per build, or per `dev` session, as long as its threads live)
 *   takes the shipments in the order each thread made them and turns every thread's numbers into
 *   its own. Its numbers do not depend on which thread made an article, so results kept between
 *   builds (session.ts) stay valid; the index (search.ts Postings, related.ts FeatureTable) then
 *   numbers the names it actually meets in its own order, so the output is what plain strings gave.
 *
 * Two namespaces travel side by side: search terms and related-article features.
 */
import type { Names } from './names.ts';

/** The names a shipper numbered since its last shipment: numbers `from`, `from + 1`, …. */
export interface Delta {
  from: number;
  names: string[];
}

export interface Shipment {
  /** The thread's index in its pool (0 for the main thread). */
  source: number;
  terms: Delta;
  features: Delta;
}

/** Numbers of one numbering → numbers of another, −1 for those not mapped yet; grows as needed. */
export class NumberMap {
  private map = new Int32Array(0);

  get(n: number): number {
    return n < this.map.length ? (this.map[n] as number) : -1;
  }

  set(n: number, to: number): void {
    if (n >= this.map.length) {
      const grown = new Int32Array(Math.max(1024, n + 1, this.map.length * 2)).fill(-1);
      grown.set(this.map);
      this.map = grown;
    }
    this.map[n] = to;
  }
}

export class Shipper {
  /** The names the thread's numbers below belong to (analysis.ts starts a new list when its memo is full). */
  private source: Names | undefined;
  /** Thread number → shipped number. */
  private slot = new NumberMap();
  /** Shipped number → thread number (−1: of an earlier source list). */
  private order: number[] = [];
  private pending: string[] = [];
  private from = 0;

  /**
   * The main thread knows only the first `known` names (a build that ended before it read every
   * answer, or a new vocabulary): ship the rest again when they are next used.
   */
  rollback(known: number): void {
    for (let s = known; s < this.order.length; s++) {
      const id = this.order[s] as number;
      if (id >= 0) this.slot.set(id, -1);
    }
    if (known < this.order.length) this.order.length = known;
    this.pending = [];
    this.from = this.order.length;
  }

  /** The shipped number of `names`' entry `id`. */
  code(names: Names, id: number): number {
    if (names !== this.source) {
      this.source = names;
      this.slot = new NumberMap();
      this.order.fill(-1);
    }
    let s = this.slot.get(id);
    if (s === -1) {
      s = this.order.length;
      this.slot.set(id, s);
      this.order.push(id);
      this.pending.push(names.list[id] as string);
    }
    return s;
  }

  /** The names numbered since the last `take`. */
  take(): Delta {
    const delta = { from: this.from, names: this.pending };
    this.pending = [];
    this.from = this.order.length;
    return delta;
  }
}

/** One namespace on the main thread: names by number, and each source's shipped numbers → these. */
class Namespace {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  readonly sources: number[][] = [];

  receive(source: number, delta: Delta, coded: Int32Array[]): void {
    const mine = (this.sources[source] ??= []);
    if (delta.from !== mine.length) throw new Error(`index: Wortliste von Thread ${source} lückenhaft (${delta.from} statt ${mine.length})`);
    for (const name of delta.names) {
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.list.length;
        this.ids.set(name, id);
        this.list.push(name);
      }
      mine.push(id);
    }
    for (const ids of coded) {
      for (let i = 0; i < ids.length; i++) {
        const id = mine[ids[i] as number];
        if (id === undefined) throw new Error(`index: Thread ${source} sendet unbekanntes Wort ${ids[i]}`);
        ids[i] = id;
      }
    }
  }
}

export class Vocabulary {
  readonly terms = new Namespace();
  readonly features = new Namespace();

  /** Per source, how many names of each namespace this vocabulary has (the threads roll back to it, Shipper.rollback). */
  known(): { terms: number[]; features: number[] } {
    const counts = (sources: number[][]) => Array.from(sources, (s) => s?.length ?? 0); // sparse: sources not heard from yet
    return { terms: counts(this.terms.sources), features: counts(this.features.sources) };
  }

  /**
   * A thread's features, in the order that thread made them: its numbers become this
   * vocabulary's (in place) and the shipment is used up.
   */
  receive<F extends { shipment?: Shipment; search: { terms: Int32Array }[]; related: { features: Int32Array } }>(features: F): Omit<F, 'shipment'> {
    const { shipment, ...received } = features;
    if (!shipment) throw new Error('index: Merkmale ohne Wortliste (zweimal empfangen?)');
    this.terms.receive(
      shipment.source,
      shipment.terms,
      features.search.map((f) => f.terms),
    );
    this.features.receive(shipment.source, shipment.features, [features.related.features]);
    return received;
  }
}
