// People records under concurrent writers (several mailboxes syncing at once): no observation is lost.
import { mergeObservations } from '../../../functions/src/enrichment/merge-person.ts';
import { startApiOnly, type ApiOnly } from '../../helpers/start-api-only.ts';

let api: ApiOnly;
beforeAll(async () => {
  api = await startApiOnly();
});
afterAll(() => api.close());

it('keeps every concurrent observation of the same person', async () => {
  const tenantId = 'tenant-concurrency';
  const email = 'jess.morgan@housing.cascadia.gov';
  const days = Array.from({ length: 12 }, (_, i) => `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`);
  await Promise.all(
    days.map((observedAt) =>
      api.repositories.people.mergeMany(tenantId, [email], (address, current) =>
        mergeObservations(tenantId, current, [{ email: address, displayName: 'Jess Morgan', titleFromName: null, observedAt }]),
      ),
    ),
  );
  const [person] = await api.repositories.people.findByEmails(tenantId, [email]);
  expect(person?.firstSeenAt).toBe([...days].sort()[0]);
  expect(person?.lastSeenAt).toBe([...days].sort().at(-1));
});

it('writes nothing when the merge changes nothing', async () => {
  const tenantId = 'tenant-unchanged';
  const email = 'pat@example.org';
  const observe = (address: string, current: Parameters<typeof mergeObservations>[1]) =>
    mergeObservations(tenantId, current, [{ email: address, displayName: 'Pat', titleFromName: null, observedAt: '2026-01-01T00:00:00.000Z' }]);
  expect(await api.repositories.people.mergeMany(tenantId, [email], observe)).toBe(1);
  expect(await api.repositories.people.mergeMany(tenantId, [email], observe)).toBe(0);
});
