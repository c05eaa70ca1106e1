// The client against the running API and WeChat sandbox (scripts/test-contracts.sh starts them with the demo seed):
// WESTUDIO_API, WESTUDIO_SANDBOX, WESTUDIO_PHOTO (a JPEG to upload).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createClient, newClientNonce, ProblemCodes, ProblemMessages, type WeStudioClient } from '../src/index.js';
import { fetchWx, type FetchWx } from './wx-fetch.js';

const api = process.env.WESTUDIO_API ?? 'http://127.0.0.1:5082';
const photo = process.env.WESTUDIO_PHOTO ?? '';

function signedInAs(name: string): { client: WeStudioClient; wx: FetchWx } {
  const wx = fetchWx(name);
  return { client: createClient({ baseUrl: api, wx }), wx };
}

describe('the mini-program client against the API', () => {
  let leader: WeStudioClient;
  let member: WeStudioClient;
  let memberWx: FetchWx;
  let studioId: string;
  let activityId: string;

  before(async () => {
    ({ client: leader } = signedInAs('qin.meiling'));
    ({ client: member, wx: memberWx } = signedInAs('wei.zhiqiang'));
    const login = await leader.login();
    assert.equal(login.ok, true);
    const me = await leader.get('/api/v1/me', {});
    assert.ok(me.ok);
    const led = me.data.studios.find((s) => s.role === 'Leader');
    assert.ok(led, 'the demo leader leads a studio');
    studioId = led.studioId;
    // An activity starting now, without a venue (no position needed), so check-in can open at once.
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const endsAt = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    const created = await leader.post('/api/v1/studios/{studioId}/activities', {
      path: { studioId },
      body: { kind: 'ThemedPartyDay', title: '主题党日：契约测试', startsAt, endsAt },
    });
    assert.equal(created.status, 201, JSON.stringify(created.problem));
    assert.ok(created.ok);
    activityId = created.data.id;
    const opened = await leader.post('/api/v1/activities/{activityId}/checkin/open', { path: { activityId } });
    assert.equal(opened.status, 200, JSON.stringify(opened.problem));
  });

  it('a member logs in with a sandbox code (wx.login → wechat-login) and reads the activity', async () => {
    const login = await member.login();
    assert.equal(login.status, 200);
    assert.ok(login.ok);
    assert.equal(typeof login.data.token, 'string');
    assert.equal(member.token, login.data.token);
    const activity = await member.get('/api/v1/activities/{activityId}', { path: { activityId } });
    assert.ok(activity.ok, JSON.stringify(activity.problem));
    assert.equal(activity.data.id, activityId);
    assert.equal(activity.data.status, 'Scheduled');
    assert.equal(activity.data.venueName, null);
  });

  it("checks in with the leader's current code: 201, then the same nonce again is 200 with the same body", async () => {
    const code = await leader.get('/api/v1/activities/{activityId}/checkin/code', { path: { activityId } });
    assert.ok(code.ok, JSON.stringify(code.problem));
    const nonce = newClientNonce();
    const first = await member.checkIn({ token: code.data.token }, nonce);
    assert.equal(first.status, 201, JSON.stringify(first.problem));
    assert.ok(first.ok);
    assert.equal(first.data.activityId, activityId);
    assert.equal(first.data.alreadyCheckedIn, false);
    const again = await member.checkIn({ token: code.data.token }, nonce);
    assert.equal(again.status, 200);
    assert.deepEqual(again.data, first.data);
  });

  it('a forged code is refused with a typed problem.code token_invalid', async () => {
    const forged = await member.checkIn({ token: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    assert.equal(forged.ok, false);
    if (forged.ok) return;
    assert.equal(forged.status, 400);
    if (forged.status !== 400) return;
    assert.equal(forged.problem.code, ProblemCodes.TokenInvalid);
    assert.equal(typeof forged.problem.traceId, 'string');
    assert.equal(ProblemMessages[forged.problem.code], '二维码无效，请扫描屏幕上的签到码');
  });

  it('on a 401 it logs in again once with wx.login and retries the same check-in (same nonce)', async () => {
    const wx = fetchWx('huang.xiaoyan');
    const stale = createClient({ baseUrl: api, wx, token: 'expired-or-revoked-token' });
    const code = await leader.get('/api/v1/activities/{activityId}/checkin/code', { path: { activityId } });
    assert.ok(code.ok);
    const nonce = newClientNonce();
    const result = await stale.checkIn({ token: code.data.token }, nonce);
    assert.equal(result.status, 201, JSON.stringify(result.problem));
    assert.equal(wx.logins, 1);
    assert.notEqual(stale.token, 'expired-or-revoked-token');
    // The retried scan kept its nonce: sending it again answers the same check-in.
    const replay = await stale.checkIn({ token: code.data.token }, nonce);
    assert.equal(replay.status, 200);
    assert.deepEqual(replay.data, result.data);
  });

  it('without a valid login the refusal is a typed 401 unauthorized (re-login off)', async () => {
    const anonymous = createClient({ baseUrl: api, wx: fetchWx('nobody'), reLogin: false });
    const me = await anonymous.get('/api/v1/me', {});
    assert.equal(me.status, 401);
    if (me.ok || me.status !== 401) return;
    assert.equal(me.problem.code, 'unauthorized');
    assert.equal(memberWx.logins, 1);
  });

  it('the leader uploads a photo (field file) and publishes a brief with it', async () => {
    assert.ok(photo, 'WESTUDIO_PHOTO names a JPEG');
    const uploaded = await leader.upload('/api/v1/photos', { name: 'file', filePath: photo });
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.problem));
    assert.ok(uploaded.ok);
    assert.equal(uploaded.data.contentType, 'image/jpeg');
    const saved = await leader.put('/api/v1/activities/{activityId}/brief', {
      path: { activityId },
      body: { title: '主题党日简报', summary: '全体党员参加学习。', photoIds: [uploaded.data.photoId] },
    });
    assert.ok(saved.ok, JSON.stringify(saved.problem));
    assert.equal(saved.data.photos.length, 1);
    const published = await leader.post('/api/v1/activities/{activityId}/brief/publish', { path: { activityId } });
    assert.ok(published.status === 200 || published.status === 202, JSON.stringify(published.problem));
    assert.ok(published.ok);
    assert.ok(published.data.status === 'Published' || published.data.status === 'PendingReview', published.data.status);
    const content = await fetch(published.data.photos[0]?.url ?? '');
    assert.equal(content.status, 200);
    assert.equal(content.headers.get('content-type'), 'image/jpeg');
  });

  it('the member subscribes to a template (what wx.requestSubscribeMessage returned)', async () => {
    const before = await member.get('/api/v1/me/subscriptions', {});
    assert.ok(before.ok);
    const template = before.data.templates[0];
    assert.ok(template, 'the sandbox configuration has subscribe templates');
    const recorded = await member.post('/api/v1/me/subscriptions', { body: { results: { [template.templateId]: 'accept' } } });
    assert.ok(recorded.ok, JSON.stringify(recorded.problem));
    const after = recorded.data.templates.find((t) => t.templateId === template.templateId);
    assert.equal(after?.credits, template.credits + 1);
    assert.equal(after?.lastResult, 'accept');
  });
});
