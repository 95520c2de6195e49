// The second login step for tests, as an authenticator app would do it: the 三员 must use TOTP, so the
// harness enrols them on their first login (keeping the secret and the recovery codes) and answers later
// logins with a fresh code. The server accepts each time step once and the test clock stands still, so
// after the steps around "now" are spent it uses a recovery code.
import type { LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import type { Clock } from '../platform/clock.ts';
import type { App } from '../platform/http/app.ts';

interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  lastStep: number;
}

export interface SecondFactorBody {
  needSecondFactor: true;
  pendingToken: string;
  enrolmentRequired: boolean;
}

export const needsSecondFactor = (res: LightMyRequestResponse): boolean =>
  res.statusCode === 200 && (res.json() as Partial<SecondFactorBody>).needSecondFactor === true;

export async function totpCode(secret: string, at: Date, stepOffset = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) + stepOffset * 30 });
}

export function secondFactorClient(app: App, clock: Clock) {
  const enrolled = new Map<string, Enrolled>();
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

  return async function complete(username: string, first: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    const { pendingToken, enrolmentRequired } = first.json() as SecondFactorBody;
    const now = clock.now();
    const step = Math.floor(now.getTime() / 30_000);
    if (enrolmentRequired) {
      const setup = (await post('/api/auth/login/enrolment', { pendingToken })).json() as { secret: string };
      const res = await post('/api/auth/login/enrolment/confirm', {
        pendingToken,
        code: await totpCode(setup.secret, now),
      });
      if (res.statusCode === 200)
        enrolled.set(username, { secret: setup.secret, recoveryCodes: res.json().recoveryCodes, lastStep: step });
      return res;
    }
    const known = enrolled.get(username);
    if (!known) throw new Error(`${username} has a second factor the test harness does not know`);
    const offset = [-1, 0, 1].find((o) => step + o > known.lastStep);
    let code: string;
    if (offset === undefined) {
      const recovery = known.recoveryCodes.shift();
      if (!recovery) throw new Error(`${username}: the harness ran out of recovery codes`);
      code = recovery;
    } else {
      known.lastStep = step + offset;
      code = await totpCode(known.secret, now, offset);
    }
    return post('/api/auth/login/second-factor', { pendingToken, code });
  };
}
