// First login after an administrator set the password, or after it expired: until the user changes it,
// only these routes answer; every other API is 403 password_change_required (the web app then shows the
// change-password page).
import { AppError } from '../errors.ts';

const OPEN_DURING_CHANGE = new Set(['/api/auth/password', '/api/auth/logout', '/api/auth/logout-all', '/api/auth/me']);

export function guardPasswordChange(mustChangePassword: boolean, routeUrl: string | undefined): void {
  if (mustChangePassword && !OPEN_DURING_CHANGE.has(routeUrl ?? ''))
    throw new AppError(403, 'password_change_required', '请先修改密码：首次登录或密码已过期时须设置新密码');
}
