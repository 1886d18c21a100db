// Vite injects its HMR client into every page it transforms, even with hmr off; the client
// then fails to open a websocket and raises an unhandled error in the page. The add-in server
// reloads by hand, so the client is removed from the HTML it serves.
const viteClientTag = /\s*<script\b[^>]*\bsrc="\/@vite\/client"[^>]*>\s*<\/script>/gi;

export function stripViteClient(html: string): string {
  return html.replace(viteClientTag, '');
}
