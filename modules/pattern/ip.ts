/**
 * IP address literals and CIDR ranges, read the way EventBridge's engine (aws/event-ruler) reads them.
 *
 * - IPv4: four dot-separated decimal numbers 0-255 (leading zeros allowed: `010` is ten).
 * - IPv6: hex groups and colons only (no zone id, no embedded IPv4), at most one `::`; an
 *   IPv4-mapped address (`::ffff:a00:1`) is the IPv4 address it maps.
 * - Addresses compare as fixed-length hex strings, so `2001:DB8::1` equals `2001:db8:0:0:0:0:0:1`.
 * - A CIDR block covers every address sharing its first prefix-length bits (host bits in the block's
 *   address are ignored); the prefix length is at most 31 (IPv4) or 127 (IPv6).
 */
import { issue, type Issue } from "./errors";

const IPV4 = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX = "0123456789ABCDEF";

/** Parses an IPv4 or IPv6 literal into 4 or 16 bytes; `undefined` when `text` is not one. */
export function parseIp(text: string): number[] | undefined {
  if (IPV4.test(text)) return parseIpv4(text);
  if (IPV6.test(text)) return parseIpv6(text);
  return undefined;
}

function parseIpv4(text: string): number[] | undefined {
  const bytes: number[] = [];
  for (const part of text.split(".")) {
    const value = Number(part); // decimal, even with leading zeros (as Java reads literals)
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6(text: string): number[] | undefined {
  const bytes = new Array<number>(16).fill(0);
  let i = 0;
  let j = 0;
  let gapAt = -1;
  if (text[0] === ":" && text[++i] !== ":") return undefined;
  let sawDigit = false;
  let group = 0;
  while (i < text.length) {
    const ch = text[i++];
    if (ch !== ":") {
      group = (group << 4) | parseInt(ch, 16);
      if (group > 0xffff) return undefined;
      sawDigit = true;
      continue;
    }
    if (!sawDigit) {
      if (gapAt !== -1) return undefined;
      gapAt = j;
      continue;
    }
    if (i === text.length || j + 2 > 16) return undefined;
    bytes[j++] = group >> 8;
    bytes[j++] = group & 0xff;
    sawDigit = false;
    group = 0;
  }
  if (sawDigit) {
    if (j + 2 > 16) return undefined;
    bytes[j++] = group >> 8;
    bytes[j++] = group & 0xff;
  }
  if (gapAt !== -1) {
    if (j === 16) return undefined;
    const moved = j - gapAt;
    for (let k = 1; k <= moved; k++) {
      bytes[16 - k] = bytes[gapAt + moved - k];
      bytes[gapAt + moved - k] = 0;
    }
    j = 16;
  }
  if (j !== 16) return undefined;
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? bytes.slice(12) : bytes;
}

/** Fixed-length upper-case hex form of an address: 8 digits for IPv4, 32 for IPv6. */
export function ipToHex(bytes: readonly number[]): string {
  let out = "";
  for (const b of bytes) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}

/** The hex form of `text` when it is an IP literal; `undefined` otherwise. */
export function ipHex(text: string): string | undefined {
  const bytes = parseIp(text);
  return bytes === undefined ? undefined : ipToHex(bytes);
}

/** An inclusive range of addresses, as fixed-length hex strings. */
export interface IpRange {
  readonly low: string;
  readonly high: string;
}

/** Whether the address `hex` (from `ipHex`) lies in `range`; IPv4 never matches an IPv6 range. */
export function inIpRange(hex: string, range: IpRange): boolean {
  return hex.length === range.low.length && hex >= range.low && hex <= range.high;
}

/** Reads a CIDR block such as `10.0.0.0/8`; returns the range, or the issue that makes it invalid. */
export function parseCidr(cidr: string): IpRange | Issue {
  const parts = cidr.split("/");
  while (parts.length > 0 && parts[parts.length - 1] === "") parts.pop(); // as Java's String.split
  if (parts.length !== 2) {
    const single = parseIp(cidr) !== undefined;
    return issue(
      [],
      `${JSON.stringify(cidr)} is not a CIDR block (an address, one "/" and a prefix length)`,
      single
        ? `to match this one address, list it as a plain value: [${JSON.stringify(cidr)}]`
        : `write it like "10.0.0.0/24" or "2001:db8::/32"`,
    );
  }
  const [address, maskText] = parts;
  const mask = /^[+-]?[0-9]{1,10}$/.test(maskText) ? Number(maskText) : NaN;
  if (!Number.isInteger(mask) || mask > 2147483647) {
    return issue([], `prefix length ${JSON.stringify(maskText)} is not an integer`, `write it like "10.0.0.0/24"`);
  }
  const bytes = parseIp(address);
  if (bytes === undefined) {
    return issue(
      [],
      `${JSON.stringify(address)} is not an IPv4 or IPv6 address`,
      `use a literal address such as "10.0.0.0/8" or "2001:db8::/32" (no host names or zone ids)`,
    );
  }
  const maxMask = bytes.length === 4 ? 31 : 127;
  if (mask < 0 || mask > maxMask) {
    const family = bytes.length === 4 ? "IPv4" : "IPv6";
    return issue(
      [],
      `${family} prefix length must be between 0 and ${maxMask}, got ${mask}`,
      mask === maxMask + 1
        ? `to match a single address, list it as a plain value: [${JSON.stringify(address)}]`
        : `use a prefix length between 0 and ${maxMask}`,
    );
  }
  let hostBits = bytes.length * 8 - mask;
  const low = [...bytes];
  const high = [...bytes];
  for (let k = bytes.length - 1; k >= 0 && hostBits > 0; k--, hostBits -= 8) {
    const hostMask = hostBits >= 8 ? 0xff : (1 << hostBits) - 1;
    low[k] &= ~hostMask & 0xff;
    high[k] |= hostMask;
  }
  return { low: ipToHex(low), high: ipToHex(high) };
}

/** Whether a `parseCidr` result is a range (not an issue). */
export function isIpRange(value: IpRange | Issue): value is IpRange {
  return (value as IpRange).low !== undefined;
}
