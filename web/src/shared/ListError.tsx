import { Alert } from 'antd';
import { errorMessage } from '../app/api.ts';

/** A failed list load says why (e.g. 无权访问) instead of looking like an empty list. */
export function ListError({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={`列表加载失败：${errorMessage(error)}`} style={{ marginBottom: 16 }} />;
}
