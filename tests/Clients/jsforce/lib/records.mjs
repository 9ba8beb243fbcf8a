// Helpers the scenarios share: a tag that keeps each run's records apart, error expectations, bulk seeding.
import assert from 'node:assert/strict';

/** A tag unique to this run, put into record names so a scenario only ever counts its own records. */
export function runTag(scenario) {
  return `${scenario}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Awaits a call that must fail with a jsforce error of this errorCode; returns the error for further checks. */
export async function rejectsWith(promise, errorCode) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.errorCode ?? error.name, errorCode, `expected ${errorCode}, got: ${error.message} ${JSON.stringify(error.data)}`);
    return error;
  }

  assert.fail(`expected the call to fail with ${errorCode}, but it succeeded`);
}

/** Asserts every SaveResult succeeded and returns their ids. */
export function succeededIds(results) {
  const failed = results.filter((result) => !result.success);
  assert.deepEqual(failed, [], 'every record should have been saved');
  return results.map((result) => result.id);
}

/** Creates `count` Accounts named `${tag} NNNN` through sObject Collections (jsforce splits them into calls of 200). */
export async function seedAccounts(conn, tag, count) {
  const records = Array.from({ length: count }, (_, i) => ({ Name: `${tag} ${String(i).padStart(4, '0')}`, NumberOfEmployees: i }));
  return succeededIds(await conn.sobject('Account').create(records, { allowRecursive: true }));
}
