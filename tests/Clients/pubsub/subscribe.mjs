// Subscribes with the npm Pub/Sub API client (salesforce-pubsub-api-client), unchanged, to the emulator's change
// events: `node subscribe.mjs` reads PUBSUB_ENDPOINT (host:port of the emulator's TLS Pub/Sub port), SF_INSTANCE_URL,
// SF_ACCESS_TOKEN, PUBSUB_TOPIC and PUBSUB_COUNT, takes that many events from the earliest retained one, then that
// many again after the first event's replay id, and prints both lists as JSON (the client decodes the Avro payloads
// and the changed-fields bitmaps itself). Exit code 0 on success, 1 with the failure otherwise.
import PubSubApiClient from 'salesforce-pubsub-api-client';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set`);
  }

  return value;
}

const quiet = { debug() {}, info() {}, warn: console.error, error: console.error };
const topic = required('PUBSUB_TOPIC');
const count = Number(required('PUBSUB_COUNT'));

/** Subscribes with `subscribe` and resolves with the `count` events it delivers (thirty seconds at most). */
function take(subscribe) {
  return new Promise((resolve, reject) => {
    const events = [];
    const timer = setTimeout(() => reject(new Error(`${events.length} of ${count} events came within 30 s`)), 30_000);
    subscribe((subscription, callbackType, data) => {
      if (callbackType === 'event') {
        const header = data.payload.ChangeEventHeader;
        events.push({
          replayId: data.replayId,
          entityName: header.entityName,
          changeType: header.changeType,
          recordIds: header.recordIds,
          changedFields: header.changedFields,
          nulledFields: header.nulledFields,
          name: data.payload.Name ?? null,
        });
      } else if (callbackType === 'lastEvent') {
        clearTimeout(timer);
        resolve(events);
      } else if (callbackType === 'error') {
        clearTimeout(timer);
        reject(data);
      }
    });
  });
}

/** A connected client; each has its own subscriptions (a client asked twice for one topic reuses its stream). */
async function connect() {
  const client = new PubSubApiClient({
    authType: 'user-supplied',
    accessToken: required('SF_ACCESS_TOKEN'),
    instanceUrl: required('SF_INSTANCE_URL'),
    pubSubEndpoint: required('PUBSUB_ENDPOINT'),
    rejectUnauthorizedSsl: false, // the emulator's test certificate is self-signed
  }, quiet);
  await client.connect();
  return client;
}

try {
  const first = await connect();
  const earliest = await take((callback) => first.subscribeFromEarliestEvent(topic, callback, count));
  first.close();
  const second = await connect();
  const replayed = await take((callback) => second.subscribeFromReplayId(topic, callback, count, earliest[0].replayId));
  second.close();
  console.log(JSON.stringify({ earliest, replayed }));
  process.exit(0); // close() leaves the subscription's stream open, which would keep node running
} catch (error) {
  console.error(`pubsub client: FAILED\n${error?.stack ?? error}${error?.cause ? `\ncause: ${error.cause.stack ?? error.cause}` : ''}`);
  process.exit(1);
}
