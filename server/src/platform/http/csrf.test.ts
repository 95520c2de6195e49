// CSRF: a state-changing API call without `X-Xuncha-Csrf: 1` is refused before anything is written;
// reads and the public endpoints (sign-in) do not need it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo.ts';
import { countRows, createHarness, type Harness } from '../../test/harness.ts';
import { multipart } from '../../test/multipart.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const CSRF_REFUSAL = { code: 'csrf', message: expect.stringMatching(/安全校验.*已拒绝/) };
const newRound = (seq: number) => ({
  committeeId: h.demo.committeeId,
  name: `第${seq}轮巡察`,
  year: 2026,
  seq,
  startDate: '2026-09-01',
  endDate: '2026-10-31',
});

describe('CSRF header', () => {
  it('is required on POST, PUT, PATCH and DELETE to the API: 403 csrf, nothing written', async () => {
    const office = (await h.as('office')).withoutCsrf();
    const before = { round: await countRows(h, 'round'), audit: await countRows(h, 'audit_entry') };
    const refused = await office.post('/api/rounds', newRound(7));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual(CSRF_REFUSAL);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await office.request({ method, url: `/api/rounds/${h.demo.roundId}`, payload: { name: '改名' } });
      expect(res.statusCode, method).toBe(403);
      expect(res.json().code).toBe('csrf');
    }
    // a wrong value is no better than none
    const wrong = await office.request({
      method: 'POST',
      url: '/api/rounds',
      payload: newRound(7),
      headers: { 'x-xuncha-csrf': 'yes' },
    });
    expect(wrong.statusCode).toBe(403);
    expect({ round: await countRows(h, 'round'), audit: await countRows(h, 'audit_entry') }).toEqual(before);
  });

  it('is required on uploads too: no file is received', async () => {
    const zerenren = (await h.as('zerenren')).withoutCsrf();
    const before = await countRows(h, 'evidence');
    const res = await zerenren.request({
      method: 'POST',
      url: `/api/tasks/${h.demo.tasks.overdue}/evidence`,
      ...multipart({ kind: 'document', description: '材料' }, { filename: 'a.pdf', content: Buffer.from('%PDF-1.4') }),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
    expect(await countRows(h, 'evidence')).toBe(before);
  });

  it('lets the same request through when present', async () => {
    const before = await countRows(h, 'round');
    const res = await (await h.as('office')).post('/api/rounds', newRound(8));
    expect(res.statusCode, res.body).toBe(200);
    expect(await countRows(h, 'round')).toBe(before + 1);
  });

  it('is not needed for reads, nor for sign-in (a public endpoint acting on no session)', async () => {
    const office = (await h.as('office')).withoutCsrf();
    expect((await office.get('/api/rounds')).statusCode).toBe(200);
    expect((await office.get('/api/tasks/export')).statusCode).toBe(200);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'leader', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
  });

  it('is checked before the session: a forged call learns nothing and does not refresh the session', async () => {
    const res = await h.anonymous.withoutCsrf().post('/api/rounds', newRound(9));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf');
  });
});

describe('session cookie', () => {
  it('is HttpOnly and SameSite=Strict; Secure only when SECURE_COOKIES is set', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'office', password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'xuncha_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });
});
