// The hostile cases of tests/hostile/run.mjs: for case i of seed s, an export and its arguments,
// built from a valid base by one seeded mutation (a hostile value at a random path, an unknown
// field, a cycle, deep nesting, a throwing getter or Proxy, a wrong type, hostile JSON text or
// share-link text). Deterministic: the same (seed, i) builds the same case.
import { deflateRawSync } from "node:zlib";

/** mulberry32: a small seeded PRNG (32-bit state), enough to pick mutations reproducibly. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

function deep(levels) {
  const top = {};
  let at = top;
  for (let i = 0; i < levels; i++) at = at.a = i % 2 ? {} : [{}][0];
  return top;
}
function deepArray(levels) {
  let v = [];
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}
function cyclic() {
  const o = { id: "x" };
  o.self = o;
  return o;
}
function throwingGetter() {
  return Object.defineProperty({}, "id", { enumerable: true, get() { throw new Error("getter"); } });
}
function throwingProxy() {
  return new Proxy({}, { ownKeys() { throw new Error("ownKeys"); } });
}
function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Hostile leaves: every JS type, the edges of numbers and text, and the shapes JSON cannot hold. */
const LEAVES = [
  () => NaN, () => Infinity, () => -Infinity, () => -0, () => 1e308, () => -1e308, () => 5e-324,
  () => 2 ** 53 + 2, () => -1, () => 0, () => 1, () => 0.5, () => 1e7, () => 1e9, () => 1e20,
  () => "", () => " ", () => "x".repeat(300), () => "\u0000", () => "\ud800", () => "=HYPERLINK(\"x\")",
  () => "1e999", () => "NaN", () => "-1", () => true, () => null, () => undefined, () => 1n,
  () => 2n ** 70n, () => Symbol("s"), () => () => 1, () => [], () => ({}), () => [1, 2, 3],
  () => deep(5000), () => deepArray(5000), () => deep(129), cyclic, throwingGetter, throwingProxy, revoked,
  () => Object.create(null), () => new Date(0), () => new Map([[1, 2]]), () => new Uint8Array(4),
  () => new String("x"), () => ({ length: 1e9 }), () => { const a = []; a.length = 2 ** 32 - 1; return a; },
  () => "y".repeat(2_000_000), () => new Array(1_100_000).fill(0),
];
/** Leaves that cost a few milliseconds to build; drawn once in 20. */
const HEAVY = new Set([LEAVES.length - 1, LEAVES.length - 2, 34, 35]);

function leaf(r) {
  let k = Math.floor(r() * LEAVES.length);
  if (HEAVY.has(k) && r() > 0.05) k = Math.floor(r() * 14);
  return LEAVES[k]();
}

/** Every path into a JSON-like value (as key lists), at most `max`. */
function paths(v, max = 4000) {
  const out = [];
  const walk = (x, at) => {
    if (out.length >= max) return;
    out.push(at);
    if (x && typeof x === "object") for (const k of Object.keys(x)) walk(x[k], [...at, k]);
  };
  walk(v, []);
  return out;
}

function setAt(root, path, value) {
  let at = root;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]] = value;
}

/** One mutation of a JSON-like value; returns [mutated, depth of the path mutated]. */
export function mutate(r, base) {
  const v = structuredClone(base);
  const ps = paths(v).filter((p) => p.length > 0);
  if (ps.length === 0) return [leaf(r), 0];
  const p = pick(r, ps);
  const kind = r();
  const parentPath = p.slice(0, -1);
  const parent = parentPath.reduce((x, k) => x[k], v);
  if (kind < 0.55) setAt(v, p, leaf(r));
  else if (kind < 0.7) {
    if (Array.isArray(parent)) parent.push(leaf(r));
    else parent[pick(r, ["sed", "colour", "__proto__x", "constructor", "paths "])] = 42;
    return [v, parentPath.length + 1];
  } else if (kind < 0.8) {
    if (Array.isArray(parent)) parent.splice(Number(p[p.length - 1]), 1);
    else delete parent[p[p.length - 1]];
  } else if (kind < 0.9) setAt(v, p, v); // a cycle through the root
  else setAt(v, p, typeof parent[p[p.length - 1]] === "string" ? 7 : "7"); // the wrong type
  return [v, p.length];
}

/** Hostile JSON text built from a valid document's text. */
export function mutateText(r, doc) {
  const text = JSON.stringify(doc);
  const k = r();
  if (k < 0.3) {
    const [v] = mutate(r, doc);
    try { return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x)) ?? "null"; } catch { return text; }
  }
  if (k < 0.45) {
    // A key given twice: repeat one `"key":value,` pair in place.
    const m = [...text.matchAll(/"([A-Za-z]+)":(-?[0-9.e]+|"[^"]*"|true|false|null),/g)];
    if (m.length === 0) return text;
    const hit = pick(r, m);
    return text.slice(0, hit.index) + hit[0] + hit[0] + text.slice(hit.index + hit[0].length);
  }
  if (k < 0.6) return text.slice(0, Math.floor(r() * text.length));
  if (k < 0.7) return "[".repeat(100_000) + "]".repeat(100_000);
  if (k < 0.8) return text.replace(/:(-?[0-9]+(\.[0-9]+)?)([,}])/, ":1e999$3");
  if (k < 0.9) {
    const i = Math.floor(r() * text.length);
    return text.slice(0, i) + pick(r, ["\u0000", "\ufeff", "}", "\"", "\\", ",,", "\ud800"]) + text.slice(i);
  }
  return pick(r, ["", " ", "null", "3", "\"x\"", "[]", "{}", "{\"version\":99}", "{\"version\":3}", "\ufeff{}"]);
}

/** Hostile share-link text built from a valid fragment. */
export function mutateFragment(r, fragment) {
  const k = r();
  if (k < 0.25) {
    const i = 3 + Math.floor(r() * (fragment.length - 3));
    const c = pick(r, ["A", "_", "-", "=", "+", "/", "%", "é"]);
    return fragment.slice(0, i) + c + fragment.slice(i + 1);
  }
  if (k < 0.45) return fragment.slice(0, Math.floor(r() * fragment.length));
  if (k < 0.55) return "s2." + deflateRawSync(Buffer.alloc(8_000_000, 32)).toString("base64url"); // inflates past 1 MiB
  if (k < 0.65) return "s2." + deflateRawSync(Buffer.from("[".repeat(500_000))).toString("base64url");
  if (k < 0.75) return "s2." + deflateRawSync(Buffer.from([0xff, 0xfe, 0x00])).toString("base64url");
  if (k < 0.85) return "#" + fragment.replace("s2.", pick(r, ["s1.", "s3.", "S2.", ""]));
  return pick(r, ["", "#", "s2.", "s2.A", "s2.AAAA", "x".repeat(1_600_000)]);
}

export { leaf };
