// sObject Collections: create, update and destroy of many records in one call each, with and without allOrNone.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag, succeededIds } from '../lib/records.mjs';

async function namesTagged(conn, tag) {
  const records = await conn.sobject('Account').find({ Name: { $like: `${tag}%` } }, ['Name']).sort('Name');
  return records.map((record) => record.Name);
}

export default async function run() {
  const conn = await connect();
  const accounts = conn.sobject('Account');
  const tag = runTag('collections');

  const ids = succeededIds(await accounts.create([1, 2, 3].map((i) => ({ Name: `${tag} ${i}` }))));
  assert.equal(new Set(ids).size, 3);

  // Without allOrNone each record stands alone: the one without its required Name fails, the others are saved.
  const mixed = await accounts.create([{ Name: `${tag} 4` }, { Website: 'https://example.com' }, { Name: `${tag} 5` }]);
  assert.deepEqual(mixed.map((result) => result.success), [true, false, true]);
  assert.equal(mixed[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
  assert.deepEqual(mixed[1].errors[0].fields, ['Name']);

  // With allOrNone one failure rolls the whole call back.
  const rolledBack = await accounts.create([{ Name: `${tag} 6` }, { Website: 'https://example.com' }], { allOrNone: true });
  assert.deepEqual(rolledBack.map((result) => result.success), [false, false]);
  assert.equal(rolledBack[0].errors[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
  assert.equal(rolledBack[1].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
  assert.deepEqual(await namesTagged(conn, tag), [1, 2, 3, 4, 5].map((i) => `${tag} ${i}`));

  const updated = await accounts.update(ids.map((Id, i) => ({ Id, Name: `${tag} ${i + 1} updated` })));
  assert.deepEqual(succeededIds(updated), ids);
  const failedUpdate = await accounts.update([{ Id: ids[0], Name: null }, { Id: ids[1], Name: `${tag} 2 again` }], { allOrNone: true });
  assert.deepEqual(failedUpdate.map((result) => result.success), [false, false]);
  assert.equal(failedUpdate[0].errors[0].statusCode, 'REQUIRED_FIELD_MISSING');
  assert.deepEqual(await namesTagged(conn, tag), [`${tag} 1 updated`, `${tag} 2 updated`, `${tag} 3 updated`, `${tag} 4`, `${tag} 5`]);

  const destroyed = await accounts.destroy(ids);
  assert.deepEqual(succeededIds(destroyed), ids);
  assert.deepEqual(await namesTagged(conn, tag), [`${tag} 4`, `${tag} 5`]);

  // Destroying them again: each id answers that its record is deleted already.
  const again = await accounts.destroy(ids);
  assert.deepEqual(again.map((result) => result.errors[0]?.statusCode), ids.map(() => 'ENTITY_IS_DELETED'));
}
