import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { setUnauthorizedHandler } from './api.ts';
import { ME_KEY } from './auth.ts';
import { queryClient } from './queryClient.ts';
import { AppRoutes } from './routes.tsx';

dayjs.locale('zh-cn');

const theme = { token: { colorPrimary: '#1656c4', borderRadius: 4 } };

/** A 401 from any call means the session ended: forget the user and the guard sends them to /login. */
function SessionExpiryWatcher() {
  useEffect(() => {
    setUnauthorizedHandler(() => queryClient.setQueryData(ME_KEY, null));
  }, []);
  return null;
}

export function App() {
  return (
    // autoInsertSpace off: antd would render two-character buttons as "确 定", which reads oddly
    // and breaks finding buttons by their text.
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionExpiryWatcher />
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
