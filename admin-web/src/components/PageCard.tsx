import { Card } from 'antd';
import type { ReactNode } from 'react';

/** The white card every page sits in, with the page title and its actions. */
export function PageCard({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card title={title} extra={extra} variant="borderless" styles={{ body: { paddingTop: 12 } }}>
      {children}
    </Card>
  );
}
