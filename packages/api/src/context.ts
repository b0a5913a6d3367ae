import type { DbHandle } from "@gongkai/db";
import type { DeadlineConfig, Membership } from "@gongkai/schema";
import type { AuthPort } from "./auth";

/** Everything a service needs from outside, injected (tests pass their own). */
export interface Deps {
  db: DbHandle;
  auth: AuthPort;
  now: () => Date;
  /** National deadline defaults; regions may override them in the deadline_rules table. */
  deadlines?: DeadlineConfig;
}

export interface Viewer {
  id: string;
  name: string;
  email: string;
  memberships: Membership[];
}

export interface Context {
  deps: Deps;
  viewer: Viewer | null;
  requestId: string | null;
}

export function createContext(deps: Deps, options: { viewer: Viewer | null; requestId?: string | null }): Context {
  return { deps, viewer: options.viewer, requestId: options.requestId ?? null };
}
