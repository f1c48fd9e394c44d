import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Grid, Popover, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TNotification } from '../../../contracts/cycles';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { NotificationItem } from './NotificationItem';

/** The bell in the header: unread count, the latest notices, mark read one by one or all at once. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  // A popover next to the bell does not fit a phone: there the list slides in from the side.
  const isPhone = Grid.useBreakpoint().md === false;
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const follow = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (!n.link) return;
    setOpen(false);
    navigate(n.link);
  };

  const content = (
    <div style={{ width: isPhone ? undefined : 360 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        {isPhone ? <span /> : <strong>{t('notifications.title')}</strong>}
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {list.isLoading ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul
          className="link-list"
          style={isPhone ? undefined : { maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}
        >
          {items.map((n) => (
            <NotificationItem key={n.id} item={n} onFollow={follow} onRead={(x) => markRead.mutate(x.id)} />
          ))}
        </ul>
      )}
    </div>
  );

  const bell = (
    <Button
      type="text"
      aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
      aria-haspopup="dialog"
      aria-expanded={open}
      data-testid="notifications-bell"
      style={{ color: '#ffffff' }}
      onClick={isPhone ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99} offset={[4, -2]}>
          <BellOutlined style={{ color: '#ffffff', fontSize: 18 }} aria-hidden />
        </Badge>
      }
    />
  );

  return isPhone ? (
    <>
      {bell}
      <Drawer open={open} onClose={() => setOpen(false)} title={t('notifications.title')} size={340}>
        {content}
      </Drawer>
    </>
  ) : (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      {bell}
    </Popover>
  );
}
