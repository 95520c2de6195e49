import type { UseQueryResult } from '@tanstack/react-query';
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '../app/api.ts';

type Props<T> = { query: UseQueryResult<T>; children: (data: T) => ReactNode };

/** Spinner while loading, a Chinese error page on failure (404 gets its own wording), else the content. */
export function QueryBoundary<T>({ query, children }: Props<T>) {
  if (query.isPending) {
    return (
      <div style={{ textAlign: 'center', padding: 64 }}>
        <Spin size="large" />
      </div>
    );
  }
  if (query.isError) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return notFound ? (
      <Result status="404" title="记录不存在" subTitle="该记录不存在，或您无权查看。" />
    ) : (
      <Result status="error" title="加载失败" subTitle={errorMessage(query.error)} />
    );
  }
  return children(query.data);
}
