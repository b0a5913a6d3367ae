import type { Locale } from "@gongkai/schema/meta";
import { I18nProvider } from "@gongkai/ui";
import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { StrictMode } from "react";
import { adminMessages } from "./lib/messages";
import { SettingsProvider } from "./lib/settings";
import { type AdminTrpc, TrpcProvider } from "./lib/trpc";
import type { AdminRouterInstance } from "./router";

export const theme = {
  token: {
    colorPrimary: "#1f3a5f",
    colorLink: "#0b4fa8",
    colorError: "#b3261e",
    colorWarning: "#8a5a00",
    borderRadius: 6,
    fontFamily: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
  },
};

export function App({
  router,
  queryClient,
  trpc,
  locale,
  setLocale,
}: {
  router: AdminRouterInstance;
  queryClient: QueryClient;
  trpc: AdminTrpc;
  locale: Locale;
  setLocale(locale: Locale): void;
}) {
  dayjs.locale(locale === "zh" ? "zh-cn" : "en");
  return (
    <StrictMode>
      {/* autoInsertSpace false: otherwise two-character labels render as "提 交". */}
      <ConfigProvider locale={locale === "zh" ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <TrpcProvider trpc={trpc}>
              <SettingsProvider value={{ locale, setLocale }}>
                <I18nProvider locale={locale} messages={adminMessages}>
                  <RouterProvider router={router} />
                </I18nProvider>
              </SettingsProvider>
            </TrpcProvider>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>
  );
}
