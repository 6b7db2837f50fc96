// The official Sinch Node SDK (@sinch/sdk-core, pinned in package-lock.json) drives septet's
// sandbox through batches, delivery reports, inbounds and groups, and what it parses must be what the
// seeds (/work/shared/seeds/) document. It starts nothing itself:
//   node sdk_test.mjs http://127.0.0.1:PORT
// against `septet sandbox` with its default token and plan (tests/sinch_sdk/run.sh starts one).
import assert from 'node:assert/strict';
import sdk from '@sinch/sdk-core';

const { SinchClient } = sdk;
const base = process.argv[2];
if (!base) {
  console.error('usage: node sdk_test.mjs http://127.0.0.1:PORT');
  process.exit(2);
}

// The SDK's own option for another SMS host ("Override the hostname for the SMS API - Note the
// regions become ineffective", @sinch/sdk-client domain-interface.d.ts): it appends
// /xms/v1/{servicePlanId} to it.
const sinch = new SinchClient({
  servicePlanId: 'sandbox-plan',
  apiToken: 'sandbox-token',
  smsHostname: base,
  smsRegion: 'us',
});
const sms = sinch.sms;

const ulid = /^[0-9A-Z]{26}$/;
// "All phone numbers returned by the REST API will be without a + or 00 prefix, even if they
// were sent with one" (seeds 001 and 002).
const plain = /^[0-9]+$/;
// "All timestamps returned by the API will be represented in UTC time" (seeds 001, 002); the
// SDK revives them as Date objects.
const isDate = (d) => d instanceof Date && !Number.isNaN(d.getTime());

const steps = [];
const step = (name, fn) => steps.push([name, fn]);
const state = {};

step('send a text batch', async () => {
  const sent = await sms.batches.send({
    sendSMSRequestBody: {
      to: ['+46700000001', '0046700000002'],
      from: '+46700000000',
      body: 'Hi ${name}! How are you?',
      parameters: { name: { '+46700000001': 'Ana', default: 'there' } },
      delivery_report: 'none',
      client_reference: 'sdk-test',
    },
  });
  assert.match(sent.id, ulid);
  assert.equal(sent.type, 'mt_text');
  assert.deepEqual(sent.to, ['46700000001', '46700000002']);
  assert.equal(sent.from, '46700000000');
  assert.match(sent.from, plain);
  assert.equal(sent.body, 'Hi ${name}! How are you?');
  assert.equal(sent.canceled, false);
  assert.equal(sent.client_reference, 'sdk-test');
  assert.ok(isDate(sent.created_at) && isDate(sent.modified_at));
  state.batch = sent;
});

step('get it', async () => {
  const got = await sms.batches.get({ batch_id: state.batch.id });
  assert.equal(got.id, state.batch.id);
  assert.deepEqual(got.to, state.batch.to);
  assert.equal(got.body, state.batch.body);
  assert.deepEqual(got.parameters, state.batch.parameters);
});

step('list batches', async () => {
  await sms.batches.sendTextMessage({
    sendSMSRequestBody: { to: ['+46700000003'], from: '+46700000000', body: 'second' },
  });
  const page = await sms.batches.list({ page_size: 1 });
  assert.equal(page.data.length, 1);
  assert.equal(page.hasNextPage, true);
  assert.equal(page.data[0].body, 'second');  // newest first
  const next = await page.nextPage();
  assert.equal(next.data[0].id, state.batch.id);
  const all = [];
  for await (const b of sms.batches.list({ page_size: 1 })) {
    all.push(b.id);
  }
  assert.equal(all.length, 2);
});

step('dry run with per_recipient', async () => {
  // The official e2e scenario of the SDKs' mock server (sinch-api.md (b).3).
  const run = await sms.batches.dryRun({
    per_recipient: true,
    number_of_recipients: 10,
    dryRunRequestBody: {
      from: '+12015555555',
      to: ['+12017777777', '+12018888888', '+12019999999'],
      parameters: { name: { '+12017777777': 'John', default: 'there' } },
      body: 'Hello ${name}!',
      delivery_report: 'none',
      type: 'mt_text',
    },
  });
  assert.equal(run.number_of_recipients, 3);
  assert.equal(run.number_of_messages, 3);
  assert.equal(run.per_recipient.length, 3);
  const john = run.per_recipient.find((r) => r.recipient === '12017777777');
  assert.deepEqual(john, {
    recipient: '12017777777', body: 'Hello John!', number_of_parts: 1, encoding: 'text',
  });
  for (const r of run.per_recipient) {
    assert.match(r.recipient, plain);
  }
});

step('cancel', async () => {
  const canceled = await sms.batches.cancel({ batch_id: state.batch.id });
  assert.equal(canceled.id, state.batch.id);
  assert.equal(canceled.canceled, true);
});

step('replace', async () => {
  const replaced = await sms.batches.replace({
    batch_id: state.batch.id,
    replaceBatchMessageRequestBody: {
      to: ['+46700000009'], from: '+46700000000', body: 'replaced', type: 'mt_text',
    },
  });
  assert.equal(replaced.id, state.batch.id);
  assert.deepEqual(replaced.to, ['46700000009']);
  assert.equal(replaced.body, 'replaced');
});

step('update', async () => {
  const updated = await sms.batches.update({
    batch_id: state.batch.id,
    updateBatchMessageRequestBody: {
      to_add: ['+46700000010'], to_remove: ['+46700000009'], body: 'updated', type: 'mt_text',
    },
  });
  assert.deepEqual(updated.to, ['46700000010']);
  assert.equal(updated.body, 'updated');
});

step('delivery report', async () => {
  const sent = await sms.batches.send({
    sendSMSRequestBody: {
      to: ['+46700000011', '+46700000012'], from: '+46700000000', body: 'Hi ${name}',
      parameters: { name: { '+46700000011': 'Bo' } },  // no default: 405 for the other
    },
  });
  const report = await sms.deliveryReports.get({ batch_id: sent.id, type: 'full' });
  assert.equal(report.type, 'delivery_report_sms');
  assert.equal(report.batch_id, sent.id);
  assert.equal(report.total_message_count, 2);
  const byCode = Object.fromEntries(report.statuses.map((s) => [s.code, s]));
  assert.deepEqual(byCode[0].recipients, ['46700000011']);
  assert.equal(byCode[0].status, 'Delivered');
  assert.deepEqual(byCode[405].recipients, ['46700000012']);
  assert.equal(byCode[405].status, 'Aborted');
  const one = await sms.deliveryReports.getForNumber({
    batch_id: sent.id, phone_number: '+46700000011',
  });
  assert.equal(one.type, 'recipient_delivery_report_sms');
  assert.equal(one.recipient, '46700000011');
  assert.equal(one.code, 0);
  assert.ok(isDate(one.at));
});

step('list inbounds after injecting one', async () => {
  // Seed 003's inbound: its from, to, body, operator_id and client_reference.
  const injected = await fetch(`${base}/sandbox/inbounds`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      from: '+11203494390', to: '11203453453', body: 'Test message',
      operator_id: '35000', client_reference: 'ABC123',
    }),
  });
  assert.equal(injected.status, 201);
  state.inbound = await injected.json();
  const page = await sms.inbounds.list({ page_size: 2 });
  assert.equal(page.data.length, 1);
  assert.equal(page.hasNextPage, false);
  assert.equal(page.data[0].id, state.inbound.id);
});

step('get inbound', async () => {
  const m = await sms.inbounds.get({ inbound_id: state.inbound.id });
  assert.equal(m.type, 'mo_text');
  assert.match(m.id, ulid);
  assert.equal(m.from, '11203494390');
  assert.equal(m.to, '11203453453');
  assert.equal(m.body, 'Test message');
  assert.equal(m.operator_id, '35000');
  assert.equal(m.client_reference, 'ABC123');
  assert.ok(isDate(m.received_at));
  // The keys of seed 003's inbound, no more and no fewer.
  assert.deepEqual(Object.keys(m).sort(), ['body', 'client_reference', 'from', 'id',
    'operator_id', 'received_at', 'sent_at', 'to', 'type']);
});

// ---- groups (seed 003: "A group is a set of phone numbers ... An MSISDN can only occur once in
// a group and any attempts to add a duplicate are ignored but not rejected")
step('groups: create, get, list, members', async () => {
  const created = await sms.groups.create({
    createGroupRequestBody: {
      name: 'sdk team',
      members: ['+46700000011', '0046700000012', '+46700000011'],
    },
  });
  assert.match(created.id, ulid);
  assert.equal(created.name, 'sdk team');
  assert.equal(created.size, 2);  // the duplicate is ignored
  assert.ok(isDate(created.created_at) && isDate(created.modified_at));
  const got = await sms.groups.get({ group_id: created.id });
  assert.equal(got.size, 2);
  const members = await sms.groups.listMembers({ group_id: created.id });
  assert.deepEqual([...members].sort(), ['46700000011', '46700000012']);
  for (const m of members) assert.match(m, plain);
  const page = await sms.groups.list({ page_size: 100 });
  assert.ok(page.data.some((g) => g.id === created.id));
  state.group = created;
});

step('groups: update adds, removes, and null clears the name', async () => {
  const updated = await sms.groups.update({
    group_id: state.group.id,
    updateGroupRequestBody: { add: ['+46700000013'], remove: ['+46700000011'], name: null },
  });
  assert.equal(updated.size, 2);
  assert.equal(updated.name, undefined);  // "null values ... will be omitted in responses"
  const members = await sms.groups.listMembers({ group_id: state.group.id });
  assert.deepEqual([...members].sort(), ['46700000012', '46700000013']);
});

step('a batch to a group goes to its members', async () => {
  const sent = await sms.batches.send({
    sendSMSRequestBody: { to: [state.group.id], from: '+46700000000', body: 'Hi team' },
  });
  const report = await sms.deliveryReports.get({ batch_id: sent.id, type: 'full' });
  assert.equal(report.total_message_count, 2);
  assert.deepEqual([...report.statuses[0].recipients].sort(), ['46700000012', '46700000013']);
});

step('an unknown group is 403 unknown_group', async () => {
  await assert.rejects(
    sms.batches.send({
      sendSMSRequestBody: { to: ['01ZZZZZZZZZZZZZZZZZZZZZZZZ'], from: '+46700000000', body: 'x' },
    }),
    (e) => /403/.test(String(e)) && /unknown_group/.test(JSON.stringify(e) + String(e)),
  );
});

step('groups: replace, then delete', async () => {
  const replaced = await sms.groups.replace({
    group_id: state.group.id,
    replaceGroupRequestBody: { name: 'night shift', members: ['+46700000020'] },
  });
  assert.equal(replaced.name, 'night shift');
  assert.equal(replaced.size, 1);
  await sms.groups.delete({ group_id: state.group.id });
  await assert.rejects(sms.groups.get({ group_id: state.group.id }), (e) => /404/.test(String(e)));
});

let failed = 0;
for (const [name, fn] of steps) {
  try {
    await fn();
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
  }
}
console.log(failed ? `${failed} of ${steps.length} failed` : `all ${steps.length} passed`);
process.exit(failed ? 1 : 0);
