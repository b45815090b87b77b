// Compiles the real Morpho Blue (from @morpho-org/morpho-blue's sources, with the settings of its own
// foundry.toml: solc 0.8.19, optimizer 999999 runs, evmVersion paris), Morpho's mocks (ERC20, oracle)
// and this fixture's stand-ins (contracts/StandIns.sol, contracts/EigenLayerStandIns.sol) with solc-js. The output is cached in .build/,
// keyed by the SHA-256 of the compiler version and every input, so only the first start pays the ~5 s.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const morphoSrc = join(dirname(require.resolve("@morpho-org/morpho-blue/package.json")), "src");

const SOURCES = {
  "morpho/Morpho.sol": join(morphoSrc, "Morpho.sol"),
  "morpho/mocks/ERC20Mock.sol": join(morphoSrc, "mocks/ERC20Mock.sol"),
  "morpho/mocks/OracleMock.sol": join(morphoSrc, "mocks/OracleMock.sol"),
  "standins/StandIns.sol": join(here, "contracts/StandIns.sol"),
  "standins/EigenLayerStandIns.sol": join(here, "contracts/EigenLayerStandIns.sol"),
  "standins/AdaptiveCurveIrmStandIn.sol": join(here, "contracts/AdaptiveCurveIrmStandIn.sol"),
  "standins/CapoStandIn.sol": join(here, "contracts/CapoStandIn.sol"),
  "standins/BalancerStandIn.sol": join(here, "contracts/BalancerStandIn.sol"),
};

/** Resolves an import relative to the importing file inside the two source roots. */
function findImport(path) {
  const file = path.startsWith("morpho/") ? join(morphoSrc, path.slice("morpho/".length)) : null;
  if (file && existsSync(file)) return { contents: readFileSync(file, "utf8") };
  return { error: `not found: ${path}` };
}

/** `{ "File.sol:Name": { abi, bytecode } }` for every contract, from the cache when the inputs are unchanged. */
export function compileAll() {
  const solc = require("solc");
  const sources = Object.fromEntries(
    Object.entries(SOURCES).map(([name, file]) => [name, { content: readFileSync(file, "utf8") }]),
  );
  const input = {
    language: "Solidity",
    sources,
    settings: {
      optimizer: { enabled: true, runs: 999999 },
      evmVersion: "paris",
      outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
    },
  };
  const key = createHash("sha256").update(solc.version()).update(JSON.stringify(input)).digest("hex").slice(0, 16);
  const cacheDir = join(here, ".build");
  const cacheFile = join(cacheDir, `compiled-${key}.json`);
  if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, "utf8"));

  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const contracts = {};
  for (const [file, byName] of Object.entries(output.contracts)) {
    for (const [name, c] of Object.entries(byName)) {
      if (c.evm.bytecode.object) contracts[`${file}:${name}`] = { abi: c.abi, bytecode: `0x${c.evm.bytecode.object}` };
    }
  }
  // solc < 0.8.20 leaves library events out of a contract's ABI: Morpho's events live in EventsLib.
  const events = output.contracts["morpho/libraries/EventsLib.sol"]?.EventsLib?.abi ?? [];
  contracts["morpho/Morpho.sol:Morpho"].abi.push(...events);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(contracts));
  return contracts;
}
