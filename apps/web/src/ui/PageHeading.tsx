import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** The head of a list or settings page: its title, then what it is about (the 年度 selector, the current version …). */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-heading">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </div>
  );
}
