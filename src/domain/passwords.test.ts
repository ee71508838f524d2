import { describe, expect, it } from "vitest";
import { PASSWORD_MESSAGES, passwordProblem, passwordShapeProblem } from "./passwords.js";

const LIST = new Set(["password", "qwerty123456", "iloveyou"]);
const check = (password: string, loginId = "tanaka") =>
  passwordProblem(password, { loginId, isCommon: (form) => LIST.has(form) });

describe("password rule", () => {
  it.each([
    "aaaaaaaaaaaa",
    "ａａａａａａａａａａａａ",
    "123412341234",
    "abcabcabcabc",
    "121212121212",
    "aaaaaaaaaaab",
    "123456789012",
    "890123456789",
    "abcdefghijkl",
    "zyxwvutsrqpo",
    "ABCDEFGHIJKL",
  ])("refuses %j as repetitive", (password) => {
    expect(passwordShapeProblem(password)).toBe(PASSWORD_MESSAGES.repetitive);
  });

  it("refuses fewer than 12 characters, counting characters rather than UTF-16 units", () => {
    expect(passwordShapeProblem("kd8#mq2!zp")).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordShapeProblem("𠮷野家🍣𠮷野")).toBe(PASSWORD_MESSAGES.tooShort);
    expect(passwordShapeProblem("x".repeat(201))).not.toBeNull();
  });

  it("refuses the login id and any password containing it, in any case or width", () => {
    expect(check("tanaka-0123456", "tanaka")).toBe(PASSWORD_MESSAGES.containsLoginId);
    expect(check("ＴＡＮＡＫＡ-spring-mist", "tanaka")).toBe(PASSWORD_MESSAGES.containsLoginId);
    expect(check("staff.member1", "staff.member1")).toBe(PASSWORD_MESSAGES.containsLoginId);
    // a one- or two-letter id would forbid half the alphabet: only the id itself is refused then
    expect(check("bright-ocean-77", "b")).toBeNull();
  });

  it("refuses common passwords, also with digits and signs added at the end", () => {
    expect(check("QWERTY123456")).toBe(PASSWORD_MESSAGES.common);
    expect(check("password2024!")).toBe(PASSWORD_MESSAGES.common);
    expect(check("iloveyou123456")).toBe(PASSWORD_MESSAGES.common);
  });

  it("accepts a long, unremarkable password such as the demo's", () => {
    for (const loginId of ["keikaku", "coord", "admin", "iin"]) expect(check("tsunagu-demo-2024", loginId)).toBeNull();
    expect(check("kaigo-initial-pass-01")).toBeNull();
    expect(check("長い日本語のパスワードです")).toBeNull();
  });
});
