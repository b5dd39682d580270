import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { AuthProvider } from '../lib/auth';
import { ErrorBoundary } from './ErrorBoundary';
import { theme } from './theme';

dayjs.locale('zh-cn');

export function AppProvider({ children }: { children: ReactNode }) {
  return (
    // No space pushed between two characters of a button (登 录): names stay what they say.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <ErrorBoundary>
          <AuthProvider>{children}</AuthProvider>
        </ErrorBoundary>
      </AntApp>
    </ConfigProvider>
  );
}
