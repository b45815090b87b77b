// The local test chain: a Hardhat 2 node on 127.0.0.1 with the real Aave v3 Pool (@aave/core-v3 artifacts),
// the real Morpho Blue (compiled from @morpho-org/morpho-blue), Multicall3 at its canonical address, and the
// stand-ins of contracts/StandIns.sol (LRT rate functions, a Curve-style pool) and contracts/BalancerStandIn.sol. See README.md.
//
//   const chain = await startChain();   // { url, chainId, addresses, fixture, stop() }
//   ...
//   await chain.stop();
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AbiCoder, Contract, ContractFactory, JsonRpcProvider, keccak256, parseEther } from "ethers";
import { compileAll } from "./compile.mjs";
import { EMODE_CAPO, deployEModeAndCapo } from "./aave_emode_capo.mjs";
import { BALANCER, deployBalancer } from "./balancer.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Multicall3's canonical address (mds1/multicall3 README), the same on every chain it is deployed to. */
export const MULTICALL3 = "0xcA11bde05977b3631167028862bE2a173976CA11";
/** Hardhat's local chain id (hardhat.config.cjs). */
export const CHAIN_ID = 31337;

const e18 = (x) => parseEther(String(x));
const ray = (x) => e18(x) * 10n ** 9n;

/**
 * The state the fixture writes, in the contracts' own units (wei, 1e18 rates, bps, ray, 1e10 fees). These are
 * TEST INPUTS chosen to be distinct and checkable, not mainnet figures (the weETH interest-rate strategy uses
 * Aave's published weETH Scroll listing, governance.aave.com/t/18301, only so its numbers look familiar).
 */
export const FIXTURE = Object.freeze({
  etherfi: { totalShares: e18(1_000_000), totalPooledEther: e18(1_069_000) }, // weETH getRate = 1.069e18
  renzo: {
    ezEthSupply: e18(500_000),
    perOperatorDelegator: [e18(300_000), e18(221_500)],
    totalTvl: e18(521_500), // getRate = 1.043e18
  },
  kelp: { rsEthSupply: e18(400_000), rsEthPrice: e18("1.0615"), pricePercentageLimit: 0n },
  lido: { wstEthSupply: e18(3_000_000), stEthPerToken: e18("1.2115") },
  // coin 0 WETH, coin 1 weETH; fee 1e10 = 100% → 0.01%; weETH's stored rate its getRate, 1.069.
  curve: { balances: [e18(10_000), e18(9_000)], A: 1000n, fee: 1_000_000n, rates: [e18(1), e18("1.069")] },
  aave: {
    prices: { weth: 3000n * 10n ** 8n, weeth: 3207n * 10n ** 8n }, // USD, 8 decimals
    weth: {
      strategy: { optimal: ray("0.9"), base: 0n, slope1: ray("0.027"), slope2: ray("0.8") },
      supplyCap: 2_000_000n, borrowCap: 1_800_000n, reserveFactor: 1500n,
    },
    weeth: {
      strategy: { optimal: ray("0.45"), base: 0n, slope1: ray("0.07"), slope2: ray("3") },
      ltv: 7250n, liquidationThreshold: 7500n, liquidationBonus: 10750n,
      supplyCap: 1_400_000n, borrowCap: 0n, reserveFactor: 4500n,
    },
    supplied: e18(1000), collateral: e18(100), borrowed: e18(50),
  },
  morpho: { lltv: e18("0.945"), oraclePrice: e18("1.069") * 10n ** 18n, supplied: e18(500), collateral: e18(200), borrowed: e18(100),
    // The AdaptiveCurveIRM stand-in's rate at target: ⌊0.1e18 / 31,536,000⌋, 10% APR per second (WAD).
    rateAtTarget: 3_170_979_198n },
  // Aave E-mode category 1 and the stand-in CAPO adapters (aave_emode_capo.mjs).
  aaveEMode: EMODE_CAPO.eMode,
  capo: EMODE_CAPO.capo,
  // The stand-in Balancer v2 ezETH/WETH ComposableStable pool (balancer.mjs).
  balancer: BALANCER,
});

/** A free TCP port on 127.0.0.1 (the OS picks it; there is a short window before Hardhat binds it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function rpc(url, method, params = []) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(2000),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Spawns `hardhat node` in its own process group and resolves once it answers `eth_chainId`. */
async function spawnNode(port) {
  const cli = join(dirname(require.resolve("hardhat/package.json")), "internal/cli/cli.js");
  const child = spawn(
    process.execPath,
    [cli, "--config", join(here, "hardhat.config.cjs"), "node", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: here, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: "true" } },
  );
  let log = "";
  const keep = (chunk) => { log = (log + chunk).slice(-4000); };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const gone = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 100))]);
    if (gone) throw new Error(`hardhat node exited (${gone.code ?? gone.signal}) before answering:\n${log}`);
    try {
      if (Number(await rpc(url, "eth_chainId")) === CHAIN_ID) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      throw new Error(`hardhat node did not answer within 30 s:\n${log}`);
    }
  }
  return { child, url, exited, log: () => log };
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Bytecode with each library's address written at its link-reference offsets (Hardhat artifact format). */
function link(artifact, libraries) {
  let code = artifact.bytecode.slice(2);
  for (const byName of Object.values(artifact.linkReferences ?? {})) {
    for (const [name, refs] of Object.entries(byName)) {
      const address = libraries[name];
      if (!address) throw new Error(`${artifact.contractName}: library ${name} not deployed`);
      for (const { start, length } of refs) {
        code = code.slice(0, start * 2) + address.slice(2).toLowerCase() + code.slice((start + length) * 2);
      }
    }
  }
  return `0x${code}`;
}

function aaveArtifact(path) {
  return JSON.parse(readFileSync(require.resolve(`@aave/core-v3/artifacts/contracts/${path}`), "utf8"));
}

async function deployAave(signer, deploy, tokens, admin) {
  const A = (p) => aaveArtifact(p);
  const F = FIXTURE.aave;
  const provider = await deploy(A("protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json"), ["restake-lab", admin]);
  await (await provider.setACLAdmin(admin)).wait();
  const acl = await deploy(A("protocol/configuration/ACLManager.sol/ACLManager.json"), [await provider.getAddress()]);
  await (await provider.setACLManager(await acl.getAddress())).wait();
  await (await acl.addPoolAdmin(admin)).wait();

  const libraries = {};
  for (const name of ["SupplyLogic", "BorrowLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic", "PoolLogic", "FlashLoanLogic", "ConfiguratorLogic"]) {
    const dir = name === "ConfiguratorLogic" ? "protocol/libraries/logic/ConfiguratorLogic.sol" : `protocol/libraries/logic/${name}.sol`;
    const lib = await deploy(A(`${dir}/${name}.json`), [], libraries);
    libraries[name] = await lib.getAddress();
  }
  const poolImpl = await deploy(A("protocol/pool/Pool.sol/Pool.json"), [await provider.getAddress()], libraries);
  await (await provider.setPoolImpl(await poolImpl.getAddress())).wait();
  const poolArt = A("protocol/pool/Pool.sol/Pool.json");
  const pool = new Contract(await provider.getPool(), poolArt.abi, signer);
  const configuratorArt = A("protocol/pool/PoolConfigurator.sol/PoolConfigurator.json");
  const configuratorImpl = await deploy(configuratorArt, [], libraries);
  await (await provider.setPoolConfiguratorImpl(await configuratorImpl.getAddress())).wait();
  const configurator = new Contract(await provider.getPoolConfigurator(), configuratorArt.abi, signer);

  const aggWeth = await deploy(A("mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json"), [F.prices.weth]);
  const aggWeeth = await deploy(A("mocks/oracle/CLAggregators/MockAggregator.sol/MockAggregator.json"), [F.prices.weeth]);
  const oracle = await deploy(A("misc/AaveOracle.sol/AaveOracle.json"), [
    await provider.getAddress(), [tokens.weth, tokens.weeth], [await aggWeth.getAddress(), await aggWeeth.getAddress()],
    "0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000", 10n ** 8n,
  ]);
  await (await provider.setPriceOracle(await oracle.getAddress())).wait();
  const dataProvider = await deploy(A("misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json"), [await provider.getAddress()]);
  await (await provider.setPoolDataProvider(await dataProvider.getAddress())).wait();

  const poolAddress = await pool.getAddress();
  const aToken = await deploy(A("protocol/tokenization/AToken.sol/AToken.json"), [poolAddress]);
  const stableDebt = await deploy(A("protocol/tokenization/StableDebtToken.sol/StableDebtToken.json"), [poolAddress]);
  const variableDebt = await deploy(A("protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json"), [poolAddress]);
  const strategyArt = A("protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json");
  const strategies = {};
  for (const key of ["weth", "weeth"]) {
    const s = F[key].strategy;
    strategies[key] = await (await deploy(strategyArt, [await provider.getAddress(), s.optimal, s.base, s.slope1, s.slope2, 0n, 0n, 0n, 0n, ray("0.2")])).getAddress();
  }
  const input = (key, symbol) => ({
    aTokenImpl: aToken.target, stableDebtTokenImpl: stableDebt.target, variableDebtTokenImpl: variableDebt.target,
    underlyingAssetDecimals: 18, interestRateStrategyAddress: strategies[key], underlyingAsset: tokens[key],
    treasury: admin, incentivesController: "0x0000000000000000000000000000000000000000",
    aTokenName: `Aave ${symbol}`, aTokenSymbol: `a${symbol}`, variableDebtTokenName: `Variable debt ${symbol}`,
    variableDebtTokenSymbol: `vd${symbol}`, stableDebtTokenName: `Stable debt ${symbol}`, stableDebtTokenSymbol: `sd${symbol}`, params: "0x",
  });
  await (await configurator.initReserves([input("weth", "WETH"), input("weeth", "weETH")])).wait();
  await (await configurator.setReserveBorrowing(tokens.weth, true)).wait();
  for (const key of ["weth", "weeth"]) {
    await (await configurator.setSupplyCap(tokens[key], F[key].supplyCap)).wait();
    await (await configurator.setBorrowCap(tokens[key], F[key].borrowCap)).wait();
    await (await configurator.setReserveFactor(tokens[key], F[key].reserveFactor)).wait();
  }
  const w = F.weeth;
  await (await configurator.configureReserveAsCollateral(tokens.weeth, w.ltv, w.liquidationThreshold, w.liquidationBonus)).wait();
  return {
    pool, configurator, addresses: {
      poolAddressesProvider: await provider.getAddress(), pool: poolAddress, poolConfigurator: await configurator.getAddress(),
      aclManager: await acl.getAddress(), oracle: await oracle.getAddress(), poolDataProvider: await dataProvider.getAddress(),
      interestRateStrategy: strategies, priceFeeds: { weth: await aggWeth.getAddress(), weeth: await aggWeeth.getAddress() },
    },
  };
}

async function deployStandIns(deploy, S) {
  const F = FIXTURE;
  const eeth = await deploy(S("EETHStandIn"), []);
  await (await eeth.setTotalShares(F.etherfi.totalShares)).wait();
  const liquidityPool = await deploy(S("LiquidityPoolStandIn"), [eeth.target]);
  await (await liquidityPool.setTotalPooledEther(F.etherfi.totalPooledEther)).wait();
  const weeth = await deploy(S("WeETHStandIn"), [liquidityPool.target]);
  const ezeth = await deploy(S("StandInToken"), ["Renzo Restaked ETH (stand-in)", "ezETH"]);
  const restakeManager = await deploy(S("RestakeManagerStandIn"), []);
  const perOd = F.renzo.perOperatorDelegator;
  await (await restakeManager.setTVLs(perOd.map((v) => [v, 0n]), perOd, F.renzo.totalTvl)).wait();
  const renzoRateProvider = await deploy(S("RenzoRateProviderStandIn"), [restakeManager.target, ezeth.target]);
  const rseth = await deploy(S("StandInToken"), ["rsETH (stand-in)", "rsETH"]);
  const lrtOracle = await deploy(S("LRTOracleStandIn"), []);
  await (await lrtOracle.setPrice(F.kelp.rsEthPrice, F.kelp.pricePercentageLimit)).wait();
  const wsteth = await deploy(S("WstETHStandIn"), []);
  await (await wsteth.setStEthPerToken(F.lido.stEthPerToken)).wait();
  return { eeth, liquidityPool, weeth, ezeth, restakeManager, renzoRateProvider, rseth, lrtOracle, wsteth };
}

/**
 * Starts the chain and deploys everything. Resolves to `{ url, chainId, addresses, fixture, stop }`;
 * `stop()` kills the node's whole process group and resolves when it has exited (safe to call twice).
 * Options: `port` (default: a free one).
 */
export async function startChain({ port } = {}) {
  // Compile first: solc-js blocks the event loop for ~12 s when the cache is cold, long enough for
  // Hardhat to close an idle keep-alive socket under ethers ("socket hang up").
  const compiled = compileAll();
  const node = await spawnNode(port ?? (await freePort()));
  let stopped = null;
  const stop = () => {
    stopped ??= (async () => {
      killGroup(node.child, "SIGTERM");
      const timer = setTimeout(() => killGroup(node.child, "SIGKILL"), 3000);
      await node.exited;
      clearTimeout(timer);
    })();
    return stopped;
  };
  const onExit = () => killGroup(node.child, "SIGKILL");
  process.once("exit", onExit);
  try {
    const provider = new JsonRpcProvider(node.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
    const [admin, borrower] = await Promise.all([provider.getSigner(0), provider.getSigner(1)]);
    const deploy = async (artifact, args, libraries = {}) => {
      const factory = new ContractFactory(artifact.abi, link(artifact, libraries), admin);
      const c = await factory.deploy(...args);
      await c.waitForDeployment();
      return c;
    };
    const S = (name) => compiled[`standins/StandIns.sol:${name}`];
    const M = (path) => compiled[`morpho/${path}`];

    // Multicall3: run viem's copy of the creation code with eth_call to get the runtime code, then place it.
    const viemContracts = require(join(dirname(require.resolve("viem/package.json")), "_cjs/constants/contracts.js"));
    const runtime = await provider.call({ data: viemContracts.multicall3Bytecode });
    await provider.send("hardhat_setCode", [MULTICALL3, runtime]);

    const s = await deployStandIns(deploy, S);
    const weth = await deploy(aaveArtifact("mocks/tokens/WETH9Mocked.sol/WETH9Mocked.json"), []);
    const tokens = { weth: weth.target, weeth: s.weeth.target };
    const curve = await deploy(S("CurveStableSwapStandIn"), [weth.target, s.weeth.target]);
    const C = FIXTURE.curve;
    await (await curve.setState(C.balances[0], C.balances[1], C.A, C.fee)).wait();
    await (await curve.setRates(C.rates[0], C.rates[1])).wait();
    const balancer = await deployBalancer({ deploy, compiled, ezeth: s.ezeth.target, weth: weth.target });

    // Supplies: WETH for the lender (admin), weETH, ezETH, rsETH and wstETH minted to fixed supplies.
    await (await weth.deposit({ value: FIXTURE.aave.supplied + FIXTURE.morpho.supplied })).wait();
    const borrowerAddress = await borrower.getAddress();
    const adminAddress = await admin.getAddress();
    const weethCollateral = FIXTURE.aave.collateral + FIXTURE.morpho.collateral;
    await (await s.weeth.mint(borrowerAddress, weethCollateral)).wait();
    await (await s.ezeth.mint(adminAddress, FIXTURE.renzo.ezEthSupply)).wait();
    await (await s.rseth.mint(adminAddress, FIXTURE.kelp.rsEthSupply)).wait();
    await (await s.wsteth.mint(adminAddress, FIXTURE.lido.wstEthSupply)).wait();

    const aave = await deployAave(admin, deploy, tokens, adminAddress);
    const { capo } = await deployEModeAndCapo({
      deploy, standIn: compiled["standins/CapoStandIn.sol:PriceCapAdapterStandIn"], configurator: aave.configurator,
      aave: aave.addresses, weeth: tokens.weeth, rates: { weETH: s.weeth.target, rsETH: s.lrtOracle.target },
    });
    const MAX = 2n ** 256n - 1n;
    await (await weth.approve(aave.addresses.pool, MAX)).wait();
    await (await aave.pool.supply(tokens.weth, FIXTURE.aave.supplied, adminAddress, 0)).wait();
    await (await s.weeth.connect(borrower).approve(aave.addresses.pool, MAX)).wait();
    const poolAsBorrower = aave.pool.connect(borrower);
    await (await poolAsBorrower.supply(tokens.weeth, FIXTURE.aave.collateral, borrowerAddress, 0)).wait();
    await (await poolAsBorrower.borrow(tokens.weth, FIXTURE.aave.borrowed, 2, 0, borrowerAddress)).wait();

    // Morpho Blue: one weETH/WETH market with Morpho's own oracle and IRM mocks.
    const morpho = await deploy(M("Morpho.sol:Morpho"), [adminAddress]);
    // The IRM: a stand-in for Morpho's AdaptiveCurveIRM (contracts/AdaptiveCurveIrmStandIn.sol).
    const irm = await deploy(compiled["standins/AdaptiveCurveIrmStandIn.sol:AdaptiveCurveIrmStandIn"], [morpho.target]);
    const morphoOracle = await deploy(M("mocks/OracleMock.sol:OracleMock"), []);
    await (await morphoOracle.setPrice(FIXTURE.morpho.oraclePrice)).wait();
    await (await morpho.enableIrm(irm.target)).wait();
    await (await morpho.enableLltv(FIXTURE.morpho.lltv)).wait();
    const params = { loanToken: weth.target, collateralToken: s.weeth.target, oracle: morphoOracle.target, irm: irm.target, lltv: FIXTURE.morpho.lltv };
    await (await morpho.createMarket(params)).wait();
    const marketId = keccak256(
      AbiCoder.defaultAbiCoder().encode(["address", "address", "address", "address", "uint256"], [params.loanToken, params.collateralToken, params.oracle, params.irm, params.lltv]),
    );
    await (await weth.approve(morpho.target, MAX)).wait();
    await (await morpho.supply(params, FIXTURE.morpho.supplied, 0, adminAddress, "0x")).wait();
    await (await s.weeth.connect(borrower).approve(morpho.target, MAX)).wait();
    const morphoAsBorrower = morpho.connect(borrower);
    await (await morphoAsBorrower.supplyCollateral(params, FIXTURE.morpho.collateral, borrowerAddress, "0x")).wait();
    await (await morphoAsBorrower.borrow(params, FIXTURE.morpho.borrowed, 0, borrowerAddress, borrowerAddress)).wait();
    await (await irm.setRateAtTarget(marketId, FIXTURE.morpho.rateAtTarget)).wait();
    provider.destroy();

    const addresses = {
      multicall3: MULTICALL3,
      weth: weth.target,
      etherfi: { weETH: s.weeth.target, eETH: s.eeth.target, liquidityPool: s.liquidityPool.target },
      renzo: { ezETH: s.ezeth.target, restakeManager: s.restakeManager.target, balancerRateProvider: s.renzoRateProvider.target },
      kelp: { rsETH: s.rseth.target, lrtOracle: s.lrtOracle.target },
      lido: { wstETH: s.wsteth.target },
      curve: { weethWeth: curve.target },
      balancer,
      aave: { ...aave.addresses, capo },
      morpho: { morpho: morpho.target, irm: irm.target, oracle: morphoOracle.target, marketId, marketParams: params },
      accounts: { admin: adminAddress, borrower: borrowerAddress },
    };
    return { url: node.url, chainId: CHAIN_ID, addresses, fixture: FIXTURE, stop };
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- hardhat node log ---\n${node.log()}`);
  } finally {
    process.removeListener("exit", onExit);
    process.once("exit", onExit);
  }
}

// `node chain.mjs`: start, print the addresses as JSON, and keep running until interrupted (for manual use).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const chain = await startChain({ port: process.env.PORT ? Number(process.env.PORT) : undefined });
  const replacer = (_k, v) => (typeof v === "bigint" ? v.toString() : v);
  console.log(JSON.stringify({ url: chain.url, chainId: chain.chainId, addresses: chain.addresses }, replacer, 2));
  console.error(`started and deployed in ${((performance.now() - t0) / 1000).toFixed(1)} s; Ctrl-C stops it`);
  const quit = () => chain.stop().then(() => process.exit(0));
  process.once("SIGINT", quit);
  process.once("SIGTERM", quit);
}
