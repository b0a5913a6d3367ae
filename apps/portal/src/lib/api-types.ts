// The only place the portal names the API package, and only its types.
import type { PortalRouter } from "@gongkai/api";
import type { inferRouterOutputs } from "@trpc/server";

export type { PortalRouter };
export type PortalOutputs = inferRouterOutputs<PortalRouter>;
