// Connection#describeGlobal: GET /sobjects lists every object the org has, with its key prefix and verbs; jsforce's
// cached describeGlobal$ feeds conn.sobjects.
import assert from 'node:assert/strict';
import { connect } from '../lib/connect.mjs';

export default async function run() {
  const conn = await connect();

  const global = await conn.describeGlobal();
  assert.equal(global.encoding, 'UTF-8');
  assert.equal(global.maxBatchSize, 200);
  const byName = new Map(global.sobjects.map((sobject) => [sobject.name, sobject]));
  for (const [name, keyPrefix] of [['Account', '001'], ['Contact', '003'], ['Product2', '01t'], ['Order', '801']]) {
    const sobject = byName.get(name);
    assert.ok(sobject, `describeGlobal should list ${name}`);
    assert.equal(sobject.keyPrefix, keyPrefix);
    assert.equal(typeof sobject.label, 'string');
    assert.equal(sobject.custom, false);
    assert.equal(sobject.urls.sobject, `/services/data/v${conn.version}/sobjects/${name}`);
    assert.equal(sobject.urls.describe, `/services/data/v${conn.version}/sobjects/${name}/describe`);
  }

  assert.equal(byName.get('Account').createable, true);
  assert.equal(byName.get('Account').queryable, true);

  await conn.describeGlobal$();
  assert.ok(conn.sobjects.Account, 'the cached describeGlobal registers each object on the connection');
}
