// Puts a check in front of a server's own request handlers (the Cosmos stand-in's key check and
// query-plan answer): the handlers see only the requests the check leaves to them.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** `answer` returns true when it has answered the request itself. */
export function answerFirst(server: Server, answer: (request: IncomingMessage, response: ServerResponse) => boolean): void {
  const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (answer(request, response)) return;
    for (const handler of handlers) handler.call(server, request, response);
  });
}
