// Describe's picklistValues, which apps read to offer a picklist's choices: each active value with its label.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';

export default async function run() {
  const conn = await connect();
  const account = await conn.describe('Account');

  const industry = account.fields.find((f) => f.name === 'Industry');
  assert.ok(Array.isArray(industry.picklistValues), 'a picklist field carries picklistValues');
  assert.ok(industry.picklistValues.length > 0, 'Account.Industry has values');
  for (const entry of industry.picklistValues) {
    assert.equal(typeof entry.value, 'string');
    assert.equal(typeof entry.label, 'string');
    assert.equal(typeof entry.active, 'boolean');
    assert.equal(typeof entry.defaultValue, 'boolean');
  }

  assert.ok(industry.picklistValues.some((entry) => entry.value === 'Technology' && entry.active));
  assert.deepEqual(account.fields.find((f) => f.name === 'Name').picklistValues, [], 'other fields carry an empty list');
}
