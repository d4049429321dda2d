// bench/generate.ts
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path2 from "node:path";

// bench/article.ts
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
var MONTHS = ["Januar", "Februar", "M\xE4rz", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
var FIRST_DAY = Date.UTC(2023, 8, 1);
var DAYS = 488;
function makeContext(pool, vocab) {
  const surfaces = [];
  vocab.people.forEach((p, i) => surfaces.push([p.full, i], [p.last, i]));
  surfaces.sort((a, b) => b[0].length - a[0].length);
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const peopleRe = new RegExp(`(?<![\\p{L}-])(${surfaces.map(([s]) => escape(s)).join("|")})(?![\\p{L}-])`, "gu");
  return { pool, vocab, peopleRe, lastByFull: new Map(surfaces) };
}
function makeArticle(i, seed, ctx) {
  const rng = mulberry32(Math.imul(seed ^ 2654435769, 2246822507) ^ Math.imul(i + 1, 3266489909));
  const pick = (list) => list[Math.floor(rng() * list.length)];
  const chance = (p) => rng() < p;
  const int = (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
  const { pool, vocab } = ctx;
  const hex = Array.from({ length: 4 }, () => Math.floor(rng() * 65536).toString(16).padStart(4, "0")).join("");
  const name = `${String(i).padStart(6, "0")}_${hex}`;
  const day = new Date(FIRST_DAY + int(0, DAYS - 1) * 864e5);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  const iso = `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const publisher = pick(vocab.publishers);
  const agency = pick(vocab.agencies);
  const renamed = vocab.people.map(() => chance(0.7) ? { first: pick(vocab.firstNames), last: pick(vocab.lastNames) } : null);
  const rename2 = (text) => text.replace(ctx.peopleRe, (surface) => {
    const idx = ctx.lastByFull.get(surface) ?? -1;
    const r2 = renamed[idx];
    if (!r2) return surface;
    return surface.includes(" ") ? `${r2.first} ${r2.last}` : r2.last;
  });
  const glue = (text) => {
    const spots = [];
    for (let k = text.indexOf(" "); k !== -1 && spots.length < 40; k = text.indexOf(" ", k + 1)) if (/[A-ZÄÖÜa-zäöü]/.test(text[k + 1] ?? "")) spots.push(k);
    if (spots.length === 0) return text;
    const at = pick(spots);
    return text.slice(0, at) + text.slice(at + 1);
  };
  const caption = () => {
    const c = `${rename2(pick(pool.captions))} ${pick(vocab.credits)}`;
    return chance(0.75) ? [c, c] : [c];
  };
  let title = rename2(chance(0.5) ? pick(pool.titles) : chance(0.5) ? pick(pool.headings) : firstWords(pick(pool.paragraphs), int(6, 12)));
  if (chance(0.3)) title = `${title} (${int(2, 99)})`;
  const body = [];
  const n2 = int(8, 16);
  const glued = new Set(Array.from({ length: int(0, 2) }, () => int(0, n2 - 1)));
  for (let k = 0; k < n2; k++) {
    let p = rename2(pick(pool.paragraphs));
    if (glued.has(k)) p = glue(p);
    if (k === 0 && chance(0.25)) p = `${pick(vocab.places)}, ${d}. ${MONTHS[m]} ${y} (${agency}) \u2013 ${p}`;
    if (k > 2 && chance(0.12)) body.push(rename2(pick(pool.headings)));
    if (chance(0.12)) body.push(...caption());
    body.push(p);
  }
  if (chance(0.2)) body.push(`(mit Informationen von ${agency})`);
  const head = [];
  const dateStyle = rng();
  if (dateStyle < 0.15) head.push(`Heute um ${int(6, 23)}:${String(int(0, 59)).padStart(2, "0")} Uhr ver\xF6ffentlicht.`);
  else if (dateStyle < 0.35) head.push(`Ver\xF6ffentlicht am ${String(d).padStart(2, "0")}.${String(m + 1).padStart(2, "0")}.${y} um ${int(6, 23)}:${String(int(0, 59)).padStart(2, "0")} Uhr`);
  if (chance(0.25)) head.push(pick(vocab.widgets), pick(vocab.widgets));
  if (chance(0.3)) head.unshift(...caption());
  if (chance(0.2)) head.unshift("-");
  const tail = [];
  if (chance(0.3)) tail.push(...Array.from({ length: int(1, 4) }, () => pick(vocab.widgets)));
  if (chance(0.25)) tail.push(`\xA9 ${publisher}`);
  else if (chance(0.15)) tail.push(agency);
  if (chance(0.35)) tail.push("-", `PREV ${pick(vocab.teasers)}`, `NEXT ${pick(vocab.teasers)}`);
  const lines = [...head, ...body, ...tail];
  const plain = `---
title: ${JSON.stringify(title)}
date: ${iso}
---

${lines.join("\n\n")}
`;
  if (chance(0.3)) {
    const fm = [];
    const titleInFm = chance(0.7);
    if (titleInFm) fm.push(`title: ${JSON.stringify(title)}`);
    if (chance(0.6)) fm.push(`date: ${iso}`);
    if (chance(0.4)) fm.push(`publisher: ${JSON.stringify(publisher)}`);
    const md = lines.map((l) => pool.headings.includes(l) ? `## ${l}` : l);
    const text = `${fm.length ? `---
${fm.join("\n")}
---

` : ""}${titleInFm ? "" : `# ${title}

`}${md.join("\n\n")}
`;
    return { name, format: "md", raw: text, plain };
  }
  const titleLine = chance(0.15) ? `${title} \u2013 ${publisher.toUpperCase()}` : title;
  const sep = chance(0.2) ? "\n" : "\n\n";
  const raw = `${titleLine}

${lines.join(sep)}${chance(0.5) ? "\n" : ""}`;
  return { name, format: "txt", raw, plain };
}
function firstWords(text, n2) {
  return text.split(/\s+/).slice(0, n2).join(" ").replace(/[,;:–-]+$/, "");
}

// bench/seed-pool.ts
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
var PARAGRAPH_MIN = 80;
function readSeedPool(seedsDir, vocab) {
  const names = readdirSync(seedsDir).filter((n2) => n2.endsWith(".txt")).sort();
  if (names.length === 0) throw new Error(`${seedsDir}: keine Seed-Texte (*.txt) gefunden; --seeds pr\xFCfen`);
  const pool = { titles: [], paragraphs: [], captions: [], headings: [], files: [] };
  const noise = new Set(vocab.widgets);
  const credits = vocab.credits;
  for (const name of names) {
    const bytes = readFileSync(path.join(seedsDir, name));
    pool.files.push({ name, bytes });
    const lines = bytes.toString("utf8").replace(/\r\n?/g, "\n").split("\n").map((l) => l.trim());
    const nonEmpty = lines.filter((l) => l !== "");
    const title = nonEmpty[0];
    if (title !== void 0) pool.titles.push(title.replace(/\s+[–-]\s+[A-ZÄÖÜ]{3,}$/, ""));
    for (let i = 1; i < nonEmpty.length; i++) {
      const l = nonEmpty[i] ?? "";
      if (l === title || noise.has(l) || /^(PREV|NEXT)\b|^©|^-$|^\(mit Informationen/.test(l)) continue;
      if (l === nonEmpty[i + 1]) {
        pool.captions.push(stripCredit(l, credits));
        i++;
      } else if (l.length >= PARAGRAPH_MIN) pool.paragraphs.push(l);
      else if (l.length >= 12 && !/[.:]$/.test(l) && !/^\d/.test(l)) pool.headings.push(l.replace(/^[“”"„]+|[“”"„]+$/g, ""));
    }
  }
  for (const [k, v] of Object.entries(pool)) {
    if (k !== "files" && v.length === 0) throw new Error(`${seedsDir}: Seeds liefern keine ${k}; die Seed-Texte sind zu kurz f\xFCr den Generator`);
  }
  return pool;
}
function stripCredit(caption, credits) {
  for (const c of credits) if (caption.endsWith(c)) return caption.slice(0, -c.length).trim();
  return caption.replace(/\s+\S+\/\S+.*$/, "").trim() || caption;
}

// bench/vocab.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
var line = z.string().min(1);
var VocabSchema = z.strictObject({
  widgets: z.array(line).min(1),
  teasers: z.array(line).min(2),
  publishers: z.array(line).min(1),
  agencies: z.array(line).min(1),
  credits: z.array(line).min(1),
  people: z.array(z.strictObject({ full: line, last: line })).min(1),
  firstNames: z.array(line).min(1),
  lastNames: z.array(line).min(1),
  places: z.array(line).min(1)
});
var VOCAB_FILE = fileURLToPath(new URL("./vocab.yml", import.meta.url));
function loadVocab(file = VOCAB_FILE) {
  const source = readFileSync2(file, "utf8");
  const parsed = VocabSchema.safeParse(parse(source));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first?.path.join(".") ?? ""}: ${first?.message ?? "ung\xFCltig"} (Liste in bench/vocab.yml korrigieren)`);
  }
  return { vocab: parsed.data, source };
}

// bench/generate.ts
var GENERATOR_VERSION = 1;
var BATCH = 256;
async function ensureCorpus(options) {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const { vocab, source } = loadVocab();
  const pool = readSeedPool(options.seedsDir, vocab);
  const corpusYml = await readFile(path2.join(options.seedsDir, "corpus.yml")).catch(() => null);
  const hash = createHash("sha256").update(JSON.stringify({ GENERATOR_VERSION, seed, count: options.count })).update(source);
  for (const f of pool.files) hash.update(f.name).update(f.bytes);
  if (corpusYml) hash.update("corpus.yml").update(corpusYml);
  const key = hash.digest("hex");
  const dir = path2.join(options.root, String(options.count));
  const info = (inputBytes2, reused) => ({
    count: options.count,
    key,
    seedsDir: path2.join(dir, "seeds"),
    plainDir: path2.join(dir, "plain"),
    inputBytes: inputBytes2,
    reused,
    ms: Math.round(performance.now() - started)
  });
  const existing = await readFile(path2.join(dir, "key.json"), "utf8").then((s) => JSON.parse(s), () => null);
  if (existing?.key === key) return info(existing.inputBytes, true);
  const tmp = path2.join(options.root, `.tmp-${options.count}-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(path2.join(tmp, "seeds"), { recursive: true });
  await mkdir(path2.join(tmp, "plain"));
  const ctx = makeContext(pool, vocab);
  let inputBytes = 0;
  for (let start = 0; start < options.count; start += BATCH) {
    const writes = [];
    for (let i = start; i < Math.min(options.count, start + BATCH); i++) {
      const a = makeArticle(i, seed, ctx);
      const raw = Buffer.from(a.raw);
      inputBytes += raw.length;
      writes.push(writeFile(path2.join(tmp, "seeds", `${a.name}.${a.format}`), raw));
      writes.push(writeFile(path2.join(tmp, "plain", `${a.name}.md`), a.plain));
    }
    await Promise.all(writes);
  }
  if (corpusYml) await copyFile(path2.join(options.seedsDir, "corpus.yml"), path2.join(tmp, "seeds", "corpus.yml"));
  const keyFile = { key, count: options.count, inputBytes };
  await writeFile(path2.join(tmp, "key.json"), JSON.stringify(keyFile, null, 2) + "\n");
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return info(inputBytes, false);
}

// ../../tmp/perf-gen.ts
var n = Number(process.argv[2] ?? 1e3);
var r = await ensureCorpus({ count: n, seedsDir: "/work/main/seeds", root: "/work/main/bench/corpora" });
console.log(r);
