/**
 * `JSON.stringify(value, null, 2)` as a stream of chunks: the top levels of arrays and objects
 * are walked here, everything below them is stringified per element. The bytes are the same as
 * one JSON.stringify call (checked by a property test), but no string ever holds the whole file —
 * at 100 000 articles api/articles.json would pass V8's maximum string length (~512 M chars).
 */

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
