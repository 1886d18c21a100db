// The local Functions host lets requests in flight finish before close() resolves, even when
// their client has gone (a load run's clients ending, the pane closing), so the stack never
// shuts its stores under a running handler.
import type { ApiServices } from '../../../functions/src/api/api-services.ts';
import { startLocalHost } from '../../../functions/src/http/local-host.ts';

it('waits for a handler whose client hung up before closing', async () => {
  let release: () => void = () => undefined;
  const verifying = new Promise<void>((resolve) => (release = resolve));
  let handlerFinished = false;
  const services = {
    repositories: {
      privacy: {
        readOptOut: async () => {
          handlerFinished = true;
          return null;
        },
      },
    },
    verifyAccessToken: async () => {
      await verifying;
      return { tenantId: 't1', objectId: 'o1', userPrincipalName: 'dana@example.gov', name: null, scopes: [], roles: [] };
    },
  } as unknown as ApiServices;
  const host = await startLocalHost({ services, port: 0 });
  const abort = new AbortController();
  const answer = fetch(`${host.url}/privacy/me`, { headers: { authorization: 'Bearer x' }, signal: abort.signal }).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 100));
  abort.abort();
  expect(await answer).toBeInstanceOf(Error);
  let finishedWhenClosed: boolean | null = null;
  const closing = host.close().then(() => (finishedWhenClosed = handlerFinished));
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(finishedWhenClosed).toBeNull();
  release();
  await closing;
  expect(finishedWhenClosed).toBe(true);
});
