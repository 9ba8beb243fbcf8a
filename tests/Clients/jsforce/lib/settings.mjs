// The org to run against, from environment variables: what the standalone tool (tools/SesamTalk.Emulators) prints for
// Salesforce, taken from its output by the test class or copied by hand.
function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set (see docs/testing.md, "Real clients")`);
  }

  return value;
}

/** The login URL (the emulator's base URL, which is also its instance URL), without a trailing slash. */
export const loginUrl = () => required('SF_LOGIN_URL').replace(/\/+$/, '');

/** The connected app's consumer key and secret. */
export const clientId = () => required('SF_CLIENT_ID');
export const clientSecret = () => required('SF_CLIENT_SECRET');

/** The integration user of the password grant. */
export const username = () => required('SF_USERNAME');
export const password = () => required('SF_PASSWORD');

/** A refresh token the org issued earlier (as if a user had authorised the app): only the oauth-refresh scenario needs one. */
export const refreshToken = () => required('SF_REFRESH_TOKEN');

/** The OAuth2 settings of jsforce's Connection for this org. */
export const oauth2 = () => ({
  clientId: clientId(),
  clientSecret: clientSecret(),
  loginUrl: loginUrl(),
  redirectUri: 'http://localhost:3000/oauth2/callback',
});
