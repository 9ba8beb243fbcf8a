// Bulk API 2.0 query through BulkV2#query: the job runs, jsforce polls it and streams the CSV result pages as records.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag, seedAccounts } from '../lib/records.mjs';

const Rows = 450;

async function bulkQuery(conn, soql, options) {
  const records = [];
  const stream = await conn.bulk2.query(soql, { pollInterval: 250, pollTimeout: 60_000, ...options });
  await new Promise((resolve, reject) => {
    stream.on('record', (record) => records.push(record)).on('end', resolve).on('error', reject);
  });
  return records;
}

export default async function run() {
  const conn = await connect();
  const tag = runTag('bulk2-query');
  const ids = await seedAccounts(conn, tag, Rows);
  await conn.sobject('Account').destroy(ids.slice(0, 50));

  const records = await bulkQuery(conn, `SELECT Id, Name, NumberOfEmployees FROM Account WHERE Name LIKE '${tag}%' ORDER BY Name`);
  assert.equal(records.length, Rows - 50);
  assert.deepEqual(records.map((record) => record.Id), ids.slice(50));
  assert.equal(records[0].Name, `${tag} 0050`);
  assert.equal(records[0].NumberOfEmployees, '50', 'CSV results carry every value as text');

  // queryAll (scanAll) includes the deleted rows.
  const all = await bulkQuery(conn, `SELECT Id, IsDeleted FROM Account WHERE Name LIKE '${tag}%'`, { scanAll: true });
  assert.equal(all.length, Rows);
  assert.equal(all.filter((record) => record.IsDeleted === 'true').length, 50);
}
