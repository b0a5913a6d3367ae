import { type Membership, type Role, regionPrefix } from "@gongkai/schema";
import type { Viewer } from "./context";
import { forbidden, notFound } from "./errors";

export interface ReportScope {
  agencyId: string;
  regionCode: string;
  state: string;
  latestVersion: number;
}

const has = (v: Viewer, role: Role, agencyId: string) =>
  v.memberships.some((m) => m.role === role && m.agencyId === agencyId);

export const isAdmin = (v: Viewer) => v.memberships.some((m) => m.role === "admin");
export const isEditor = (v: Viewer, agencyId: string) => has(v, "editor", agencyId);
export const isApprover = (v: Viewer, agencyId: string) => has(v, "approver", agencyId);
export const isAgencyMember = (v: Viewer, agencyId: string) => isEditor(v, agencyId) || isApprover(v, agencyId);

/** Region codes the viewer oversees. */
export const oversightRegions = (v: Viewer): string[] =>
  v.memberships.filter((m: Membership) => m.role === "oversight" && m.regionCode).map((m) => m.regionCode as string);

export function coversRegion(oversightCode: string, regionCode: string): boolean {
  return regionCode.startsWith(regionPrefix(oversightCode));
}
export const oversees = (v: Viewer, regionCode: string) => oversightRegions(v).some((r) => coversRegion(r, regionCode));

/**
 * Who may see a report in the console: its own agency's editors and approvers always; oversight
 * of its region once it has been submitted (never a draft nobody submitted); platform admins.
 */
export function canRead(v: Viewer, r: ReportScope): boolean {
  if (isAgencyMember(v, r.agencyId) || isAdmin(v)) return true;
  if (oversees(v, r.regionCode)) return r.state !== "draft" || r.latestVersion > 0;
  return false;
}

/** A report the viewer may not read looks absent, not forbidden. */
export function assertCanRead(v: Viewer, r: ReportScope): void {
  if (!canRead(v, r)) throw notFound("Report", "报告");
}

export function assertRole(ok: boolean, en: string, zh: string): void {
  if (!ok) throw forbidden(en, zh);
}

export function assertAdmin(v: Viewer): void {
  assertRole(isAdmin(v), "Only platform administrators may do this", "只有平台管理员可以执行此操作");
}
