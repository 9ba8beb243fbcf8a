// A logged-in jsforce connection, as jsforce's documentation opens one: OAuth2 settings, then the username-password flow.
import jsforce from 'jsforce';
import * as settings from './settings.mjs';

export async function connect() {
  const conn = new jsforce.Connection({ oauth2: settings.oauth2() });
  await conn.login(settings.username(), settings.password());
  return conn;
}
