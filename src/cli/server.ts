/**
 * The preview server for `serve` and `dev`: sirv on 127.0.0.1 only (a preview must not be
 * reachable from the network). In dev mode HTML pages get one classic <script src> that listens
 * for Server-Sent Events and reloads the page after a rebuild; nothing is injected by `serve`.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export const HOST = '127.0.0.1';
const EVENTS = '/__presseschau/events';
const CLIENT = '/__presseschau/reload.js';

/** Classic script (no module): works in every browser the site supports. */
const CLIENT_JS = `(function () {
  if (!window.EventSource) return;
  var source = new EventSource(${JSON.stringify(EVENTS)});
  source.addEventListener('reload', function () { location.reload(); });
})();
`;
const TAG = `<script src="${CLIENT}"></script>`;

export interface PreviewServer {
  readonly url: string;
  /** Tell every open page to reload (dev only). */
  reload(): void;
  /**
   * Serve `html` for the page at `pagePath` (relative to the root) instead of its file, until
   * dropped (dev only: an edited article's preview while the full rebuild runs, src/preview.ts).
   */
  preview(pagePath: string, html: string): void;
  /** Drop the previews (all, or those `keep` rejects): the files on disk are current again. */
  dropPreviews(keep?: (pagePath: string) => boolean): void;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} ist belegt`);
    this.name = 'PortInUseError';
  }
}

/** Insert the live-reload tag before </body>, or at the end when the page has none. */
export function injectReload(html: string): string {
  const at = html.lastIndexOf('</body>');
  return at < 0 ? html + TAG : html.slice(0, at) + TAG + html.slice(at);
}

/** Map a URL path to an HTML file inside root, or undefined (then sirv decides, incl. 404). */
function htmlFileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const rel = decoded.endsWith('/') ? decoded + 'index.html' : decoded;
  if (!rel.endsWith('.html')) return undefined;
  const abs = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  return abs.startsWith(root + path.sep) ? abs : undefined;
}

export async function startServer(rootDir: string, port: number, options: { liveReload: boolean }): Promise<PreviewServer> {
  const root = path.resolve(rootDir);
  // dev: true makes sirv look files up per request: the writer swaps the whole folder on rebuild.
  const files = sirv(root, { dev: true, etag: true, dotfiles: false });
  const clients = new Set<http.ServerResponse>();
  /** Absolute file path → [page path, HTML]: answered from memory (liveReload only). */
  const previews = new Map<string, [string, string]>();

  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (options.liveReload && urlPath === EVENTS) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(': verbunden\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (options.liveReload && urlPath === CLIENT) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(CLIENT_JS);
      return;
    }
    const html = options.liveReload && (req.method === 'GET' || req.method === 'HEAD') ? htmlFileFor(root, urlPath) : undefined;
    if (html === undefined) {
      files(req, res);
      return;
    }
    const send = (text: string) => {
      const body = injectReload(text);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const preview = previews.get(html);
    if (preview) {
      send(preview[1]);
      return;
    }
    readFile(html, 'utf8').then(send, () => files(req, res));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error));
    server.listen(port, HOST, () => resolve());
  });
  const address = server.address() as AddressInfo; // listen() on a TCP host:port always yields AddressInfo, never a pipe name
  return {
    url: `http://${HOST}:${address.port}/`,
    reload() {
      for (const res of clients) res.write('event: reload\ndata: {}\n\n');
    },
    preview(pagePath, html) {
      const abs = htmlFileFor(root, '/' + pagePath);
      if (abs === undefined) throw new Error(`server: ${pagePath} ist keine HTML-Seite unter ${root}`);
      previews.set(abs, [pagePath, html]);
    },
    dropPreviews(keep) {
      for (const [abs, [pagePath]] of previews) if (!keep?.(pagePath)) previews.delete(abs);
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
