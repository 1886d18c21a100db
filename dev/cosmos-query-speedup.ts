// Makes the Cosmos stand-in's query engine linear. @zeit/cosmosdb-query (used by
// @vercel/cosmosdb-server) compiles `FROM c` into a reduce that copies its accumulator for
// every document: quadratic, seconds per query once a container holds ~20,000 documents.
// The compiled code is rewritten into the equivalent filter + map before it runs. Local
// stand-in only; the real Cosmos DB has no such cost.
import { createRequire } from 'node:module';

const quadraticFrom = /\$c\.reduce\(\(\$, c\) => typeof c !== "undefined" \? \[\.\.\.\$, \{\s*c: c\s*\}\] : \$, \[\]\)/g;
const linearFrom = '$c.filter((c) => typeof c !== "undefined").map((c) => ({ c }))';

export function rewriteQueryCode(code: string): string {
  return code.replace(quadraticFrom, linearFrom);
}

type Executor = (collection: unknown[], options: { code: string } & Record<string, unknown>) => unknown;
let installed = false;

export function installLinearCosmosQueries(): void {
  if (installed) return;
  const requireFromServer = createRequire(createRequire(import.meta.url).resolve('@vercel/cosmosdb-server'));
  const executor = requireFromServer('@zeit/cosmosdb-query/lib/executor') as { default: Executor };
  const original = executor.default;
  executor.default = (collection, options) => original(collection, { ...options, code: rewriteQueryCode(options.code) });
  installed = true;
}
