import { Button, Card, Pagination, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '@jxt/contracts';
import { PageHeading } from '../../ui/PageHeading';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './hooks';
import { NotificationList } from './NotificationList';
import './notifications.css';

const PAGE_SIZE = 20;

/** 消息 (`/notifications`): every message of the user, newest first, paged; all or only the unread ones. */
export function NotificationsPage() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ page, pageSize: PAGE_SIZE, unread: unreadOnly || undefined });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    // navigate() resolves once the route has changed; nothing waits for it.
    if (n.link) void navigate(n.link);
  };

  return (
    <>
      <PageHeading title="消息提醒" />
      <Card>
        <Space className="notification-page-bar">
          <Segmented
            options={[
              { label: '全部', value: 'all' },
              { label: `未读（${list.data?.unread ?? 0}）`, value: 'unread' },
            ]}
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(value) => {
              setUnreadOnly(value === 'unread');
              setPage(1);
            }}
          />
          <Button disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            全部标为已读
          </Button>
        </Space>
        <NotificationList items={list.data?.items ?? []} onOpen={openOne} loading={list.isPending} />
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          onChange={setPage}
          showSizeChanger={false}
          hideOnSinglePage
          showTotal={(total) => `共 ${total} 条`}
        />
      </Card>
    </>
  );
}
