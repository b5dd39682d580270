import type { ThemeConfig } from 'antd';

/** System CJK fonts only: nothing is downloaded (Noto CJK on Linux, PingFang on macOS, YaHei on Windows). */
export const SANS = "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

// A deep blue, and secondary text darker than Ant Design's defaults, so that text meets WCAG AA
// contrast (4.5:1) on white; the defaults (#1677ff, 45 % black) fall short of it.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a56b0',
    colorLink: '#1a56b0',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Status colours dark enough for text (a status Tag writes in them), with light backgrounds
    // given outright: derived from the darker seeds they would turn grey.
    colorSuccess: '#2f7d12',
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarning: '#874d00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorError: '#c41d28',
    colorErrorBg: '#fff1f0',
    colorErrorBorder: '#ffa39e',
    fontFamily: SANS,
    borderRadius: 4,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f3f5f8', headerPadding: '0 16px', headerHeight: 56 },
    Menu: { itemSelectedColor: '#1a56b0' },
  },
};
