// Packs pkg/ with `npm pack` (so the `files` list is tested too), installs the tarball into a
// fresh temporary project, runs consumer.mjs there with plain Node, and type-checks consumer.ts
// with `tsc --strict` against the package's own .d.ts files.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const work = mkdtempSync(join(tmpdir(), "restake-npm-"));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: "inherit" });

try {
  run("npm", ["pack", "--silent", "--pack-destination", work], join(root, "pkg"));
  const tarball = readdirSync(work).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", "--silent", `./${tarball}`], work);
  for (const f of ["consumer.mjs", "consumer.ts", "tsconfig.json"]) cpSync(join(here, f), join(work, f));
  run("node", ["consumer.mjs"], work);
  run(join(root, "node_modules/.bin/tsc"), ["-p", "tsconfig.json"], work);
  console.log("npm package: Node import and TypeScript check passed");
} finally {
  rmSync(work, { recursive: true, force: true });
}
