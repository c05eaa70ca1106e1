// Mistakes a mini-program developer could make, each of which the types must catch. `tsc --strict` fails on an unused
// `@ts-expect-error`, and scripts/check-mistakes.mjs checks that each one catches an error on the line below it.
// Never run: only type-checked.
import { createClient, ProblemMessages, type ProblemCode, type WeStudioClient } from '../src/index.js';
import { fetchWx } from './wx-fetch.js';

export async function mistakes(client: WeStudioClient = createClient({ baseUrl: 'http://127.0.0.1:5082', wx: fetchWx('x') })) {
  // A request body missing a required field (clientNonce).
  // @ts-expect-error
  await client.post('/api/v1/checkins', { body: { token: 'T' } });

  // An enum typo in a body (ActivityKind is ThemedPartyDay).
  await client.post('/api/v1/studios/{studioId}/activities', {
    path: { studioId: 's' },
    // @ts-expect-error
    body: { kind: 'ThemedPartyday', title: '主题党日', startsAt: '2026-12-01T06:00:00Z', endsAt: '2026-12-01T08:00:00Z' },
  });

  // An enum typo in a response comparison (ActivityStatus is Cancelled).
  const activity = await client.get('/api/v1/activities/{activityId}', { path: { activityId: 'a' } });
  // @ts-expect-error
  if (activity.ok && activity.data.status === 'Canceled') return;

  // An enum typo in a query parameter (LedgerStatus is AtRisk).
  // @ts-expect-error
  await client.get('/api/v1/ledger', { query: { programmeId: 'p', status: 'Atrisk' } });

  // A misspelt refusal code, compared and looked up.
  const scan = await client.checkIn({ token: 'T' });
  // @ts-expect-error
  if (!scan.ok && scan.status === 410 && scan.problem.code === 'token_expird') return;
  // @ts-expect-error
  const message: string = ProblemMessages['token_expird'];
  // @ts-expect-error
  const code: ProblemCode = 'tokenExpired';

  // A refusal code the operation does not send with that status (410 is only token_expired).
  // @ts-expect-error
  if (!scan.ok && scan.status === 410 && scan.problem.code === 'not_open') return;

  // A wrong upload body: the photo's field is `file`, and check-in takes no file.
  // @ts-expect-error
  await client.upload('/api/v1/photos', { name: 'photo', filePath: 'wxfile://tmp.jpg' });
  // @ts-expect-error
  await client.upload('/api/v1/checkins', { name: 'file', filePath: 'wxfile://tmp.jpg' });

  // A nullable field used without a check (MeResponse.member is null for an admin).
  const me = await client.get('/api/v1/me', {});
  // @ts-expect-error
  if (me.ok) console.log(me.data.member.id);

  // A path parameter under another name, and a missing one.
  // @ts-expect-error
  await client.get('/api/v1/activities/{activityId}', { path: { id: 'a' } });
  // @ts-expect-error
  await client.get('/api/v1/activities/{activityId}', {});

  // A method the path does not have, and a success read without checking `ok`.
  // @ts-expect-error
  await client.delete('/api/v1/checkins', {});
  // @ts-expect-error
  console.log(activity.data.title);

  return [message, code];
}
