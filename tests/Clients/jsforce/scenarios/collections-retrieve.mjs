// SObject#retrieve of many ids: jsforce POSTs {ids, fields} to /composite/sobjects/{type} (fields from a cached describe
// unless given); unknown or deleted ids come back as null in their place.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { runTag, succeededIds } from '../lib/records.mjs';

export default async function run() {
  const conn = await connect();
  const accounts = conn.sobject('Account');
  const tag = runTag('collections-retrieve');
  const ids = succeededIds(await accounts.create([1, 2, 3].map((i) => ({ Name: `${tag} ${i}`, NumberOfEmployees: i }))));
  await accounts.destroy(ids[2]);

  const full = await accounts.retrieve(ids);
  assert.equal(full.length, 3);
  assert.deepEqual(full.slice(0, 2).map((record) => [record.Id, record.Name, record.NumberOfEmployees]), [[ids[0], `${tag} 1`, 1], [ids[1], `${tag} 2`, 2]]);
  assert.equal(full[2], null, 'a deleted record comes back as null');
  assert.equal(full[0].attributes.type, 'Account');

  const some = await accounts.retrieve([ids[1], ids[0]], { fields: ['Name'] });
  assert.deepEqual(some.map((record) => record.Name), [`${tag} 2`, `${tag} 1`]);
  assert.ok(!('NumberOfEmployees' in some[0]), 'only the fields asked for come back');
}
