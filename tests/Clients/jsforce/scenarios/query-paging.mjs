// SOQL with paging: Connection#query returns the first 2,000 rows and a nextRecordsUrl, Connection#queryMore the rest;
// with autoFetch jsforce follows the pages itself and stops at maxFetch.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag, seedAccounts } from '../lib/records.mjs';

const Rows = 2150;

export default async function run() {
  const conn = await connect();
  const tag = runTag('query-paging');
  await seedAccounts(conn, tag, Rows);
  const soql = `SELECT Id, Name, NumberOfEmployees FROM Account WHERE Name LIKE '${tag}%' ORDER BY Name`;

  const first = await conn.query(soql);
  assert.equal(first.totalSize, Rows);
  assert.equal(first.done, false);
  assert.equal(first.records.length, 2000);
  // jsforce keeps the locator (the URL's last segment) and hands back the page's URL under its own base URL.
  assert.ok(first.nextRecordsUrl.startsWith(`${conn.instanceUrl}/services/data/v${conn.version}/query/`), first.nextRecordsUrl);
  const next = await conn.queryMore(first.nextRecordsUrl);
  assert.equal(next.done, true);
  assert.equal(next.totalSize, Rows);
  assert.equal(next.nextRecordsUrl, undefined);
  const paged = [...first.records, ...next.records];
  assert.deepEqual(paged.map((record) => record.NumberOfEmployees), Array.from({ length: Rows }, (_, i) => i));
  assert.equal(new Set(paged.map((record) => record.Id)).size, Rows);

  const all = await conn.query(soql, { autoFetch: true, maxFetch: 5000 });
  assert.equal(all.records.length, Rows);
  assert.equal(all.done, true);
  assert.deepEqual(all.records.map((record) => record.Id), paged.map((record) => record.Id));

  const capped = await conn.query(soql, { autoFetch: true, maxFetch: 2100 });
  assert.equal(capped.records.length, 2100);
  assert.equal(capped.totalSize, Rows);
  assert.deepEqual(capped.records.map((record) => record.Id), paged.slice(0, 2100).map((record) => record.Id));

  // The record stream, as sobject().find() users read it: every row once, in order.
  const streamed = [];
  await new Promise((resolve, reject) => {
    conn.query(soql).on('record', (record) => streamed.push(record.Name)).on('end', resolve).on('error', reject).run({ autoFetch: true, maxFetch: 5000 });
  });
  assert.deepEqual(streamed, paged.map((record) => record.Name));
}
