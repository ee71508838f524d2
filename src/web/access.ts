import { type Principal, principalOf } from "../domain/access/principals";
import { mayCall, type RouteKey } from "../domain/access/route-table";
import { landingOf, mayOpen, menuOf } from "../domain/access/screens";
import type { Session } from "./types";

/** The session's principal as the access table knows it (null: an account that may act as nothing). */
export function principalOfSession(session: Session | null | undefined): Principal | null {
  return session ? principalOf(session.user) : null;
}

/** May the signed-in user call this API route? Screens show an action only to those the server would let do it. */
export function can(session: Session | null | undefined, route: RouteKey): boolean {
  return !!session && mayCall(principalOfSession(session), true, route);
}

export const menuOfSession = (session: Session) => menuOf(principalOfSession(session));
export const landingOfSession = (session: Session) => landingOf(principalOfSession(session));
export const mayOpenPath = (session: Session, pathname: string) => mayOpen(principalOfSession(session), pathname);
