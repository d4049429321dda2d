/**
 * `JSON.stringify(value, null, 2)` as a stream of chunks: the top levels of arrays and objects
 * are walked here, everything below them is stringified per element. The bytes are the same as
 * one JSON.stringify call (checked by a property test), but no string ever holds the whole file —
 * at 100 000 articles api/articles.json would pass V8's maximum string length (~512 M chars).
 */

import { createHash } from 'node:crypto';
import type { KeyedPart, PartedFile } from '../model/page.ts';

/** How many levels are split into chunks; deeper values are small (one record, one diagnostic). */
const SPLIT_DEPTH = 2;

export function* jsonChunks(value: unknown, splitDepth = SPLIT_DEPTH): Generator<string> {
  yield* chunks(value, '', splitDepth);
}

function* chunks(value: unknown, indent: string, depth: number): Generator<string> {
  const plain = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function'; // duck check only
  if (depth === 0 || !plain) {
    const s = JSON.stringify(value, null, 2);
    // JSON strings never contain a raw newline, so every newline is indentation
    yield s === undefined ? 'null' : indent === '' ? s : s.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield i === 0 ? `\n${inner}` : `,\n${inner}`;
      const item: unknown = value[i];
      // JSON.stringify writes null for functions, symbols and undefined in arrays
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* chunks(item, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) { // plain object (checked above)
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunks(item, inner, depth - 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** Array elements per part of jsonParts: small enough that one changed element costs little, large enough that the keys stay few. */
const GROUP = 64;

/**
 * `JSON.stringify(value, null, 2) + tail` as a file of keyed parts (model/page.ts PartedFile), for
 * write/ writeParts: a rebuild copies every part whose key the previous file had and stringifies
 * only the others. Walked like jsonChunks; the elements of each array at the split depth go in
 * groups of `group`, each group one part keyed by a hash of its elements' compact JSON (the
 * pretty text is a function of it) and of where it stands (indentation, first element or not);
 * the text between groups is a part keyed by its own hash. The compact JSON costs a fraction of
 * the pretty one (V8 has a fast path for JSON.stringify without indentation). `key` is a hash of
 * every part key in order: equal keys, equal bytes.
 */
export function jsonParts(value: unknown, options: { splitDepth?: number; group?: number; tail?: string } = {}): { key: string; file: PartedFile } {
  const group = Math.max(1, options.group ?? GROUP);
  const parts: KeyedPart[] = [];
  const seen = new Map<string, number>();
  const add = (key: string, pieces: () => Iterable<string>) => {
    // Equal keys mean equal bytes, but the writer wants each key once per file.
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    parts.push({ key: n === 0 ? key : `${key}#${n}`, pieces });
  };
  let glue = '';
  const flushGlue = () => {
    if (glue === '') return;
    const text = glue;
    glue = '';
    add(`t:${hash(text)}`, () => [text]);
  };
  const walk = (v: unknown, indent: string, depth: number) => {
    const plain = v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
    if (depth === 0 || !plain) {
      for (const s of chunks(v, indent, 0)) glue += s;
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) {
        glue += '[]';
        return;
      }
      glue += '[';
      if (depth === 1) {
        // Every element is a leaf: groups of them become parts.
        flushGlue();
        for (let i = 0; i < v.length; i += group) {
          const slice: unknown[] = v.slice(i, i + group);
          const first = i === 0;
          add(`a:${inner.length}:${first ? 'f' : 'n'}:${hash(JSON.stringify(slice))}`, () => groupPieces(slice, inner, first));
        }
      } else {
        for (let i = 0; i < v.length; i++) {
          glue += i === 0 ? `\n${inner}` : `,\n${inner}`;
          walk(v[i], inner, depth - 1);
        }
      }
      glue += `\n${indent}]`;
      return;
    }
    let first = true;
    for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      glue += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      walk(item, inner, depth - 1);
    }
    glue += first ? '{}' : `\n${indent}}`;
  };
  walk(value, '', options.splitDepth ?? SPLIT_DEPTH);
  glue += options.tail ?? '';
  flushGlue();
  return { key: hash(parts.map((p) => p.key).join('\n')), file: { head: '', parts, tail: '' } };
}

function* groupPieces(items: readonly unknown[], indent: string, first: boolean): Generator<string> {
  for (let i = 0; i < items.length; i++) {
    yield i === 0 && first ? `\n${indent}` : `,\n${indent}`;
    const item = items[i];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else yield* chunks(item, indent, 0);
  }
}

const hash = (text: string) => createHash('sha1').update(text).digest('base64url');
