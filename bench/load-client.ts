// The clients of `npm run bench:load`, in a process of their own: autocannon's own work (200
// sockets, request building, response parsing) then competes with the API for the CPU like
// another program would, instead of stalling the API's event loop, which on a loaded machine
// kept accepting the 200 connections over seconds. Reads its plan (API address, one token per
// user, addresses to look up) from the JSON file named on the command line; prints the result
// as one JSON line, then the slowest answer of each second of the run as another.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadPlan {
  url: string;
  connections: number;
  seconds: number;
  tokens: string[];
  people: string[];
}

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadPlan;
// autocannon gives setupRequest a fresh context per request, so requests take the users in turn
// (each user's requests interleave across connections) rather than one per socket.
let sent = 0;
const startedAt = performance.now();
const slowestBySecond: number[] = [];
const run = autocannon({
  url: plan.url,
  connections: plan.connections,
  duration: plan.seconds,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: '/api/lookup',
      setupRequest: (request) => {
        sent += 1;
        const offset = (sent * 3) % plan.people.length;
        const emails = [0, 1, 2].map((k) => plan.people[(offset + k) % plan.people.length]!);
        return {
          ...request,
          headers: { authorization: `Bearer ${plan.tokens[sent % plan.tokens.length]}`, 'content-type': 'application/json' },
          body: JSON.stringify({ emails }),
        };
      },
    },
  ],
});
run.on('response', (_client, _status, _bytes, responseTimeMs) => {
  const second = Math.floor((performance.now() - startedAt) / 1000);
  slowestBySecond[second] = Math.max(slowestBySecond[second] ?? 0, Math.round(responseTimeMs));
});
const result = await run;
console.log(
  JSON.stringify({
    requests: result['2xx'] + result.non2xx,
    requestsPerSecond: Math.round(result.requests.average),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: (result as unknown as { statusCodeStats?: unknown }).statusCodeStats,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
  }),
);
console.log(JSON.stringify({ slowestAnswerMsBySecond: Array.from(slowestBySecond, (value) => value ?? null) }));
