// Trunk post-build hook (Trunk.toml [[hooks]]): writes the site's Content-Security-Policy into
// the built index.html as a <meta http-equiv> tag (a static site has no headers of its own).
// Trunk inlines a module script that loads the wasm and whose text changes with every build, so
// the policy allows exactly that script by its SHA-256 hash (CSP Level 3, "hash-source") and
// nothing else inline. Release builds only: `trunk serve`'s dev build injects a live-reload script
// of its own after this hook, which a hash taken here could not cover.
//
// Policy (CSP Level 3, https://www.w3.org/TR/CSP3/): nothing by default; scripts from the site
// and the one hashed inline loader; 'wasm-unsafe-eval' to compile the wasm modules; styles from
// the site plus inline style attributes (the charts and gauges set widths and positions inline);
// images from the site, data: and blob: (SVG/PNG exports); fetch to the site itself and to the
// RPC endpoint the user enters on the Data panel (connect-src, below); the Risk page's worker
// from the site; no plugins, no <base>, no form posts.
//
// connect-src: the Data panel POSTs JSON-RPC to an endpoint typed at run time, and a policy in a
// <meta> tag is fixed when the page loads (a page cannot widen its own policy afterwards), so no
// single origin can be named. It allows `https:` (any host over TLS: every RPC provider) and
// plain http only to this computer's loopback names, `http://127.0.0.1:*` and `http://localhost:*`
// (a user's own node; the e2e's local chain). Nothing else: no ws:/wss:, no other http host (an
// https page could not reach one anyway: mixed content). What is sent is bounded by the app, not
// the policy: only the methods core plans (eth_chainId, eth_getBlockByNumber, eth_call), only
// after the user asks.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

if (process.env.TRUNK_PROFILE !== "release") process.exit(0);
const file = join(process.env.TRUNK_STAGING_DIR, "index.html");
const html = readFileSync(file, "utf8");
if (html.includes('http-equiv="Content-Security-Policy"')) process.exit(0);
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
);
if (hashes.length === 0) throw new Error(`csp.mjs: no inline script in ${file}; Trunk's loader moved?`);
const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
const charset = '<meta charset="utf-8" />';
if (!html.includes(charset)) throw new Error(`csp.mjs: ${file} has no ${charset} to put the policy after`);
writeFileSync(file, html.replace(charset, `${charset}\n    ${meta}`));
console.log(`csp.mjs: Content-Security-Policy with ${hashes.length} hashed inline script(s)`);
