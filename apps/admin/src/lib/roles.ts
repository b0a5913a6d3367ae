import type { Me } from "./api-types";

export type Membership = Me["memberships"][number];

export const editorAgencies = (me: Me) => me.memberships.filter((m) => m.role === "editor" && m.agencyId);
export const approverAgencies = (me: Me) => me.memberships.filter((m) => m.role === "approver" && m.agencyId);
export const isEditorOf = (me: Me, agencyId: string) =>
  me.memberships.some((m) => m.role === "editor" && m.agencyId === agencyId);
export const isApproverOf = (me: Me, agencyId: string) =>
  me.memberships.some((m) => m.role === "approver" && m.agencyId === agencyId);
export const isOversight = (me: Me) => me.memberships.some((m) => m.role === "oversight");
export const isAdmin = (me: Me) => me.memberships.some((m) => m.role === "admin");
export const agencyMember = (me: Me) =>
  me.memberships.some((m) => (m.role === "editor" || m.role === "approver") && m.agencyId);
/** Region codes the viewer oversees (their 2-, 4- or 6-digit prefixes are what filters take). */
export const oversightRegions = (me: Me) =>
  me.memberships
    .filter((m) => m.role === "oversight" && m.regionCode)
    .map((m) => ({ code: m.regionCode as string, name: m.regionName }));
export const regionPrefixOf = (code: string) =>
  code.endsWith("0000") ? code.slice(0, 2) : code.endsWith("00") ? code.slice(0, 4) : code;
