import { Badge, Button, Popover, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Notification } from '@jxt/contracts';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from './hooks';
import { NotificationList } from './NotificationList';
import './notifications.css';

/** A bell (drawn here: the icon package is not one of the app's dependencies). */
function BellIcon() {
  return (
    <svg className="notification-bell-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

/**
 * The header's bell: the unread count (asked for every minute), the ten newest messages in a panel; a click opens
 * the form and marks the message read.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const list = useNotifications({ pageSize: 10 }, { poll: true });
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;

  const openOne = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    // navigate() resolves once the route has changed; nothing waits for it.
    if (n.link) void navigate(n.link);
  };

  const panel = (
    <div className="notification-panel">
      <NotificationList items={list.data?.items ?? []} onOpen={openOne} loading={list.isPending} />
      <Space className="notification-panel-footer">
        <Button size="small" disabled={!unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          全部标为已读
        </Button>
        <Link to="/notifications" onClick={() => setOpen(false)}>
          查看全部消息
        </Link>
      </Space>
    </div>
  );

  return (
    <Popover
      content={panel}
      title="消息提醒"
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button
        type="text"
        className="notification-bell"
        aria-label={unread ? `消息提醒，${unread} 条未读` : '消息提醒'}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellIcon />
          </Badge>
        }
      />
    </Popover>
  );
}
