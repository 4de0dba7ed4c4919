/** One error shape for every failure the API reports; messages are Chinese and name the field. */
export interface ErrorDetail {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly field?: string,
    public readonly details?: ErrorDetail[],
    public readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, field?: string, details?: ErrorDetail[]) =>
  new AppError(
    400,
    'validation_failed',
    message,
    field,
    details ?? (field ? [{ field, message }] : undefined),
  );
export const unauthenticated = (message = '请先登录', code = 'unauthenticated') =>
  new AppError(401, code, message);
export const forbidden = (
  message = '没有权限执行此操作',
  code = 'forbidden',
  extra?: Record<string, unknown>,
) => new AppError(403, code, message, undefined, undefined, extra);
export const notFound = (what: string) => new AppError(404, 'not_found', `${what}不存在`);
export const conflict = (message: string, field?: string) =>
  new AppError(409, 'conflict', message, field, field ? [{ field, message }] : undefined);
export const locked = (message: string) => new AppError(423, 'account_locked', message);
