import { useState } from "react";
import { MANAGEABLE_ROLES, ROLE_LABELS, SIDE_OF_ROLE } from "../../../domain/access/principals";
import { CheckboxGroup, SelectField } from "../../components/FormField";
import type { AgencyOption, Department, Role } from "../../types";

/** Roles that work for an agency, and the kind of agency each belongs to. */
export const AGENCY_KIND: Partial<Record<Role, AgencyOption["kind"]>> = {
  support_staff: "public",
  provider: "provider",
};

/** The roles the caller may grant: those of its own side, never above its own (the server checks the same). */
const roleOptions = (callerRole: Role | undefined) =>
  (callerRole ? (MANAGEABLE_ROLES[callerRole] ?? []) : []).map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** What an account of this role and these departments/agency should send: no agency for the other roles. */
export function membership(role: Role, departmentIds: string[], agencyId: string) {
  return {
    departmentIds: SIDE_OF_ROLE[role] === "support" ? [] : departmentIds,
    agencyId: AGENCY_KIND[role] ? agencyId || null : null,
  };
}

/** 役割: a choice among the roles the caller may grant. */
export function RoleField({
  callerRole,
  value,
  onChange,
  error,
}: {
  callerRole: Role | undefined;
  value: Role;
  onChange: (role: Role) => void;
  error: string | undefined;
}) {
  return (
    <SelectField
      label="役割"
      required
      value={value}
      onChange={(v) => onChange(v as Role)}
      error={error}
      options={roleOptions(callerRole)}
    />
  );
}

/** The membership being edited: 所属課 and 所属機関 as chosen on the form. */
export function useMembership(initial: { departmentIds: string[]; agencyId: string }) {
  const [departmentIds, setDepartmentIds] = useState(initial.departmentIds);
  const [agencyId, setAgencyId] = useState(initial.agencyId);
  return {
    departmentIds,
    setDepartmentIds,
    agencyId,
    setAgencyId,
    /** what to send for an account of this role */
    bodyFor: (role: Role) => membership(role, departmentIds, agencyId),
    clear: () => {
      setDepartmentIds([]);
      setAgencyId("");
    },
  };
}
export type Membership = ReturnType<typeof useMembership>;

/** 所属課 and 所属機関 fields; the agency appears only for the roles that work for one. */
export function MembershipFields({
  role,
  departments,
  agencies,
  chosen: { departmentIds, setDepartmentIds: onDepartments, agencyId, setAgencyId: onAgency },
  fields,
}: {
  role: Role;
  departments: Department[];
  agencies: AgencyOption[];
  chosen: Membership;
  fields: Record<string, string>;
}) {
  const kind = AGENCY_KIND[role];
  const choices = departments.filter((d) => d.active || departmentIds.includes(d.id));
  return (
    <>
      {/* departments are the plan side's membership; the support side's is its agency */}
      {SIDE_OF_ROLE[role] !== "support" ? (
        <CheckboxGroup
          legend="所属課"
          hint={
            role === "department_editor" ? "担当課の利用者は、所属課が担当する評価表・指標だけを扱えます。" : undefined
          }
          options={choices.map((d) => ({ value: d.id, label: d.name }))}
          values={departmentIds}
          onChange={onDepartments}
          error={fields.departmentIds}
        />
      ) : null}
      {kind ? (
        <SelectField
          label="所属機関"
          required
          value={agencyId}
          onChange={onAgency}
          error={fields.agencyId}
          choose
          options={agencies.filter((a) => a.kind === kind).map((a) => ({ value: a.id, label: a.name }))}
        />
      ) : null}
    </>
  );
}
