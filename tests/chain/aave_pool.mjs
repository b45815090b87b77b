// The fixture's real Aave v3.0 Pool (`@aave/core-v3` 1.19.3) driven for liquidations and its
// `DefaultReserveInterestRateStrategy` called for rates, on inputs the caller chooses. Only the
// chain's integers come back (wei, bps, ray, the oracle's 8-decimal USD): the comparison with the
// lab's engine lives in tests/reference/checks/aave_pool.mjs.
//
//   const pool = await openAavePool(chain);          // chain from startChain()
//   const p = await pool.position({ ltv, liquidationThreshold, liquidationBonus, protocolFee,
//                                   collateral, debt, prices: { weth, weeth } });
//   await p.liquidate(debtToCover);                   // every call starts from the same state
//   await pool.interestRates(await pool.strategy(rays), states);
//
// Accounts: Hardhat's 0 (the fixture's admin: pool admin and the reserves' treasury), 2 (the
// borrower of every position) and 3 (the liquidator). Prices change by writing the feeds'
// storage (`MockAggregator._latestAnswer`, slot 0), so setting them costs no transaction.
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { Interface, toBeHex, zeroPadValue } from "ethers";
import { MULTICALL3 } from "./chain.mjs";

const require = createRequire(import.meta.url);
const artifact = (path) => JSON.parse(readFileSync(require.resolve(`@aave/core-v3/artifacts/contracts/${path}`), "utf8"));

const POOL = new Interface(artifact("protocol/pool/Pool.sol/Pool.json").abi);
const CONFIGURATOR = new Interface(artifact("protocol/pool/PoolConfigurator.sol/PoolConfigurator.json").abi);
const STRATEGY = artifact("protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json");
const STRATEGY_IFACE = new Interface(STRATEGY.abi);
const TOKEN = new Interface([
  "function balanceOf(address) view returns (uint256)",
  "function scaledBalanceOf(address) view returns (uint256)",
  "function approve(address, uint256) returns (bool)",
  "function mint(address, uint256)",
  "function deposit() payable",
]);
const MULTICALL = new Interface([
  "function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[])",
  "function getCurrentBlockTimestamp() view returns (uint256)",
]);
const MAX = 2n ** 256n - 1n;
const RAY = 10n ** 27n;
/** An address holding none of any reserve: `balanceOf(aToken)` is 0, so the v3.0 strategy's
 * available liquidity is exactly `liquidityAdded − liquidityTaken`. */
const EMPTY = "0x000000000000000000000000000000000000dEaD";
const GAS = toBeHex(5_000_000n);

/** `WadRayMath.rayMul`: `(a·b + RAY/2) / RAY`. */
export const rayMul = (a, b) => (a * b + RAY / 2n) / RAY;

/**
 * A JSON-RPC client on one kept-alive connection (node:http: about half the per-request time of
 * `fetch` against Hardhat; a run makes a few thousand sequential requests). Errors carry Aave's
 * revert code as `reason` when Hardhat reports one ("reverted with reason string '45'";
 * Errors.sol numbers its errors as strings), else null.
 */
function client(url) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let id = 0;
  const rpc = (method, params = []) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ jsonrpc: "2.0", id: (id += 1), method, params });
      const headers = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
      const req = http.request({ hostname, port, method: "POST", agent, headers, timeout: 60_000 }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => { text += chunk; });
        res.on("end", () => {
          try {
            const reply = JSON.parse(text);
            if (!reply.error) return resolve(reply.result);
            const error = new Error(`${method}: ${reply.error.message}`);
            error.reason = /reason string '([^']*)'/.exec(reply.error.message)?.[1] ?? null;
            reject(error);
          } catch (e) {
            reject(new Error(`${method}: ${e.message}: ${text.slice(0, 200)}`));
          }
        });
      });
      req.on("timeout", () => req.destroy(new Error(`${method}: no answer within 60 s`)));
      req.on("error", reject);
      req.end(body);
    });
  return { rpc, close: () => agent.destroy() };
}

/**
 * Opens the Pool of a started chain (`startChain()`): funds the liquidator, adds WETH liquidity and
 * takes the snapshot every position starts from. Resolves to `{ position, strategy, interestRates,
 * close }` (`close()` drops the kept-alive connection; call it before stopping the chain).
 */
export async function openAavePool(chain) {
  const { addresses: a } = chain;
  const { rpc, close } = client(chain.url);
  const [admin, , borrower, liquidator] = await rpc("eth_accounts");
  const weth = a.weth;
  const weeth = a.etherfi.weETH;
  const send = (from, to, data, value = 0n) =>
    rpc("eth_sendTransaction", [{ from, to, data, value: toBeHex(value), gas: GAS }]);
  const call = async (to, iface, fn, args) =>
    iface.decodeFunctionResult(fn, await rpc("eth_call", [{ to, data: iface.encodeFunctionData(fn, args) }, "latest"]));
  /** Several reads in one `eth_call` (Multicall3 `aggregate3`), so they see the same state. */
  const read = async (list) => {
    const calls = list.map(([target, iface, fn, args]) => ({ target, allowFailure: false, callData: iface.encodeFunctionData(fn, args) }));
    const raw = await rpc("eth_call", [{ to: MULTICALL3, data: MULTICALL.encodeFunctionData("aggregate3", [calls]) }, "latest"]);
    const [results] = MULTICALL.decodeFunctionResult("aggregate3", raw);
    return list.map(([, iface, fn], k) => iface.decodeFunctionResult(fn, results[k].returnData));
  };
  const setPrice = (feed, answer) =>
    rpc("hardhat_setStorageAt", [feed, "0x0", zeroPadValue(toBeHex(answer), 32)]);

  const [wethReserve] = await call(a.aave.pool, POOL, "getReserveData", [weth]);
  const [weethReserve] = await call(a.aave.pool, POOL, "getReserveData", [weeth]);
  const aWeeth = weethReserve.aTokenAddress;
  const debtToken = wethReserve.variableDebtTokenAddress;

  // The liquidator holds 1,000,000 WETH and the admin supplies as much again, so any generated
  // borrow finds liquidity (WETH's supply cap is 2,000,000).
  const million = 10n ** 24n;
  for (const who of [admin, liquidator]) await rpc("hardhat_setBalance", [who, toBeHex(10n * million)]);
  await send(admin, weth, TOKEN.encodeFunctionData("deposit"), million);
  await send(admin, a.aave.pool, POOL.encodeFunctionData("supply", [weth, million, admin, 0]));
  await send(liquidator, weth, TOKEN.encodeFunctionData("deposit"), million);
  await send(liquidator, weth, TOKEN.encodeFunctionData("approve", [a.aave.pool, MAX]));
  await send(borrower, weeth, TOKEN.encodeFunctionData("approve", [a.aave.pool, MAX]));
  let base = await rpc("evm_snapshot");
  let atBase = true;

  /**
   * One borrower's position, built from the base state: the weETH reserve configured with `ltv`,
   * `liquidationThreshold`, `liquidationBonus` and `protocolFee` (bps, as `configureReserveAsCollateral`
   * and `setLiquidationProtocolFee` take them), `collateral` weETH supplied and `debt` WETH borrowed
   * (wei; at a weETH price high enough for the borrow to pass), then the feeds set to `prices`
   * (USD, 8 decimals). Resolves to `{ before, liquidate }`: `before` holds the Pool's view of the
   * position (`getUserAccountData`, the aToken and debt-token balances), and
   * `liquidate(debtToCover)` calls `liquidationCall(weETH, WETH, borrower, debtToCover, false)` as
   * the liquidator and reports what moved; each call starts from the same state.
   */
  async function position(spec) {
    if (!atBase) {
      await rpc("evm_revert", [base]);
      base = await rpc("evm_snapshot");
    }
    atBase = false;
    const configurator = a.aave.poolConfigurator;
    await send(admin, configurator, CONFIGURATOR.encodeFunctionData("configureReserveAsCollateral",
      [weeth, spec.ltv, spec.liquidationThreshold, spec.liquidationBonus]));
    if (spec.protocolFee !== 0n) {
      await send(admin, configurator, CONFIGURATOR.encodeFunctionData("setLiquidationProtocolFee", [weeth, spec.protocolFee]));
    }
    await send(borrower, weeth, TOKEN.encodeFunctionData("mint", [borrower, spec.collateral]));
    await send(borrower, a.aave.pool, POOL.encodeFunctionData("supply", [weeth, spec.collateral, borrower, 0]));
    // A weETH price at which `debt` is 90% of what the LTV allows: the borrow passes.
    const borrowPrice = (spec.debt * spec.prices.weth * 10_000n * 10n) / (spec.collateral * spec.ltv * 9n) + 1n;
    await setPrice(a.aave.priceFeeds.weth, spec.prices.weth);
    await setPrice(a.aave.priceFeeds.weeth, borrowPrice);
    await send(borrower, a.aave.pool, POOL.encodeFunctionData("borrow", [weth, spec.debt, 2, 0, borrower]));
    await setPrice(a.aave.priceFeeds.weeth, spec.prices.weeth);

    const balances = () => [
      [weth, TOKEN, "balanceOf", [liquidator]],
      [weeth, TOKEN, "balanceOf", [liquidator]],
      [aWeeth, TOKEN, "balanceOf", [admin]],
      [aWeeth, TOKEN, "balanceOf", [borrower]],
      [debtToken, TOKEN, "scaledBalanceOf", [borrower]],
    ];
    const [b0, b1, b2, b3, b4, account, debt, [timestamp]] = await read([...balances(),
      [a.aave.pool, POOL, "getUserAccountData", [borrower]], [debtToken, TOKEN, "balanceOf", [borrower]],
      [MULTICALL3, MULTICALL, "getCurrentBlockTimestamp", []]]);
    const before = {
      collateral: b3[0],
      scaledDebt: b4[0],
      debt: debt[0],
      totalCollateralBase: account.totalCollateralBase,
      totalDebtBase: account.totalDebtBase,
      availableBorrowsBase: account.availableBorrowsBase,
      healthFactor: account.healthFactor,
    };
    const start = [b0[0], b1[0], b2[0], b3[0]];
    let snapshot = await rpc("evm_snapshot");
    let dirty = false;

    /**
     * `{ reverted, repaid, seized, protocolFee, collateral, debt }`: `reverted` is Aave's error
     * code (`'45'`: health factor not below 1) or null; the liquidator's WETH paid, weETH received
     * and the treasury's aweETH gained (wei); the position's collateral and debt the call saw
     * (the debt at the call's block: scaled balance × the variable borrow index it stored).
     */
    async function liquidate(debtToCover) {
      // Back to the position's snapshot if a call ran since (lazily: the next position reverts
      // to the base anyway), and the same block time for every call: the same accrued debt.
      if (dirty) {
        await rpc("evm_revert", [snapshot]);
        snapshot = await rpc("evm_snapshot");
      }
      dirty = true;
      await rpc("evm_setNextBlockTimestamp", [toBeHex(timestamp + 1n)]);
      let reverted = null;
      try {
        await send(liquidator, a.aave.pool, POOL.encodeFunctionData("liquidationCall", [weeth, weth, borrower, debtToCover, false]));
      } catch (e) {
        if (e.reason === null) throw e;
        reverted = e.reason;
      }
      const [c0, c1, c2, , , reserve] = await read([...balances(), [a.aave.pool, POOL, "getReserveData", [weth]]]);
      return {
        reverted,
        repaid: start[0] - c0[0],
        seized: c1[0] - start[1],
        protocolFee: c2[0] - start[2],
        collateral: before.collateral,
        debt: reverted ? null : rayMul(before.scaledDebt, reserve[0].variableBorrowIndex),
      };
    }
    return { before, liquidate };
  }

  /** Deploys a v3.0 `DefaultReserveInterestRateStrategy` with the variable-rate parameters in ray
   * (`optimal`, `base`, `slope1`, `slope2`; no stable-rate parameters) and resolves to its address. */
  async function strategy({ optimal, base: baseRate, slope1, slope2 }) {
    const args = STRATEGY_IFACE.encodeDeploy([a.aave.poolAddressesProvider, optimal, baseRate, slope1, slope2, 0n, 0n, 0n, 0n, 0n]);
    const hash = await rpc("eth_sendTransaction", [{ from: admin, data: STRATEGY.bytecode + args.slice(2), gas: GAS }]);
    return (await rpc("eth_getTransactionReceipt", [hash])).contractAddress;
  }

  /** `calculateInterestRates` of `strategyAddress` for WETH at each `{ debt, liquidity, unbacked,
   * reserveFactor }` (wei, bps; no stable debt), in one `eth_call`: `[{ variableBorrowRate,
   * liquidityRate }]`, ray. */
  async function interestRates(strategyAddress, states) {
    const out = await read(states.map((s) => [strategyAddress, STRATEGY_IFACE, "calculateInterestRates", [{
      unbacked: s.unbacked, liquidityAdded: s.liquidity, liquidityTaken: 0n, totalStableDebt: 0n,
      totalVariableDebt: s.debt, averageStableBorrowRate: 0n, reserveFactor: s.reserveFactor, reserve: weth, aToken: EMPTY,
    }]]));
    return out.map(([liquidityRate, , variableBorrowRate]) => ({ variableBorrowRate, liquidityRate }));
  }

  return { position, strategy, interestRates, close };
}
