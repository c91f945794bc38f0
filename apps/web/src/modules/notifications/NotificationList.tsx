import { Badge, List, Tag, Typography } from 'antd';
import type { Notification } from '@jxt/contracts';
import { NOTIFICATION_KIND_LABELS } from '@jxt/contracts';
import { formatTime } from '../../ui/format';

/** Messages as the bell and the 消息 page show them: unread ones marked, each opening its form. */
export function NotificationList({
  items,
  onOpen,
  loading,
}: {
  items: Notification[];
  onOpen: (n: Notification) => void;
  loading?: boolean;
}) {
  return (
    <List
      className="notification-list"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: '暂无消息' }}
      renderItem={(n) => (
        <List.Item
          key={n.id}
          className={n.readAt ? 'notification-item' : 'notification-item notification-unread'}
          onClick={() => onOpen(n)}
          role="link"
          aria-label={n.message}
        >
          <List.Item.Meta
            title={
              <span>
                {!n.readAt && <Badge status="processing" aria-label="未读" />}
                <Tag color={n.kind === 'deadline_reminder' ? 'orange' : 'blue'}>{NOTIFICATION_KIND_LABELS[n.kind]}</Tag>
                <Typography.Text strong={!n.readAt}>{n.message}</Typography.Text>
              </span>
            }
            description={`${formatTime(n.createdAt)}${n.actorName ? ` · ${n.actorName}` : ''}`}
          />
        </List.Item>
      )}
    />
  );
}
