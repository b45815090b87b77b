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
// images from the site, data: and blob: (SVG/PNG exports); fetch only to the site itself
// (connect-src: the live-state issue will widen it to the RPC endpoint the user enters); the Risk
// page's worker from the site; no plugins, no <base>, no form posts.
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
  "connect-src 'self'",
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
