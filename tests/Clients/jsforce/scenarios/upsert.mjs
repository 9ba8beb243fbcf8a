// SObject#upsert by an idLookup field (Product2.Name): one record (PATCH /sobjects/Product2/Name/{value}) creates, then
// updates; many records (PATCH /composite/sobjects/Product2/Name) report per record whether they were created.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag } from '../lib/records.mjs';

async function productsTagged(conn, tag) {
  // Id is selected: a SOQL row carries only the fields the query names (the record's id is otherwise only in attributes.url).
  return conn.sobject('Product2').find({ Name: { $like: `${tag}%` } }, ['Id', 'Name', 'ProductCode', 'Description']).sort('Name');
}

export default async function run() {
  const conn = await connect();
  const products = conn.sobject('Product2');
  const tag = runTag('upsert');

  // One record: 201 with the new id the first time, 204 (an update) the second.
  const created = await products.upsert({ Name: `${tag} A`, ProductCode: 'A-1' }, 'Name');
  assert.equal(created.success, true);
  assert.equal(created.created, true);
  assert.match(created.id, /^01t\w{15}$/);
  const updated = await products.upsert({ Name: `${tag} A`, ProductCode: 'A-2' }, 'Name');
  assert.equal(updated.success, true);
  assert.notEqual(updated.created, true);
  assert.deepEqual((await productsTagged(conn, tag)).map((p) => [p.Id, p.ProductCode]), [[created.id, 'A-2']]);

  // Many records: the existing one is updated, the new ones are created.
  const results = await products.upsert([
    { Name: `${tag} A`, Description: 'updated in bulk' },
    { Name: `${tag} B`, ProductCode: 'B-1' },
    { Name: `${tag} C`, ProductCode: 'C-1' },
  ], 'Name');
  assert.deepEqual(results.map((r) => [r.success, r.created]), [[true, false], [true, true], [true, true]]);
  assert.equal(results[0].id, created.id);
  const after = await productsTagged(conn, tag);
  assert.deepEqual(after.map((p) => [p.Name, p.ProductCode, p.Description]), [
    [`${tag} A`, 'A-2', 'updated in bulk'],
    [`${tag} B`, 'B-1', null],
    [`${tag} C`, 'C-1', null],
  ]);
  assert.deepEqual(after.slice(1).map((p) => p.Id), results.slice(1).map((r) => r.id));
}
