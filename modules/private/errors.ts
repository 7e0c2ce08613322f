import { Construct } from "constructs";
import { Token } from "cdktf";

/**
 * Throws an error that names the construct path, so a user can find the offending construct in
 * a large app: `"<path>: <message>"`. Messages should name the bad value and the fix.
 */
export function fail(scope: Construct, message: string): never {
  throw new Error(`${scope.node.path}: ${message}`);
}

/** True when a value is a cdktf token that only resolves at synth or apply time. */
export function isUnresolved(value: unknown): boolean {
  return typeof value === "string" ? Token.isUnresolved(value) : value !== undefined && Token.isUnresolved(value);
}

/** Checks an integer is within [min, max] unless it is a token; otherwise fails with the fix. */
export function checkRange(scope: Construct, what: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined || isUnresolved(value)) return;
  if (typeof value !== "number") {
    const quoted = typeof value === "string" && (value as string).trim() !== "" && !Number.isNaN(Number(value));
    fail(
      scope,
      `${what} is ${typeof value === "string" ? `the string '${value}'` : `a ${typeof value}`}; ${quoted ? `pass ${Number(value)} without quotes` : "pass a number"}.`,
    );
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    fail(scope, `${what} is ${value}; it must be a whole number from ${min} to ${max}. Pass a value in that range.`);
  }
}

const ACCOUNT_ID = /^\d{12}$/;

/** Checks an AWS account id is 12 digits (tokens pass). */
export function checkAccountId(scope: Construct, what: string, value: string): void {
  if (isUnresolved(value)) return;
  if (!ACCOUNT_ID.test(value)) {
    fail(scope, `${what} '${value}' is not an AWS account id; it must be exactly 12 digits, e.g. '123456789012'.`);
  }
}
