import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { RouterProvider } from 'react-router';
import { cspNonce } from './csp';
import { queryClient } from './query-client';
import { router } from './router';

// antd writes its styles into <style> tags at run time: under the CSP they need the page's nonce (ADR 0015).
const CSP = { nonce: cspNonce() };

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f4e8c', borderRadius: 4 } }} csp={CSP}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
