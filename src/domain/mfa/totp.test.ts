import { describe, expect, it } from "vitest";
import { pendingSteps } from "./second-factor.js";
import {
  acceptedStep,
  codeAtStep,
  newTotpSecret,
  normaliseCode,
  otpauthUri,
  stepAt,
  TOTP_PERIOD_SECONDS,
} from "./totp.js";

const secret = "ORZXK3TBM52S2ZDFNVXS2Y3PN5ZGIAAA";
const now = Date.UTC(2026, 11, 7, 3, 0, 10);
const step = stepAt(now);
const fullWidth = (digits: string) => digits.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe("TOTP codes", () => {
  it("matches RFC 6238's SHA-1 test vector (time 59, 8 digits → last 6 of 94287082)", () => {
    // the RFC's secret is the ASCII of 12345678901234567890
    expect(codeAtStep("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", stepAt(59_000))).toBe("287082");
  });

  it("accepts the current step and one step of drift either side, nothing further", () => {
    expect(acceptedStep(secret, codeAtStep(secret, step), now, null)).toBe(step);
    expect(acceptedStep(secret, codeAtStep(secret, step - 1), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, codeAtStep(secret, step + 1), now, null)).toBe(step + 1);
    expect(acceptedStep(secret, codeAtStep(secret, step - 2), now, null)).toBeNull();
    expect(acceptedStep(secret, codeAtStep(secret, step + 2), now, null)).toBeNull();
  });

  it("never accepts a step twice, nor one before the last accepted (RFC 6238 §5.2)", () => {
    const code = codeAtStep(secret, step);
    expect(acceptedStep(secret, code, now, step)).toBeNull();
    expect(acceptedStep(secret, codeAtStep(secret, step - 1), now, step)).toBeNull();
    expect(acceptedStep(secret, codeAtStep(secret, step + 1), now, step)).toBe(step + 1);
  });

  it("reads full-width digits, spaces and hyphens as typed on a Japanese keyboard", () => {
    const code = codeAtStep(secret, step);
    expect(acceptedStep(secret, fullWidth(code), now, null)).toBe(step);
    expect(acceptedStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    expect(normaliseCode("１２３－４５６")).toBe("123456");
    expect(acceptedStep(secret, "12345a", now, null)).toBeNull();
    expect(acceptedStep(secret, "", now, null)).toBeNull();
  });

  it("makes 160-bit base32 secrets and an otpauth URI naming the municipality and the login id", () => {
    expect(newTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(newTotpSecret());
    const uri = otpauthUri(secret, "つなぐ市（デモ）", "coord");
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    expect(decodeURIComponent(uri)).toContain("tsunagu（つなぐ市（デモ））:coord");
    expect(uri).toContain(`period=${TOTP_PERIOD_SECONDS}`);
  });
});

describe("who must use a second factor", () => {
  const state = { planSidePolicy: "optional" as const, enrolled: false, sessionVerified: false };
  it("requires it of administrators and the support side, of the plan side when the municipality says so", () => {
    for (const role of ["system_admin", "support_admin", "support_staff", "provider"] as const)
      expect(pendingSteps({ ...state, role })).toEqual(["mfa_enroll"]);
    for (const role of ["plan_office", "department_editor", "viewer"] as const) {
      expect(pendingSteps({ ...state, role })).toEqual([]);
      expect(pendingSteps({ ...state, role, planSidePolicy: "required" })).toEqual(["mfa_enroll"]);
    }
  });
  it("asks an enrolled account for the code once per session", () => {
    expect(pendingSteps({ ...state, role: "viewer", enrolled: true })).toEqual(["mfa_verify"]);
    expect(pendingSteps({ ...state, role: "viewer", enrolled: true, sessionVerified: true })).toEqual([]);
  });
});
