// One error type for the whole server. Every message is Chinese and safe to show to the user.
import type { ErrorBody, FieldError } from '@xuncha/contracts';

export class AppError extends Error {
  readonly status: number;
  readonly code: ErrorBody['code'];
  readonly details: FieldError[] | undefined;

  constructor(status: number, code: ErrorBody['code'], message: string, details?: FieldError[]) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** PostgreSQL unique_violation, raised by both drivers with this SQLSTATE code. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** Runs an insert; a unique violation (a concurrent duplicate) becomes a 409 with this message. */
export async function insertOrConflict<T>(insert: () => Promise<T>, message: string): Promise<T> {
  try {
    return await insert();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(message);
    throw error;
  }
}

export const badRequest = (message: string, details?: FieldError[]) =>
  new AppError(400, 'validation', message, details);
export const unauthenticated = (message = '请先登录') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = '无权执行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '记录不存在') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
export const unsupportedMedia = (message: string) => new AppError(415, 'unsupported_media', message);
