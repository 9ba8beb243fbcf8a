// Runs one scenario: `node scenario.mjs <name>` runs scenarios/<name>.mjs against the Salesforce org that the
// SF_* environment variables name (lib/settings.mjs). Exit code 0 when every assertion held, 1 with the failure otherwise.
import { readdirSync } from 'node:fs';
import { describeFailure } from './lib/failure.mjs';

const names = readdirSync(new URL('./scenarios/', import.meta.url))
  .filter((file) => file.endsWith('.mjs'))
  .map((file) => file.slice(0, -'.mjs'.length))
  .sort();
const name = process.argv[2];

if (!names.includes(name)) {
  console.error(`usage: node scenario.mjs <name>\n${name ? `no scenario '${name}'; ` : ''}scenarios: ${names.join(', ')}`);
  process.exit(2);
}

try {
  const { default: run } = await import(`./scenarios/${name}.mjs`);
  await run();
  console.log(`scenario ${name}: passed`);
} catch (error) {
  console.error(`scenario ${name}: FAILED\n${describeFailure(error)}`);
  process.exit(1);
}
