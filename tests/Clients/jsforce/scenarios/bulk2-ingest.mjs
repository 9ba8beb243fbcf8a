// Bulk API 2.0 ingest through BulkV2#loadAndWaitForResults: insert (one row leaves its required field empty), update and
// delete jobs, each opened, uploaded as CSV, closed, polled and read back as successful and failed results.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag } from '../lib/records.mjs';

const Rows = 250;

export default async function run() {
  const conn = await connect();
  conn.bulk2.pollInterval = 250;
  conn.bulk2.pollTimeout = 60_000;
  const tag = runTag('bulk2-ingest');

  const inserted = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'insert',
    input: [...Array.from({ length: Rows }, (_, i) => ({ Name: `${tag} ${String(i).padStart(3, '0')}`, NumberOfEmployees: i })), { Name: '', NumberOfEmployees: 7 }],
    // jsforce's CSV takes its columns from the first record, so the odd row carries the same fields.
  });
  assert.equal(inserted.successfulResults.length, Rows);
  for (const result of inserted.successfulResults) {
    assert.match(result.sf__Id, /^001\w{15}$/);
    assert.equal(result.sf__Created, 'true');
  }
  assert.equal(inserted.failedResults.length, 1);
  assert.equal(inserted.failedResults[0].sf__Id, '');
  assert.equal(inserted.failedResults[0].sf__Error, 'REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --');
  assert.equal(inserted.failedResults[0].NumberOfEmployees, '7'); // a result row repeats the row's cells
  assert.deepEqual(inserted.unprocessedRecords, []);
  assert.equal(await conn.sobject('Account').count({ Name: { $like: `${tag}%` } }), Rows);

  const ids = inserted.successfulResults.map((result) => result.sf__Id);
  const updated = await conn.bulk2.loadAndWaitForResults({
    object: 'Account',
    operation: 'update',
    input: ids.map((Id) => ({ Id, Description: 'updated in bulk' })),
  });
  assert.equal(updated.successfulResults.length, Rows);
  assert.ok(updated.successfulResults.every((result) => result.sf__Created === 'false'));
  assert.deepEqual(updated.failedResults, []);
  assert.equal(await conn.sobject('Account').count({ Name: { $like: `${tag}%` }, Description: 'updated in bulk' }), Rows);

  const deleted = await conn.bulk2.loadAndWaitForResults({ object: 'Account', operation: 'delete', input: ids.map((Id) => ({ Id })) });
  assert.equal(deleted.successfulResults.length, Rows);
  assert.deepEqual(deleted.failedResults, []);
  assert.equal(await conn.sobject('Account').count({ Name: { $like: `${tag}%` } }), 0);
}
