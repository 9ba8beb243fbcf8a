// Connection#describe and SObject#describe$ (cached): the object's key prefix and verbs, and its fields' types and
// constraints as an app reads them to build a form or a mapping.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';
import { rejectsWith } from '../lib/records.mjs';

function field(describe, name) {
  const found = describe.fields.find((f) => f.name === name);
  assert.ok(found, `${describe.name} should describe a field ${name}`);
  return found;
}

export default async function run() {
  const conn = await connect();

  const account = await conn.describe('Account');
  assert.equal(account.name, 'Account');
  assert.equal(account.keyPrefix, '001');
  assert.equal(account.createable, true);
  assert.equal(account.updateable, true);
  assert.equal(account.deletable, true);
  assert.equal(account.queryable, true);
  assert.equal(account.urls.sobject, `/services/data/v${conn.version}/sobjects/Account`);
  assert.deepEqual(account.fields.slice(0, 2).map((f) => f.name), ['Id', 'IsDeleted']);

  assert.deepEqual(
    (({ type, nillable, createable, updateable, defaultedOnCreate }) => ({ type, nillable, createable, updateable, defaultedOnCreate }))(field(account, 'Name')),
    { type: 'string', nillable: false, createable: true, updateable: true, defaultedOnCreate: false });
  assert.equal(field(account, 'Name').length, 255);
  assert.equal(field(account, 'Id').type, 'id');
  assert.equal(field(account, 'Id').idLookup, true);
  assert.equal(field(account, 'NumberOfEmployees').type, 'int');
  assert.equal(field(account, 'Industry').type, 'picklist');
  assert.equal(field(account, 'CreatedDate').type, 'datetime');
  assert.equal(field(account, 'CreatedDate').createable, false);
  assert.deepEqual(field(account, 'ParentId').referenceTo, ['Account']);
  assert.equal(field(account, 'ParentId').relationshipName, 'Parent');

  // The cached variant asks once per connection.
  const contact = await conn.sobject('Contact').describe$();
  assert.equal(contact.keyPrefix, '003');
  assert.strictEqual(await conn.sobject('Contact').describe$(), contact);
  assert.deepEqual(field(contact, 'AccountId').referenceTo, ['Account']);
  assert.equal(field(contact, 'Email').type, 'email');

  await rejectsWith(conn.describe('NoSuchObject'), 'NOT_FOUND');
}
