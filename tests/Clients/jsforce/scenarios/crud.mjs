// Single-record CRUD through SObject#create, #retrieve, #update and #destroy.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { rejectsWith, runTag } from '../lib/records.mjs';

export default async function run() {
  const conn = await connect();
  const accounts = conn.sobject('Account');
  const name = runTag('crud');

  const created = await accounts.create({ Name: name, NumberOfEmployees: 12, Website: 'https://example.com' });
  assert.equal(created.success, true);
  assert.deepEqual(created.errors, []);
  assert.match(created.id, /^001\w{15}$/);

  const record = await accounts.retrieve(created.id);
  assert.equal(record.Id, created.id);
  assert.equal(record.Name, name);
  assert.equal(record.NumberOfEmployees, 12);
  assert.equal(record.attributes.type, 'Account');
  assert.equal(record.attributes.url, `/services/data/v${conn.version}/sobjects/Account/${created.id}`);

  const some = await accounts.retrieve(created.id, { fields: ['Name', 'Website'] });
  assert.equal(some.Name, name);
  assert.equal(some.Website, 'https://example.com');
  assert.ok(!('NumberOfEmployees' in some), 'only the fields asked for come back');

  // PATCH answers 204 No Content; jsforce turns that into a SaveResult.
  const updated = await accounts.update({ Id: created.id, Name: `${name} renamed`, Website: null });
  assert.deepEqual(updated, { id: created.id, success: true, errors: [] });
  const after = await accounts.retrieve(created.id);
  assert.equal(after.Name, `${name} renamed`);
  assert.equal(after.Website, null);
  assert.ok(after.LastModifiedDate >= record.LastModifiedDate);

  const destroyed = await accounts.destroy(created.id);
  assert.deepEqual(destroyed, { id: created.id, success: true, errors: [] });
  await rejectsWith(accounts.retrieve(created.id), 'ENTITY_IS_DELETED');
  const { totalSize } = await conn.query(`SELECT Id FROM Account WHERE Id = '${created.id}'`);
  assert.equal(totalSize, 0);
}
