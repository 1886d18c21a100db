// Forwards a request to another server unchanged (method, headers including Authorization,
// body, status), so the add-in can call /api on its own origin.
import { request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendError } from './http-responses.ts';

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

export function proxyRequest(incoming: IncomingMessage, outgoing: ServerResponse, options: { target: URL }): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  }
  const send = options.target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(options.target, { method: incoming.method, headers }, (answer) => {
    const answerHeaders: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !hopByHop.has(name)) answerHeaders[name] = value;
    }
    outgoing.writeHead(answer.statusCode ?? 502, answerHeaders);
    answer.pipe(outgoing);
  });
  upstream.on('error', () => {
    if (outgoing.headersSent) {
      outgoing.destroy();
      return;
    }
    sendError(outgoing, { status: 502, code: 'unavailable', message: 'The Crosswalk API is not reachable from the add-in server.' });
  });
  incoming.pipe(upstream);
}
