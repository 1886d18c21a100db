// Exactness under faults: a sync hit by throttling, server errors, dropped connections,
// truncated pages, a replayed page, a lost delta token (410) and a crash between storing a
// page and recording the cursor ends with exactly the data of a sync without any of that.
import { startStack, type Stack } from '../../dev/stack.ts';
import { readContainer } from '../helpers/read-container.ts';

const SCALE = 0.1;

/** Everything derived, in a comparable form: no Cosmos system fields, sorted by id. */
async function snapshot(stack: Stack) {
  const result: Record<string, unknown[]> = {};
  for (const name of ['people', 'edges', 'groups', 'interactions'] as const) {
    const { resources } = await readContainer(stack, name);
    result[name] = resources
      // Storage bookkeeping is not data: Cosmos system fields, and the retention ttl counted from each write.
      .map((doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_') && key !== 'ttl')))
      .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return result;
}

let clean: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const stack = await startStack({ ports: 'random', scale: SCALE, addin: false });
  try {
    expect((await stack.sync()).failures).toEqual([]);
    clean = await snapshot(stack);
  } finally {
    await stack.close();
  }
});

async function syncUntilClean(stack: Stack, attempts = 4) {
  let failures: unknown[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    failures = (await stack.sync()).failures;
    if (failures.length === 0) return;
  }
  throw new Error(`still failing after ${attempts} runs: ${JSON.stringify(failures)}`);
}

it('ends identical to a fault-free run after throttling, errors, drops, truncation, a replayed page and a 410', { timeout: 300_000 }, async () => {
  const stack = await startStack({ ports: 'random', scale: SCALE, addin: false });
  try {
    const { faults } = stack.graphServer;
    faults.failNext({ status: 429, retryAfterSeconds: 1, count: 2, pathIncludes: 'messages/delta' });
    faults.failNext({ status: 503, retryAfterSeconds: 1, count: 2, pathIncludes: 'calendarView' });
    faults.failNext({ status: 504, count: 1, pathIncludes: 'sentitems' });
    faults.failNext({ kind: 'drop-connection', count: 2, pathIncludes: 'skiptoken' });
    faults.failNext({ kind: 'malformed-json', count: 2, pathIncludes: 'skiptoken' });
    faults.failNext({ kind: 'duplicate-page', count: 3, pathIncludes: 'messages/delta' });
    faults.failNext({ status: 410, count: 2, pathIncludes: 'skiptoken' });
    await syncUntilClean(stack);
    expect(faults.pending()).toBe(0);
    expect(await snapshot(stack)).toEqual(clean);
  } finally {
    await stack.close();
  }
});

it('ends identical after a crash between storing a page and recording where it stood', { timeout: 300_000 }, async () => {
  const stack = await startStack({ ports: 'random', scale: SCALE, addin: false });
  try {
    // Every 7th cursor save "crashes": the page is stored, the cursor still points before it.
    const save = stack.repositories.syncState.save.bind(stack.repositories.syncState);
    let saves = 0;
    stack.repositories.syncState.save = async (cursor) => {
      saves += 1;
      if (saves % 7 === 0) throw new Error('process killed');
      return save(cursor);
    };
    // A few runs under crashes, each getting further; then the process "restarts" healthy.
    for (let run = 0; run < 3; run += 1) await stack.sync();
    stack.repositories.syncState.save = save;
    await syncUntilClean(stack);
    expect(saves).toBeGreaterThan(7);
    expect(await snapshot(stack)).toEqual(clean);
  } finally {
    await stack.close();
  }
});
