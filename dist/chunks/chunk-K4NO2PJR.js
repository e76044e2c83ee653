import { createRequire as __basepinCreateRequire } from 'node:module'; const require = __basepinCreateRequire(import.meta.url);

// src/registry/addresses.ts
import { isIP } from "node:net";
var forbiddenIpv4 = [
  [[0], 8, 'an unspecified ("this network") address'],
  [[169, 254], 16, "a link-local address (cloud metadata lives at 169.254.169.254)"],
  [[100, 100, 100, 200], 32, "the Alibaba Cloud metadata address"],
  [[168, 63, 129, 16], 32, "the Azure host (WireServer) address"],
  [[192, 0, 0, 192], 32, "the Oracle Cloud metadata address"]
];
var forbiddenIpv6 = [
  [[254, 128], 10, "a link-local address"],
  [[253, 0, 14, 194, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 84], 128, "the AWS metadata address"]
];
var ipv4Carriers = [
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255], "IPv4-mapped"],
  [[0, 100, 255, 155, 0, 0, 0, 0, 0, 0, 0, 0], "NAT64"]
];
function ipBytes(text) {
  const address = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const family = isIP(address);
  if (family === 4) return Uint8Array.from(address.split(".").map(Number));
  if (family === 6) return ipv6Bytes(address.replace(/%.*$/, ""));
  return void 0;
}
function ipv6Bytes(address) {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  let text = address;
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split(".").map(Number);
    text = `${address.slice(0, dotted.index)}${(a << 8 | b).toString(16)}:${(c << 8 | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groups = (part) => part === "" ? [] : part.split(":").map((g) => parseInt(g, 16));
  const left = groups(head);
  const right = tail === void 0 ? [] : groups(tail);
  const all = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
  const bytes = new Uint8Array(16);
  all.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 255;
  });
  return bytes;
}
function inPrefix(bytes, prefix, bits) {
  for (let bit = 0; bit < bits; bit += 8) {
    const mask = bits - bit >= 8 ? 255 : 255 << 8 - (bits - bit) & 255;
    const index = bit / 8;
    if (((bytes[index] ?? 0) & mask) !== ((prefix[index] ?? 0) & mask)) return false;
  }
  return true;
}
function ipv4Reason(bytes) {
  return forbiddenIpv4.find(([prefix, bits]) => inPrefix(bytes, prefix, bits))?.[2];
}
function embeddedIpv4(bytes) {
  for (const [prefix, how] of ipv4Carriers) {
    if (inPrefix(bytes, prefix, 96)) return { bytes: bytes.slice(12), how };
  }
  return void 0;
}
function forbiddenAddressReason(address) {
  const bytes = ipBytes(address);
  if (bytes === void 0) return void 0;
  if (bytes.length === 4) return ipv4Reason(bytes);
  if (bytes.every((byte) => byte === 0)) return "the unspecified address";
  const embedded = embeddedIpv4(bytes);
  if (embedded !== void 0) {
    const reason = ipv4Reason(embedded.bytes);
    return reason === void 0 ? void 0 : `${reason}, ${embedded.how}`;
  }
  return forbiddenIpv6.find(([prefix, bits]) => inPrefix(bytes, prefix, bits))?.[2];
}
function isLoopbackAddress(address) {
  const bytes = ipBytes(address);
  if (bytes === void 0) return false;
  if (bytes.length === 4) return bytes[0] === 127;
  if (inPrefix(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 128)) return true;
  const embedded = embeddedIpv4(bytes);
  return embedded?.how === "IPv4-mapped" && embedded.bytes[0] === 127;
}
var forbiddenAddressCode = "BASEPIN_FORBIDDEN_ADDRESS";
var ForbiddenAddressError = class extends Error {
  name = "ForbiddenAddressError";
  code = forbiddenAddressCode;
  constructor(host, address, reason) {
    super(
      host === address ? `${address} is ${reason}; refusing to connect` : `${host} resolves to ${address}, ${reason}; refusing to connect`
    );
  }
};

export {
  forbiddenAddressReason,
  isLoopbackAddress,
  forbiddenAddressCode,
  ForbiddenAddressError
};
