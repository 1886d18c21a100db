// Fetches the demo mailbox the preview lists (metadata only), newest first.
import type { PreviewMessagesResponse } from './preview-message.ts';

export async function loadPreviewMessages(options: { fetch?: typeof fetch } = {}): Promise<PreviewMessagesResponse> {
  const doFetch = options.fetch ?? fetch;
  const response = await doFetch('/preview-api/messages', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The preview server answered HTTP ${response.status} for the mailbox.`);
  const body = (await response.json()) as PreviewMessagesResponse;
  const messages = [...body.messages].sort((a, b) => Date.parse(b.receivedDateTime) - Date.parse(a.receivedDateTime));
  return { user: body.user, messages };
}
