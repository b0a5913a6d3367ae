import type { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpLink } from "@trpc/client";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { createContext, type ReactNode, useContext } from "react";
import type { PortalRouter } from "./api-types";

export type PortalTrpc = TRPCOptionsProxy<PortalRouter>;

/** In the browser: queries go to /trpc/portal over HTTP (batched). */
export function browserTrpc(queryClient: QueryClient): PortalTrpc {
  const client = createTRPCClient<PortalRouter>({ links: [httpLink({ url: "/trpc/portal" })] });
  return createTRPCOptionsProxy<PortalRouter>({ client, queryClient });
}

const TrpcContext = createContext<PortalTrpc | null>(null);

export function TrpcProvider({ trpc, children }: { trpc: PortalTrpc; children: ReactNode }) {
  return <TrpcContext.Provider value={trpc}>{children}</TrpcContext.Provider>;
}

export function useTrpc(): PortalTrpc {
  const trpc = useContext(TrpcContext);
  if (!trpc) throw new Error("useTrpc needs a <TrpcProvider>");
  return trpc;
}
