import type { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createContext, type ReactNode, useContext } from "react";
import type { AdminRouter } from "./api-types";

export type AdminTrpc = TRPCOptionsProxy<AdminRouter>;

/** The admin API at /trpc/admin, with the session cookie (same origin). */
export function createAdminTrpc(queryClient: QueryClient): AdminTrpc {
  const client = createTRPCClient<AdminRouter>({
    links: [
      httpBatchLink({
        url: "/trpc/admin",
        maxURLLength: 4000,
        fetch: (url, init) => fetch(url, { ...init, credentials: "same-origin" }),
      }),
    ],
  });
  return createTRPCOptionsProxy<AdminRouter>({ client, queryClient });
}

const TrpcContext = createContext<AdminTrpc | null>(null);
export function TrpcProvider({ trpc, children }: { trpc: AdminTrpc; children: ReactNode }) {
  return <TrpcContext.Provider value={trpc}>{children}</TrpcContext.Provider>;
}
export function useTrpc(): AdminTrpc {
  const trpc = useContext(TrpcContext);
  if (!trpc) throw new Error("useTrpc needs a <TrpcProvider>");
  return trpc;
}
