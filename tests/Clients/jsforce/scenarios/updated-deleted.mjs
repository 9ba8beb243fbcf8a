// SObject#updated and SObject#deleted (getUpdated/getDeleted): a change made just now is listed in a window that ends
// after it, as a replication client polls.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag } from '../lib/records.mjs';

export default async function run() {
  const conn = await connect();
  const accounts = conn.sobject('Account');
  const tag = runTag('updated-deleted');
  const start = new Date(Date.now() - 5 * 60_000);

  const kept = await accounts.create({ Name: `${tag} kept` });
  await accounts.update({ Id: kept.id, Name: `${tag} kept, edited` });
  const removed = await accounts.create({ Name: `${tag} removed` });
  await accounts.destroy(removed.id);
  const end = new Date(Date.now() + 60_000);

  const updated = await accounts.updated(start, end);
  assert.ok(Array.isArray(updated.ids));
  assert.ok(updated.ids.includes(kept.id), `getUpdated should list ${kept.id}: ${JSON.stringify(updated)}`);
  assert.ok(!updated.ids.includes(removed.id), 'a deleted record is reported by getDeleted, not getUpdated');
  assert.match(updated.latestDateCovered, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

  const deleted = await accounts.deleted(start, end);
  const entry = deleted.deletedRecords.find((record) => record.id === removed.id);
  assert.ok(entry, `getDeleted should list ${removed.id}: ${JSON.stringify(deleted)}`);
  assert.match(entry.deletedDate, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
  assert.match(deleted.earliestDateAvailable, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  assert.ok(!deleted.deletedRecords.some((record) => record.id === kept.id));
}
