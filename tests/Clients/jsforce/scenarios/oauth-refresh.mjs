// OAuth2 refresh-token flow: a connection that holds a refresh token renews an expired or absent access token by itself.
import assert from 'node:assert/strict';
import jsforce from 'jsforce';
import * as settings from '../lib/settings.mjs';

function connection(tokens) {
  return new jsforce.Connection({ oauth2: settings.oauth2(), instanceUrl: settings.loginUrl(), ...tokens });
}

async function queriesAfterOneRefresh(conn) {
  const refreshes = [];
  conn.on('refresh', (accessToken, response) => refreshes.push({ accessToken, response }));

  const result = await conn.query('SELECT Id FROM Account LIMIT 1');

  assert.equal(typeof result.totalSize, 'number');
  assert.equal(refreshes.length, 1, 'jsforce should have refreshed the session exactly once');
  const [{ accessToken, response }] = refreshes;
  assert.equal(conn.accessToken, accessToken);
  assert.equal(response.token_type, 'Bearer');
  assert.equal(response.instance_url, settings.loginUrl());
  assert.equal(conn.instanceUrl, settings.loginUrl());
  assert.match(conn.userInfo.organizationId, /^00D/, `identity URL ${response.id}`);
  assert.match(conn.userInfo.id, /^005/, `identity URL ${response.id}`);
}

export default async function run() {
  // An access token the org no longer accepts: the API answers 401 INVALID_SESSION_ID and jsforce refreshes.
  const expired = connection({ accessToken: 'an-expired-access-token', refreshToken: settings.refreshToken() });
  await queriesAfterOneRefresh(expired);
  assert.notEqual(expired.accessToken, 'an-expired-access-token');

  // No access token at all, as an app that stored only the refresh token starts.
  await queriesAfterOneRefresh(connection({ refreshToken: settings.refreshToken() }));

  // A refresh token the org does not know: the token endpoint answers invalid_grant and the call fails.
  const revoked = connection({ accessToken: 'an-expired-access-token', refreshToken: 'not-a-refresh-token' });
  await assert.rejects(revoked.query('SELECT Id FROM Account LIMIT 1'), /Unable to refresh session due to: expired access\/refresh token/);
}
