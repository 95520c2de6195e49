import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; extra?: ReactNode; children: ReactNode };

/** Title row with the page's actions on the right, the content in a card below. */
export function PageContainer({ title, extra, children }: Props) {
  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      <Card variant="borderless">{children}</Card>
    </div>
  );
}
