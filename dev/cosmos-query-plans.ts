// The Cosmos SDK asks for a query plan beside every query it sends (in parallel; the plan is used
// only if the query itself answers that it needs one, as a cross-partition ORDER BY or aggregate
// does on the real service). The stand-in has no query planner: it took the plan request for a
// query and ran the whole query a second time. It now answers plan requests at once with an
// error the SDK sets aside; the stand-in runs every query whole over its single partition, so
// the SDK never needs the plan. Local stand-in only.
import type { IncomingMessage, Server } from 'node:http';
import { answerFirst } from './answer-first.ts';

const QUERY_PLAN_HEADER = 'x-ms-cosmos-is-query-plan-request';

export function isQueryPlanRequest(headers: IncomingMessage['headers']): boolean {
  return String(headers[QUERY_PLAN_HEADER] ?? '').toLowerCase() === 'true';
}

/** Puts the plan refusal in front of the stand-in's own request handlers. */
export function refuseQueryPlans(server: Server): void {
  answerFirst(server, (request, response) => {
    if (!isQueryPlanRequest(request.headers)) return false;
    request.resume();
    response.writeHead(400, { 'content-type': 'application/json', 'x-ms-activity-id': '00000000-0000-0000-0000-000000000000' });
    response.end(JSON.stringify({ code: 'BadRequest', message: 'The local Cosmos DB stand-in serves no query plans: it runs each query whole.' }));
    return true;
  });
}
