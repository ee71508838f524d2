import { useState } from "react";
import { api } from "../../../api";
import { useDraft } from "../../../forms/useDraft";
import type { DisclosedReferral, Household, HouseholdSummary } from "../../../types";

export interface MemberPerson {
  id: string;
  nameKanji: string | null;
  /** null: a member of the household the caller has no basis for */
  nameKana: string | null;
  dateOfBirth: string | null;
}
export interface MemberDraft {
  person: MemberPerson;
  relationship: string;
}
export const NEW = "new";

/** What the case request says of the household: a new one to create with the case, or a chosen one's id. */
export type HouseholdPart =
  | { household: { name: string | null; address: string; members: { personId: string; relationship: string }[] } }
  | { householdId: string };

/**
 * The household a case is opened for: one of the referred person's households (with members added on this page)
 * or a new one. `saved` are the households as the server last listed them.
 */
export function useHouseholdDraft(r: DisclosedReferral, saved: HouseholdSummary[] | undefined) {
  // the chosen household as it is after saving the members added on this page
  const [latestHousehold, setLatestHousehold] = useState<Household | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  // a new household's own fields: the address starts from the referred person's
  const place = useDraft({ address: r.person.address ?? "", name: "" });
  const { name, address } = place.values;
  const [selfRelationship, setSelfRelationship] = useState("本人");
  const [added, setAdded] = useState<MemberDraft[]>([]);

  const known: HouseholdSummary[] = [
    ...(saved ?? []).filter((h) => h.id !== latestHousehold?.id),
    ...(latestHousehold ? [latestHousehold] : []),
  ];
  const current = choice ?? known[0]?.id ?? NEW;
  const chosen = current === NEW ? null : (known.find((h) => h.id === current) ?? null);
  const referred: MemberPerson = r.person;
  const members: MemberDraft[] = chosen
    ? [...chosen.members.map((m) => ({ person: { ...m, id: m.personId }, relationship: m.relationship })), ...added]
    : [{ person: referred, relationship: selfRelationship }, ...added];
  const savedCount = chosen ? chosen.members.length : 0;
  const memberIds = new Set(members.map((m) => m.person.id));

  /**
   * The household part of the request: a new household goes with the case (one transaction on the server: no
   * household is left behind when the case is refused); a chosen one gets its added members saved first.
   * `memberFailed` is told when a member could not be added (it is then the first one still to add).
   */
  const save = async (memberFailed: () => void): Promise<HouseholdPart> => {
    if (!chosen)
      return {
        household: {
          name: name || null,
          address,
          members: members.map((m) => ({ personId: m.person.id, relationship: m.relationship })),
        },
      };
    let version = chosen.version;
    let latest: Household | null = null;
    for (const [i, m] of added.entries()) {
      try {
        const res = await api<{ household: Household }>(`/api/households/${encodeURIComponent(chosen.id)}/members`, {
          method: "POST",
          body: { personId: m.person.id, relationship: m.relationship },
          version,
        });
        latest = res.household;
        version = res.household.version;
      } catch (err) {
        // the members saved so far stay saved: show the household as it is now, the rest still to add
        if (latest) {
          const savedNow = latest;
          setLatestHousehold(savedNow);
          setAdded((list) => list.slice(i));
        }
        memberFailed();
        throw err;
      }
    }
    if (latest) {
      setLatestHousehold(latest);
      setAdded([]);
    }
    return { householdId: chosen.id };
  };

  return {
    known,
    current,
    chosen,
    members,
    savedCount,
    memberIds,
    place,
    address,
    selfRelationship,
    setSelfRelationship,
    added,
    setAdded,
    choose: (id: string) => {
      setChoice(id);
      setAdded([]);
    },
    save,
  };
}
export type HouseholdDraft = ReturnType<typeof useHouseholdDraft>;
