import type { ThemeConfig } from 'antd';

/** Colours chosen for WCAG AA contrast (AntD's default blue and grey texts fall short on white). */
export const HEADER_BG = '#0b3d91';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456b8',
    colorInfo: '#1456b8',
    colorLink: '#1456b8',
    colorSuccess: '#2b7a0b',
    colorWarning: '#ad6800',
    colorError: '#c41d1d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: HEADER_BG,
      headerPadding: '0 16px',
      headerHeight: 56,
      siderBg: '#ffffff',
      bodyBg: '#f3f5f8',
    },
    Menu: { groupTitleColor: 'rgba(0, 0, 0, 0.66)' },
  },
};
