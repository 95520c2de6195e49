import { z } from 'zod';

export const ERROR_CODES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  // a 回避 conflict (409): details list each cadre × unit with the exact reason
  'avoidance',
  'payload_too_large',
  'unsupported_media',
  'import_invalid',
  'rate_limited',
  // 403 until a user whose password was set by an administrator, or has expired, changes it (issue 8 §2)
  'password_change_required',
  // a state-changing request without the X-Xuncha-Csrf header (403)
  'csrf',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);

export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/** Every error the API returns has this shape; `message` is Chinese and safe to show. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.array(FieldError).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
