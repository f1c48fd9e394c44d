/** UI text of the notifications bell. The English object must have the same keys. */
export const notificationsVi = {
  title: 'Thông báo',
  bell: 'Thông báo',
  bellUnread: 'Thông báo: {{count}} chưa đọc',
  markAllRead: 'Đánh dấu đã đọc tất cả',
  markRead: 'Đánh dấu đã đọc',
  markReadOf: 'Đánh dấu đã đọc: {{title}}',
  empty: 'Không có thông báo',
};

export const notificationsEn: Record<keyof typeof notificationsVi, string> = {
  title: 'Notifications',
  bell: 'Notifications',
  bellUnread: 'Notifications: {{count}} unread',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  markReadOf: 'Mark as read: {{title}}',
  empty: 'No notifications',
};
