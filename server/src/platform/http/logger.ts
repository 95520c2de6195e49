// Structured logs (pino). Cookies, credentials and request bodies are never logged: bodies may
// carry allegations, passwords or interview notes. The request serializer keeps only the method,
// the path and the address; `redact` is the second line of defence for anything logged by hand.
import type { FastifyServerOptions } from 'fastify';

/** Field names whose value is a secret or confidential text wherever they appear in a log object. */
const SECRET_FIELDS = [
  'password',
  'oldPassword',
  'newPassword',
  'currentPassword',
  'token',
  'pendingToken',
  'secret',
  'totp',
  'totpCode',
  'recoveryCode',
  'recoveryCodes',
  'receiptCode',
  'cookie',
  'authorization',
  // clue, whistleblower and interview content
  'allegation',
  'whistleblower',
  'content',
  'notes',
];

export const REDACTED_PATHS = [
  // a whole request body, wherever it is logged (a TOTP `code` or a report text is only ever in one)
  'body',
  '*.body',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  // a database error's detail repeats the offending values ("Key (name)=(张某某) already exists")
  'err.detail',
  'err.where',
  'err.parameters',
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

export const CENSOR = '[已隐藏]';

export function loggerOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: { paths: REDACTED_PATHS, censor: CENSOR },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        // the query string can hold search words about people: keep only the path
        url: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
  };
}
