// OAuth2 username-password flow: Connection.login with OAuth2 client settings; a wrong password or secret is refused.
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import * as settings from '../lib/settings.mjs';

export default async function run() {
  const conn = new jsforce.Connection({ oauth2: settings.oauth2() });
  const userInfo = await conn.login(settings.username(), settings.password());

  assert.match(userInfo.id, /^005/);
  assert.match(userInfo.organizationId, /^00D/);
  assert.equal(conn.instanceUrl, settings.loginUrl());
  assert.ok(conn.accessToken, 'login should leave an access token on the connection');
  const result = await conn.query('SELECT Id FROM Account LIMIT 1');
  assert.equal(typeof result.totalSize, 'number');

  const wrongPassword = new jsforce.Connection({ oauth2: settings.oauth2() });
  await assert.rejects(wrongPassword.login(settings.username(), 'not-the-password'), { name: 'invalid_grant', message: 'authentication failure' });

  const wrongSecret = new jsforce.Connection({ oauth2: { ...settings.oauth2(), clientSecret: 'not-the-secret' } });
  await assert.rejects(wrongSecret.login(settings.username(), settings.password()), { name: 'invalid_client', message: 'invalid client credentials' });
}
