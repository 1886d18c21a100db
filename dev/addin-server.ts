// The local add-in server: serves the task pane and the Outlook preview page, office.js from
// node_modules (never a CDN), the manifest icons, a token endpoint backed by the local issuer,
// and a same-origin proxy to the Crosswalk API. Loopback only.
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { ViteDevServer } from 'vite';
import type { PreviewMessage, PreviewMessagesResponse, PreviewUser } from '../addin/src/preview/preview-message.ts';
import { normalizeEmail } from '../shared/domain/email-address.ts';
import { buildStandinScript } from './addin-server/build-standin.ts';
import { buildContentSecurityPolicy, CSP_HEADER } from './addin-server/csp.ts';
import { sendError, sendJson, sendText } from './addin-server/http-responses.ts';
import { injectStandinScript, OSF_OPT_OUT_SCRIPT, OSF_OPT_OUT_SCRIPT_PATH, STANDIN_SCRIPT_PATH } from './addin-server/inject-standin.ts';
import { proxyRequest } from './addin-server/proxy-request.ts';
import { serveStaticFile } from './addin-server/serve-static-file.ts';
import { stripViteClient } from './addin-server/strip-vite-client.ts';

export type { PreviewMessage } from '../addin/src/preview/preview-message.ts';

export interface AddinServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1; the server is meant for loopback only. */
  host?: string;
  /** A second listener for sideloading into real Outlook, which requires HTTPS (e.g. port 3443). */
  https?: { port: number; key: string; cert: string };
  /** e.g. http://127.0.0.1:7071; /api/* is forwarded there so the add-in calls its own origin. */
  apiBaseUrl: string;
  listMessages: (mailboxUpn: string) => Promise<PreviewMessage[]> | PreviewMessage[];
  signedInUser: PreviewUser;
  /** Other demo users /dev/token may mint tokens for (the signed-in user always may). */
  demoUsers?: string[];
  issueToken: (userEmail: string) => Promise<string>;
  /** dev: Vite middleware over addin/ (default); static: the built dist/addin. */
  mode?: 'dev' | 'static';
  /** Where the static mode reads the build from; defaults to <project>/dist/addin. */
  staticDir?: string;
  /** Sent on every page and file (not /api); defaults to the local policy (office.js from this origin, worldwide sign-in). */
  contentSecurityPolicy?: string;
}

export interface AddinServer {
  url: string;
  previewUrl: string;
  httpsUrl?: string;
  close(): Promise<void>;
}

const projectRoot = resolve(import.meta.dirname, '..');
const addinRoot = join(projectRoot, 'addin');
const officeJsDir = join(projectRoot, 'node_modules', '@microsoft', 'office-js', 'dist');
const manifestAssetsDir = join(projectRoot, 'manifest', 'assets');
const standinEntry = join(addinRoot, 'src', 'preview', 'mailbox-standin.ts');
/** The pages of addin/ the dev mode renders itself (to drop Vite's HMR client). */
const htmlPages = new Set(['/taskpane.html', '/preview.html', '/network-map.html']);
/** The add-in pages the preview serves with the Outlook stand-in: the task pane, and the dialogs it opens. */
const previewPages = new Map([
  ['/preview/taskpane.html', 'taskpane.html'],
  ['/preview/network-map.html', 'network-map.html'],
]);

export async function startAddinServer(options: AddinServerOptions): Promise<AddinServer> {
  const host = options.host ?? '127.0.0.1';
  const mode = options.mode ?? 'dev';
  const staticDir = options.staticDir ?? join(projectRoot, 'dist', 'addin');
  const apiBase = new URL(options.apiBaseUrl);
  const tokenUsers = new Set([options.signedInUser.email, ...(options.demoUsers ?? [])].map(normalizeEmail));
  const contentSecurityPolicy = options.contentSecurityPolicy ?? buildContentSecurityPolicy({ officeJs: 'self' });

  const vite = mode === 'dev' ? await startViteMiddleware() : null;
  let standinCache: Promise<string> | null = null;
  const loadStandin = () => {
    // In dev mode the stand-in is rebuilt on every request so edits show on reload; static mode builds it once.
    if (mode === 'dev' || !standinCache) standinCache = buildStandinScript(standinEntry);
    return standinCache;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;

    if (path.startsWith('/api/') || path === '/api') {
      const target = new URL(path + url.search, apiBase);
      proxyRequest(request, response, { target });
      return;
    }
    // Set before any writeHead, so every page below (Vite's included) carries it.
    response.setHeader(CSP_HEADER, contentSecurityPolicy);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, { status: 405, code: 'bad-request', message: `${request.method} is not served here.` });
      return;
    }
    if (path === '/') {
      response.writeHead(302, { location: '/preview.html' });
      response.end();
      return;
    }
    if (path.startsWith('/office-js/')) {
      if (!(await serveStaticFile(response, { root: officeJsDir, path: path.slice('/office-js/'.length), cache: 'max-age=3600' }))) sendNotFound(response, path);
      return;
    }
    if (path.startsWith('/assets/')) {
      if (!(await serveStaticFile(response, { root: manifestAssetsDir, path: path.slice('/assets/'.length) }))) sendNotFound(response, path);
      return;
    }
    const previewPage = previewPages.get(path);
    if (previewPage) {
      sendText(response, { status: 200, contentType: 'text/html; charset=utf-8', body: await renderPreviewTaskpane(path, previewPage) });
      return;
    }
    if (path === OSF_OPT_OUT_SCRIPT_PATH) {
      sendText(response, { status: 200, contentType: 'text/javascript; charset=utf-8', body: OSF_OPT_OUT_SCRIPT });
      return;
    }
    if (path === STANDIN_SCRIPT_PATH) {
      sendText(response, { status: 200, contentType: 'text/javascript; charset=utf-8', body: await loadStandin() });
      return;
    }
    if (path === '/preview-api/messages') {
      const messages = await options.listMessages(options.signedInUser.email);
      const body: PreviewMessagesResponse = { user: options.signedInUser, messages };
      sendJson(response, 200, body);
      return;
    }
    if (path === '/dev/token') {
      await answerToken(url, response);
      return;
    }
    if (vite && htmlPages.has(path)) {
      const html = await readFile(join(addinRoot, path.slice(1)), 'utf8');
      sendText(response, { status: 200, contentType: 'text/html; charset=utf-8', body: stripViteClient(await vite.transformIndexHtml(path, html)) });
      return;
    }
    if (vite) {
      vite.middlewares(request, response, () => sendNotFound(response, path));
      return;
    }
    if (!(await serveStaticFile(response, { root: staticDir, path }))) sendNotFound(response, path);
  }

  async function answerToken(url: URL, response: ServerResponse): Promise<void> {
    const user = url.searchParams.get('user')?.trim();
    if (!user) {
      sendError(response, { status: 400, code: 'bad-request', message: 'Name the user: /dev/token?user=<email>.' });
      return;
    }
    if (!tokenUsers.has(normalizeEmail(user))) {
      sendError(response, { status: 403, code: 'forbidden', message: 'The dev token endpoint only signs in the demo users.' });
      return;
    }
    sendJson(response, 200, { accessToken: await options.issueToken(normalizeEmail(user)), tokenType: 'Bearer' });
  }

  async function renderPreviewTaskpane(url: string, page = 'taskpane.html'): Promise<string> {
    const source = vite ? join(addinRoot, page) : join(staticDir, page);
    const html = injectStandinScript(await readFile(source, 'utf8'));
    return vite ? stripViteClient(await vite.transformIndexHtml(url, html)) : html;
  }

  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      // Paths only, never tokens or addresses, reach the log.
      console.error(`[addin-server] ${request.method} ${request.url?.split('?')[0]} failed:`, error instanceof Error ? error.message : error);
      if (!response.headersSent) sendError(response, { status: 500, code: 'internal', message: 'The add-in server failed to answer.' });
      else response.destroy();
    });
  };

  const servers: Server[] = [];
  try {
    const httpServer = createHttpServer(onRequest);
    servers.push(httpServer);
    const port = await listen(httpServer, { port: options.port, host });
    const url = `http://${formatHost(host)}:${port}`;
    let httpsUrl: string | undefined;
    if (options.https) {
      const httpsServer = createHttpsServer({ key: options.https.key, cert: options.https.cert }, onRequest);
      servers.push(httpsServer);
      const httpsPort = await listen(httpsServer, { port: options.https.port, host });
      httpsUrl = `https://${host === '127.0.0.1' ? 'localhost' : formatHost(host)}:${httpsPort}`;
    }
    return {
      url,
      previewUrl: `${url}/preview.html`,
      httpsUrl,
      async close() {
        await Promise.all(servers.map(closeServer));
        await vite?.close();
      },
    };
  } catch (error) {
    await Promise.all(servers.map((server) => closeServer(server).catch(() => {})));
    await vite?.close();
    throw error;
  }
}

function sendNotFound(response: ServerResponse, path: string): void {
  sendError(response, { status: 404, code: 'not-found', message: `Nothing is served at ${path}.` });
}

/** Vite over addin/ in middleware mode, with the dependencies pre-bundled at start so the first page load does not stall or reload. */
async function startViteMiddleware(): Promise<ViteDevServer> {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: join(projectRoot, 'vite.config.ts'),
    root: addinRoot,
    appType: 'mpa',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: {
      entries: ['taskpane.html', 'preview.html', 'network-map.html'],
      include: ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom/client', '@fluentui/react-components', 'zod'],
    },
  });
  return vite;
}

function listen(server: Server, options: { port: number; host: string }): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolvePort((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
