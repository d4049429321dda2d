/** `serve` and `dev` through the real CLI: start, fetch over http from 127.0.0.1, change a seed, stop. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/cli/server.ts';
import { eventually, removeDir, runCli, startCli, tempDir, type Running } from './helpers.ts';

const ARTICLE = (word: string) => `Stadtrat beschließt neuen Radweg

Beispielstadt, 12. März 2024. Der Stadtrat hat den Bau eines Radwegs beschlossen. Kennwort: ${word}.

Die Strecke soll die Altstadt mit dem Bahnhof verbinden.
`;

let work: string;
let seeds: string;
let running: Running | undefined;

beforeAll(() => {
  work = tempDir('server');
  seeds = path.join(work, 'seeds');
  mkdirSync(seeds);
  writeFileSync(path.join(seeds, 'radweg.txt'), ARTICLE('Ahornblatt'));
});
afterAll(async () => {
  await running?.stop();
  removeDir(work);
});

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

/** Article page path from the report the build wrote (slugs are another stage's business). */
const articlePath = (out: string) => {
  const report = JSON.parse(readFileSync(path.join(out, '_build', 'report.json'), 'utf8')) as { files: { article?: { path: string } }[] };
  const p = report.files[0]?.article?.path;
  if (!p) throw new Error('no article in report');
  return p;
};

describe('serve', () => {
  it('serves the built folder on 127.0.0.1, prints the URL on stdout, stops on SIGTERM with 0', async () => {
    const out = path.join(work, 'dist-serve');
    expect((await runCli(['build', '--quiet', '--seeds', seeds, '--out', out])).code).toBe(0);
    running = await startCli(['serve', '--out', out, '--port', '0']);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get(running.url);
    expect(home.status).toBe(200);
    expect(home.type).toContain('text/html');
    expect(home.text).not.toContain('__presseschau'); // no live-reload script outside dev
    const page = await get(new URL(articlePath(out), running.url).href);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ahornblatt');
    expect((await get(new URL('_build/report.json', running.url).href)).status).toBe(200);
    expect((await get(new URL('gibt-es-nicht.html', running.url).href)).status).toBe(404);
    expect(await running.stop()).toBe(0);
    running = undefined;
  });

  it('without a built folder: exit 1 and what to do', async () => {
    const r = await runCli(['serve', '--out', path.join(work, 'nie-gebaut')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('zuerst bauen');
  });

  it('a busy port: exit 1 with a hint', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port; // TCP listen: always AddressInfo
    try {
      const out = path.join(work, 'dist-serve');
      const r = await runCli(['serve', '--out', out, '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Port ${port} ist belegt`);
    } finally {
      blocker.close();
    }
  });
});

describe('dev', () => {
  it('builds, serves with live reload, rebuilds when a seed changes and tells the page to reload', async () => {
    const out = path.join(work, 'dist-dev');
    running = await startCli(['dev', '--seeds', seeds, '--out', out, '--port', '0']);
    const pagePath = articlePath(out);
    const pageUrl = new URL(pagePath, running.url).href;
    const first = await get(pageUrl);
    expect(first.text).toContain('Ahornblatt');
    expect(first.text).toContain('<script src="/__presseschau/reload.js"></script>');
    expect((await get(new URL('/__presseschau/reload.js', running.url).href)).text).toContain('EventSource');

    // Listen for the reload event the way the injected script does.
    const events = new AbortController();
    const res = await fetch(new URL('/__presseschau/events', running.url), { signal: events.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader(); // an SSE response always has a body
    const sawReload = (async () => {
      let text = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return false;
        text += new TextDecoder().decode(value);
        if (text.includes('event: reload')) return true;
      }
    })();

    writeFileSync(path.join(seeds, 'radweg.txt'), ARTICLE('Birkenzweig'));
    const updated = await eventually(async () => {
      const r = await get(pageUrl);
      return r.text.includes('Birkenzweig') ? r.text : undefined;
    });
    expect(updated).not.toContain('Ahornblatt');
    expect(await sawReload).toBe(true);
    events.abort();
    expect(await running.stop()).toBe(0);
    expect(running.stderr()).toMatch(/geändert: .*radweg\.txt/);
    running = undefined;
  });
});

describe('previews served from memory (dev)', () => {
  it('answer the page URL with the preview (live-reload tag included) until dropped; the file is untouched', async () => {
    const root = path.join(work, 'dist-preview');
    mkdirSync(path.join(root, 'artikel'), { recursive: true });
    writeFileSync(path.join(root, 'artikel', 'a.html'), '<html><body>auf der Platte</body></html>');
    writeFileSync(path.join(root, 'artikel', 'b.html'), '<html><body>b auf der Platte</body></html>');
    const server = await startServer(root, 0, { liveReload: true });
    try {
      const url = (p: string) => new URL(p, server.url).href;
      server.preview('artikel/a.html', '<html><body>aus dem Speicher</body></html>');
      server.preview('artikel/b.html', '<html><body>b aus dem Speicher</body></html>');
      const a = await get(url('artikel/a.html'));
      expect(a.text).toBe('<html><body>aus dem Speicher<script src="/__presseschau/reload.js"></script></body></html>');
      expect(readFileSync(path.join(root, 'artikel', 'a.html'), 'utf8')).toContain('auf der Platte');
      expect(() => server.preview('notiz.txt', 'x')).toThrow(/keine HTML-Seite/);
      server.dropPreviews((p) => p === 'artikel/b.html');
      expect((await get(url('artikel/a.html'))).text).toContain('auf der Platte');
      expect((await get(url('artikel/b.html'))).text).toContain('b aus dem Speicher');
      server.dropPreviews();
      expect((await get(url('artikel/b.html'))).text).toContain('b auf der Platte');
    } finally {
      await server.close();
    }
  });
});
