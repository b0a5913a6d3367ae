// The only place the console names the API package, and only its types.
import type { AdminRouter } from "@gongkai/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type { AdminRouter };
export type AdminOutputs = inferRouterOutputs<AdminRouter>;
export type AdminInputs = inferRouterInputs<AdminRouter>;
export type Draft = AdminOutputs["reports"]["get"];
export type Me = AdminOutputs["me"];
