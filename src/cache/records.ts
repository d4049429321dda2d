/**
 * Content-addressed cache of per-document results (normalise + enrich), so a rebuild after one
 * changed file re-does only that file. Key = sha256(pipeline version, knowledge, source file, id,
 * input sha256): a change to the code, to corpus.yml or to the bytes misses. Stored as 16 shards
 * (by the key's first hex digit) of v8-serialised maps; a shard is rewritten only when its set of
 * keys changed, atomically (temporary file + rename), so a killed build leaves a valid cache.
 * Entries no longer used by the corpus are dropped when their shard is rewritten.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import v8 from 'node:v8';
import type { Knowledge } from '../model/knowledge.ts';
import type { RawDocument } from '../model/raw.ts';
import type { ProcessedDocument } from '../parallel/process.ts';

/** Bump when the shard format changes. */
const FORMAT = 1;
const SHARDS = 16;

export interface RecordCacheStats {
  hits: number;
  misses: number;
  /** Shards rewritten by save(). */
  written: number;
}

export interface RecordCache {
  key(doc: RawDocument): string;
  get(key: string): ProcessedDocument | undefined;
  set(key: string, value: ProcessedDocument): void;
  /** Persist the entries used in this build (get hits + set) and drop the rest. */
  save(): Promise<void>;
  readonly stats: RecordCacheStats;
}

type Shard = Map<string, ProcessedDocument>;

export async function openRecordCache(dir: string, pipelineVersion: string, knowledge: Knowledge): Promise<RecordCache> {
  const salt = createHash('sha256').update(`${FORMAT}\0${pipelineVersion}\0`).update(JSON.stringify(knowledge)).digest('hex');
  const file = (i: number) => path.join(dir, `records-${i.toString(16)}.v8`);
  const loaded: Shard[] = await Promise.all(
    Array.from({ length: SHARDS }, async (_, i) => {
      try {
        // Written by save() below from ProcessedDocument maps; a corrupt or foreign file is treated as empty.
        const value = v8.deserialize(await readFile(file(i))) as unknown;
        return value instanceof Map ? (value as Shard) : new Map();
      } catch {
        return new Map();
      }
    }),
  );
  const used: Shard[] = Array.from({ length: SHARDS }, () => new Map());
  const stats: RecordCacheStats = { hits: 0, misses: 0, written: 0 };
  const shardOf = (key: string) => parseInt(key[0] ?? '0', 16);
  return {
    stats,
    key(doc) {
      return createHash('sha256').update(salt).update(`\0${doc.sourceFile}\0${doc.id}\0${doc.sha256}`).digest('hex');
    },
    get(key) {
      const hit = loaded[shardOf(key)]?.get(key);
      if (hit) {
        stats.hits++;
        used[shardOf(key)]?.set(key, hit);
      } else stats.misses++;
      return hit;
    },
    set(key, value) {
      used[shardOf(key)]?.set(key, value);
    },
    async save() {
      await mkdir(dir, { recursive: true });
      await Promise.all(
        used.map(async (shard, i) => {
          const before = loaded[i] ?? new Map();
          const same = shard.size === before.size && [...shard.keys()].every((k) => before.has(k));
          if (same) return;
          const target = file(i);
          const tmp = `${target}.${process.pid}.tmp`;
          try {
            await writeFile(tmp, v8.serialize(shard));
            await rename(tmp, target);
            stats.written++;
          } catch (error) {
            await rm(tmp, { force: true });
            throw error;
          }
        }),
      );
    },
  };
}
