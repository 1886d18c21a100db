// Reading one owner's ledger a few buckets at a time gives exactly what reading it whole does.
import { makeOwnerKey } from '../../../functions/src/mining/mine-message.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';
import { email, weekAt } from '../enrichment/networks/ledger-fixtures.ts';

let api: ApiOnly;
beforeAll(async () => {
  api = await startApiOnly();
});
afterAll(() => api.close());

it('reads an owner’s ledger in pages of a few weekly buckets, nothing missed and nothing of another owner', async () => {
  const jess = 'jess@state.gov';
  const pat = 'pat@county.gov';
  // Thirty weeks of mail for Jess (thirty weekly buckets), one week for Pat.
  const jessLedger = Array.from({ length: 30 }, (_, week) => [
    email({ owner: jess, from: jess, to: [pat], thread: `a${week}`, at: weekAt(week) }),
    email({ owner: jess, from: pat, to: [jess], thread: `a${week}`, at: weekAt(week, 1) }),
  ]).flat();
  await api.repositories.interactions.upsertMany([...jessLedger, email({ owner: pat, from: pat, to: [jess], thread: 'b', at: weekAt(0) })]);

  const pages: string[][] = [];
  for await (const page of api.repositories.interactions.readByOwner('t1', makeOwnerKey('t1', jess))) pages.push(page.map((i) => i.id));
  const whole = await api.repositories.interactions.listByOwner('t1', makeOwnerKey('t1', jess));

  expect(pages.length).toBeGreaterThan(1);
  expect(pages.flat()).toEqual(whole.map((i) => i.id));
  expect(pages.flat().sort()).toEqual(jessLedger.map((i) => i.id).sort());
});
