import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTitle } from '../lib/use-title';

export interface Crumb {
  title: string;
  to?: string;
}

export interface PageContainerProps {
  /** The page's heading and window title. */
  title: string;
  /** A shorter window title when the heading is long (a document's title). */
  windowTitle?: string;
  /** The trail above the heading; the page itself comes last and is not a link. */
  breadcrumb?: Crumb[];
  /** The page's name in the trail when the heading is too long for it. */
  crumb?: string;
  extra?: ReactNode;
  children: ReactNode;
}

/** The frame of every page: breadcrumb, one h1, actions on the right, then the content. */
export function PageContainer({ title, windowTitle, breadcrumb, crumb, extra, children }: PageContainerProps) {
  useTitle(windowTitle ?? title);
  const crumbs = [...(breadcrumb ?? []), { title: crumb ?? title }];
  return (
    <div className="page">
      {crumbs.length > 1 && (
        <nav aria-label="面包屑导航">
          <Breadcrumb
            className="page-breadcrumb"
            items={crumbs.map((c, i) => ({
              key: `${i}`,
              title: c.to && i < crumbs.length - 1 ? <Link to={c.to}>{c.title}</Link> : <span aria-current={i === crumbs.length - 1 ? 'page' : undefined}>{c.title}</span>,
            }))}
          />
        </nav>
      )}
      <Flex className="page-head" justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {extra && <div className="page-extra">{extra}</div>}
      </Flex>
      {children}
    </div>
  );
}
