// Salesforce's error codes as jsforce surfaces them (error.errorCode, the API's error in error.data): required fields,
// unknown fields and objects, bad SOQL, unknown ids, an invalid session.
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import { connect } from '../lib/connect.mjs';
import { rejectsWith, runTag } from '../lib/records.mjs';
import * as settings from '../lib/settings.mjs';

// A well-formed Account id (with its case-check suffix) that no record has.
const UnknownAccountId = '001000000000000AAA';

export default async function run() {
  const conn = await connect();
  const accounts = conn.sobject('Account');
  const tag = runTag('errors');

  const missing = await rejectsWith(accounts.create({ Website: 'https://example.com' }), 'REQUIRED_FIELD_MISSING');
  assert.deepEqual(missing.data.fields, ['Name']);
  assert.equal(missing.message, 'Required fields are missing: [Name]');
  await rejectsWith(accounts.create({ Name: tag, NoSuchField: 1 }), 'INVALID_FIELD');

  await rejectsWith(conn.query('SELECT Id FRM Account'), 'MALFORMED_QUERY');
  const unknownField = await rejectsWith(conn.query('SELECT Id, NoSuchField FROM Account'), 'INVALID_FIELD');
  assert.match(unknownField.message, /No such column 'NoSuchField' on entity 'Account'/);
  await rejectsWith(conn.query('SELECT Id FROM NoSuchObject'), 'INVALID_TYPE');

  await rejectsWith(accounts.retrieve(UnknownAccountId), 'NOT_FOUND');
  await rejectsWith(accounts.update({ Id: UnknownAccountId, Name: tag }), 'NOT_FOUND');
  await rejectsWith(accounts.destroy(UnknownAccountId), 'NOT_FOUND');

  const [unknownInCollection] = await accounts.update([{ Id: UnknownAccountId, Name: tag }]);
  assert.equal(unknownInCollection.success, false);
  assert.equal(unknownInCollection.errors[0].statusCode, 'INVALID_CROSS_REFERENCE_KEY');

  const badLookup = await rejectsWith(conn.sobject('Contact').create({ LastName: tag, AccountId: UnknownAccountId }), 'INVALID_CROSS_REFERENCE_KEY');
  assert.deepEqual(badLookup.data.fields, ['AccountId']);

  // A connection with only an access token the org does not accept has nothing to refresh with.
  const stale = new jsforce.Connection({ instanceUrl: settings.loginUrl(), accessToken: 'not-an-access-token' });
  await rejectsWith(stale.query('SELECT Id FROM Account LIMIT 1'), 'INVALID_SESSION_ID');
}
