import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG AA contrast: AntD's default blue and grey texts fall short on white, and
 * so do the texts of its green, orange, gold, cyan, lime and volcano tags on their light
 * backgrounds (shade 7 on shade 1), so those shades are one step darker here.
 */
export const HEADER_BG = '#0b3d91';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456b8',
    colorInfo: '#1456b8',
    colorLink: '#1456b8',
    colorSuccess: '#2b7a0b',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#965a00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#c41d1d',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    green7: '#237804',
    orange7: '#ad4e00',
    gold7: '#874d00',
    cyan7: '#006d75',
    lime7: '#3f6600',
    volcano7: '#ad2102',
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
