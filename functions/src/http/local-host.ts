// The local Functions host: serves the same route table as the Azure Functions registrations
// over node:http, at http://127.0.0.1:7071/api like `func start` would.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ApiServices } from '../api/api-services.ts';
import { AppError } from '../errors/app-error.ts';
import { errorResponse, handleApiRequest, MAX_BODY_BYTES, methodNotAllowedResponse, type ApiResponse } from './handle-api-request.ts';
import { matchRoute } from './match-route.ts';
import { routeTable } from './route-table.ts';

export interface LocalHost {
  url: string;
  close(): Promise<void>;
}

const loopbackOrigin = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError('payload-too-large', `request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 0 ? null : Buffer.concat(chunks).toString('utf8');
}

export async function startLocalHost(options: { services: ApiServices; port: number; host?: string }): Promise<LocalHost> {
  // Requests being handled, so close() lets them finish before the stores behind them go away.
  let inFlight = 0;
  let settled: (() => void) | null = null;
  const server: Server = createServer(async (request, response) => {
    inFlight += 1;
    try {
      await answer(request, response);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
    }
  });
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const origin = request.headers.origin;
    if (origin && loopbackOrigin.test(origin)) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-allow-headers', 'authorization, content-type');
      response.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, DELETE');
      response.setHeader('vary', 'origin');
    }
    let result: ApiResponse;
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    try {
      // Inside the try: a request target URL cannot parse is answered, not a crash.
      const url = new URL(request.url ?? '/', 'http://localhost');
      const match = url.pathname.startsWith('/api/') ? matchRoute(routeTable, request.method ?? 'GET', url.pathname.slice(5)) : null;
      if (match === null) throw new AppError('not-found', `no route ${request.method} ${url.pathname}`);
      if ('kind' in match) {
        result = methodNotAllowedResponse({ method: request.method ?? '', path: url.pathname, allow: match.allow });
      } else {
        const body = await readBody(request);
        result = await handleApiRequest(options.services, match.entry, {
          authorization: request.headers.authorization,
          clientAddress: request.socket.remoteAddress,
          body,
          params: match.params,
          query: Object.fromEntries(url.searchParams),
        });
      }
    } catch (error) {
      result = errorResponse(error instanceof AppError ? error : new AppError('internal', 'something went wrong on our side'));
    }
    if (response.headersSent || response.destroyed) return;
    response.writeHead(result.status, result.headers).end(typeof result.body === 'string' && result.headers['content-type'] === 'text/plain' ? result.body : JSON.stringify(result.body));
  }
  // Requests Node's parser refuses before they reach us (CR/LF or NUL in a header value,
  // headers over maxHeaderSize, a malformed request line) get the same JSON error body as
  // everything else, instead of Node's bare 400, and the socket is closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({
      error: { code: 'bad-request', message: tooLarge ? 'request headers are too large' : 'malformed request: invalid request line or header' },
    });
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}/api`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A client that gave up (closed its socket) leaves its request running: wait for it too.
      if (inFlight > 0) await new Promise<void>((resolve) => (settled = resolve));
      await closed;
    },
  };
}
