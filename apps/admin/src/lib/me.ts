import { useSuspenseQuery } from "@tanstack/react-query";
import type { Me } from "./api-types";
import { useTrpc } from "./trpc";

/** The signed-in user (the app layout loaded it before anything renders). */
export function useMe(): Me {
  const trpc = useTrpc();
  return useSuspenseQuery(trpc.me.queryOptions()).data;
}
