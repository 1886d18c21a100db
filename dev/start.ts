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

let lastLine = 0;
const report = await stack.sync((progress) => {
  if (Date.now() - lastLine < 2000 && !progress.done) return;
  lastLine = Date.now();
  console.log(`  sync ${progress.mailbox} ${progress.resource}: ${progress.items} items${progress.done ? ' (done)' : ''}`);
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
