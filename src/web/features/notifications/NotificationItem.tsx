import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TNotification } from '../../../contracts/cycles';
import { formatDateTime } from '../../ui/dates';

/** One notice: its title (a link when it leads somewhere), text, time, and "đánh dấu đã đọc". */
export function NotificationItem({
  item: n,
  onFollow,
  onRead,
}: {
  item: TNotification;
  onFollow: (n: TNotification) => void;
  onRead: (n: TNotification) => void;
}) {
  const { t } = useTranslation();
  return (
    <li
      data-testid={`notification-${n.id}`}
      style={{ paddingInline: 8, background: n.readAt ? undefined : '#e6f4ff', borderRadius: 4 }}
    >
      <div style={{ fontWeight: n.readAt ? 400 : 600 }}>
        {n.link ? (
          <Button
            type="link"
            style={{
              padding: 0,
              height: 'auto',
              whiteSpace: 'normal',
              textAlign: 'start',
              fontWeight: 'inherit',
            }}
            onClick={() => onFollow(n)}
          >
            {n.title}
          </Button>
        ) : (
          n.title
        )}
      </div>
      <div style={{ color: 'rgba(0,0,0,0.8)' }}>{n.body}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(n.createdAt).slice(0, 16)}
      </Typography.Text>
      {!n.readAt && (
        <Button
          size="small"
          type="link"
          onClick={() => onRead(n)}
          aria-label={t('notifications.markReadOf', { title: n.title })}
          style={{ float: 'inline-end' }}
        >
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}
