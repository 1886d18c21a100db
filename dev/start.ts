// `npm start`: the whole product on local stand-ins. Prints the preview URL as soon as it
// serves, then mines the demo tenant in the background, showing progress.
import { startStack } from './stack.ts';

const started = Date.now();
const stack = await startStack({ ports: 'fixed', persist: true, https: true, addinMode: 'dev' });
console.log('');
console.log(`  Crosswalk is running: open ${stack.previewUrl}`);
console.log('');
console.log(`  API ${stack.apiUrl} · Graph stand-in ${stack.graphBaseUrl} · token issuer ${stack.issuerBaseUrl}`);
if (stack.httpsUrl) console.log(`  Add-in for sideloading (manifest/manifest.xml): ${stack.httpsUrl}/taskpane.html`);
console.log(`  Signed in as dana.reyes@housing.cascadia.gov. Ready in ${((Date.now() - started) / 1000).toFixed(1)} s; mining the demo tenant...`);

// One line per mailbox, plus a heartbeat on long folders, so progress is visible but short.
const minedByMailbox = new Map<string, number>();
let lastLine = Date.now();
const report = await stack.sync((progress) => {
  if (progress.done) minedByMailbox.set(progress.mailbox, (minedByMailbox.get(progress.mailbox) ?? 0) + progress.items);
  if (progress.done && progress.resource === 'calendar') {
    console.log(`  mined mailbox ${minedByMailbox.size}: ${progress.mailbox}, ${minedByMailbox.get(progress.mailbox)} items`);
    lastLine = Date.now();
  } else if (Date.now() - lastLine > 5000) {
    console.log(`  ... ${progress.mailbox} ${progress.resource}: ${progress.items} items so far`);
    lastLine = Date.now();
  }
});
console.log(
  `  Mining done: ${report.mailboxes} mailboxes, ${report.interactions} items, ${report.inferredGroups} inferred working groups` +
    (report.failures.length ? `, ${report.failures.length} mailbox failures: ${report.failures.map((f) => `${f.mailbox}: ${f.message}`).join('; ')}` : '') +
    '. Press Ctrl+C to stop.',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\n  Saving data and stopping...');
    void stack.close().then(() => process.exit(0));
  });
}
