/**
 * What a long-running process (`presseschau dev`) keeps from one build to the next: the threads
 * (started once, knowledge compiled once), and the document stage's result for every file with
 * the file's stat signature. A rebuild re-reads and re-processes only the files whose size, times
 * or inode changed, or that are new; everything else is taken as it was, without a read. The
 * build's output is the same as a cold build's (test/session.test.ts).
 */
import { rm } from 'node:fs/promises';
import type { RecordLoc } from './model/digest.ts';
import type { DocumentOutcome } from './parallel/document.ts';
import { defaultWorkers, startPool, type Pool } from './parallel/pool.ts';
import type { PreviewBase } from './preview.ts';
import type { Vocabulary } from './index/vocabulary.ts';

export interface SessionDocument {
  /** size, mtime, ctime and inode when it was read. */
  stat: string;
  outcome: DocumentOutcome;
}

export interface BuildSession {
  /** Started with the first build (sized for its corpus). */
  pool: Pool | undefined;
  /** The cache salt the documents were made under (code version, corpus.yml); another salt drops them. */
  salt: string | undefined;
  documents: Map<string, SessionDocument>;
  /** Where the records of `documents` are stored: they are valid only there. */
  storeDir: string | undefined;
  /** A store folder the session made itself (no build cache), removed by close(). */
  ownStore: string | undefined;
  /** The last written build's site, for previews of edited articles (preview.ts). */
  preview?: PreviewBase;
  /** The index terms the threads sent (index/vocabulary.ts): `documents` use its numbers; as long as `pool`. */
  vocabulary?: Vocabulary;
  /**
   * The last build's removal of the output it replaced, still under way (write/index.ts,
   * `deferRemoval`): the next build and close() wait for it. Never rejects.
   */
  retiring?: Promise<void>;
}

export function createSession(): BuildSession {
  return { pool: undefined, salt: undefined, documents: new Map(), storeDir: undefined, ownStore: undefined };
}

/** The session's threads, started for a corpus of `documents` files on first use. */
export function sessionPool(session: BuildSession, documents: number, workers?: number): Pool {
  session.pool ??= startPool(workers ?? defaultWorkers(documents));
  return session.pool;
}

/** After a build moved records (cache compaction): where the session's documents are now. */
export function relocate(session: BuildSession, moved: ReadonlyMap<string, RecordLoc>): void {
  for (const d of session.documents.values()) {
    const a = d.outcome.article;
    const loc = a ? moved.get(a.key) : undefined;
    if (a && loc) a.loc = loc;
  }
}

/** Wait until the last build's removal of the output it replaced (`retiring`) is over. */
export async function retired(session: BuildSession): Promise<void> {
  await session.retiring;
  delete session.retiring;
}

export async function closeSession(session: BuildSession): Promise<void> {
  await retired(session);
  await session.pool?.close();
  session.pool = undefined;
  session.documents.clear();
  delete session.preview;
  delete session.vocabulary;
  if (session.ownStore !== undefined) await rm(session.ownStore, { recursive: true, force: true });
  session.ownStore = undefined;
}
