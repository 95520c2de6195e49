// Every failure leaves as { code, message (中文), details? }; never a stack trace or SQL.
import type { FieldError } from '@xuncha/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

const CONTEXT_LABEL: Record<string, string> = {
  body: '请求内容',
  querystring: '查询条件',
  params: '路径参数',
  headers: '请求头',
};

function validationError(
  error: FastifyError & { validation: { instancePath: string; message?: string }[] },
  context?: string,
) {
  const details: FieldError[] = error.validation.map((v) => ({
    path: v.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    message: v.message ?? '格式不正确',
  }));
  const where = CONTEXT_LABEL[context ?? ''] ?? '请求';
  return new AppError(400, 'validation', `${where}填写有误：${details.map((d) => d.message).join('；')}`, details);
}

function fromFastifyError(error: FastifyError): AppError {
  if (
    error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
    error.code === 'FST_REQ_FILE_TOO_LARGE' ||
    error.statusCode === 413
  ) {
    return new AppError(413, 'payload_too_large', '上传内容超过大小限制');
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
    return new AppError(415, 'unsupported_media', '不支持的请求内容类型');
  }
  if (
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError(400, 'validation', '请求内容不是有效的 JSON');
  }
  if (error.statusCode === 429) return new AppError(429, 'rate_limited', '请求过于频繁，请稍后再试');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError(400, 'validation', '请求格式不正确');
  }
  return new AppError(500, 'internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员');
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) appError = validationError(error, error.validationContext);
  else appError = fromFastifyError(error);
  if (appError.status >= 500) req.log.error({ err: error }, 'unhandled error');
  return reply.status(appError.status).send(appError.toBody());
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a malformed
 * percent-encoding or an over-long path parameter. Fastify's own answer is English and echoes the
 * path; ours is the usual Chinese body. Hooks do not run here, so the security headers are set here.
 */
export function frameworkErrorHandler(securityHeaders: Record<string, string>) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const appError =
      error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new AppError(414, 'payload_too_large', '请求地址中的参数过长')
        : error.code === 'FST_ERR_BAD_URL'
          ? new AppError(400, 'validation', '请求地址格式不正确')
          : new AppError(500, 'internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员');
    if (appError.status >= 500) req.log.error({ err: error }, 'router error');
    return reply
      .status(appError.status)
      .headers(securityHeaders)
      .header('Cache-Control', 'no-store')
      .send(appError.toBody());
  };
}
