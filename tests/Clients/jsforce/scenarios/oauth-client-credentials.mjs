// OAuth2 client credentials flow: Connection.authorize with grant_type client_credentials, as jsforce documents for
// grant types other than the authorization code.
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import * as settings from '../lib/settings.mjs';

export default async function run() {
  const conn = new jsforce.Connection({ oauth2: settings.oauth2() });
  const userInfo = await conn.authorize({ grant_type: 'client_credentials' });

  assert.match(userInfo.id, /^005/);
  assert.match(userInfo.organizationId, /^00D/);
  assert.equal(conn.instanceUrl, settings.loginUrl());
  const result = await conn.query('SELECT Id FROM Account LIMIT 1');
  assert.equal(typeof result.totalSize, 'number');

  const unknownClient = new jsforce.Connection({ oauth2: { ...settings.oauth2(), clientId: 'not-a-consumer-key' } });
  await assert.rejects(unknownClient.authorize({ grant_type: 'client_credentials' }), { name: 'invalid_client_id' });
}
