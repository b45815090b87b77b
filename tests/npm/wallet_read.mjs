// The npm package's wallet import (issue 19) on the local test chain's session of live_read.mjs:
// the borrower account's (Hardhat account 1) token balances, its real Aave v3 Pool account and
// its real Morpho Blue position, read with planWalletRead → walletReadCalls → applyWalletRead
// over plain `fetch`, checked to the wei against the fixture (hand-worked) and against ethers'
// own read of the same contracts at the same block; then importWallet into the default scenario
// and the share link's round trip.
import { createRequire } from "node:module";
import { join } from "node:path";

/** The wallet request for the fixture's borrower: its tokens, the Aave market, the Morpho market. */
export function walletRequest(a) {
  return {
    address: a.accounts.borrower,
    allowLocalChain: true,
    targets: {
      tokens: [
        { id: "WETH", token: a.weth },
        { id: "weETH", token: a.etherfi.weETH, rate: { kind: "getRate", address: a.etherfi.weETH } },
        { id: "ezETH", token: a.renzo.ezETH, rate: { kind: "getRate", address: a.renzo.balancerRateProvider } },
        { id: "wstETH", token: a.lido.wstETH, rate: { kind: "stEthPerToken", address: a.lido.wstETH } },
      ],
      aave: [{ id: "local", pool: a.aave.pool, dataProvider: a.aave.poolDataProvider, reserves: ["WETH", "weETH"] }],
      morpho: [{ id: "weETH-WETH-94.5", morpho: a.morpho.morpho, marketId: a.morpho.marketId, collateral: "weETH", loan: "WETH" }],
    },
  };
}

/**
 * Runs the wallet checks against a started chain. `core` is the Node build of the package,
 * `send(url, request)` the live read's transport, `check(name, ok, detail)` its reporter.
 * Returns the seconds it took.
 */
export async function checkWallet({ chain, core, send, check, root }) {
  const t0 = performance.now();
  const ethers = createRequire(join(root, "tests/chain/package.json"))("ethers");
  const a = chain.addresses;
  const F = chain.fixture;
  const request = walletRequest(a);
  const plan = core.planWalletRead(request);
  const { head, requests } = core.walletReadCalls(request, await Promise.all(plan.head.map((r) => send(chain.url, r))));
  const section = core.applyWalletRead(request, head, await Promise.all(requests.map((r) => send(chain.url, r))));
  const raw = (field) => section.read.values.find((v) => v.field === field)?.raw;
  check("wallet: no failures, one batch, the block pinned", section.read.failures.length === 0 && requests.length === 1 && section.read.values.every((v) => v.basis.blockNumber === head.blockNumber), JSON.stringify(section.read.failures));
  check("wallet: the address is only in the calls, not in the section", !JSON.stringify(section).toLowerCase().includes(a.accounts.borrower.slice(2).toLowerCase()));

  // Hand-worked from the fixture: the borrower posted all 300 weETH it was minted (100 on
  // Aave, 200 on Morpho) and holds the 50 + 100 WETH it borrowed.
  check("wallet: WETH balance = 50 + 100 borrowed", raw("tokens.WETH.balance") === (F.aave.borrowed + F.morpho.borrowed).toString());
  check("wallet: weETH balance 0 (all posted)", raw("tokens.weETH.balance") === "0");
  check("wallet: Aave weETH supplied 100 (no weETH borrowed: the index stays one ray)", raw("aave.local.weETH.supplied") === F.aave.collateral.toString() && raw("aave.local.weETH.usedAsCollateral") === "1");
  check("wallet: Aave collateral 100 × USD 3,207 = 320,700e8; LT 7500, LTV 7250", raw("aave.local.totalCollateralBase") === (100n * F.aave.prices.weeth).toString() && raw("aave.local.currentLiquidationThreshold") === "7500" && raw("aave.local.ltv") === "7250");
  check("wallet: Morpho 200 weETH, 1e26 borrow shares (100 WETH × 1e6 virtual shares)", raw("morpho.weETH-WETH-94.5.collateral") === F.morpho.collateral.toString() && raw("morpho.weETH-WETH-94.5.borrowShares") === (F.morpho.borrowed * 10n ** 6n).toString() && raw("morpho.weETH-WETH-94.5.lltv") === F.morpho.lltv.toString());

  // The accruing figures against ethers' own read of the same contracts at the same block.
  const provider = new ethers.JsonRpcProvider(chain.url, undefined, { staticNetwork: true });
  const tag = { blockTag: head.blockNumber };
  const dp = new ethers.Contract(a.aave.poolDataProvider, ["function getUserReserveData(address,address) view returns (uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint40,bool)"], provider);
  const pool = new ethers.Contract(a.aave.pool, ["function getUserAccountData(address) view returns (uint256,uint256,uint256,uint256,uint256,uint256)"], provider);
  const [weth, account] = await Promise.all([dp.getUserReserveData(a.weth, a.accounts.borrower, tag), pool.getUserAccountData(a.accounts.borrower, tag)]);
  provider.destroy();
  const debt = weth[2];
  check("wallet: Aave WETH debt = ethers' read at the block (50 WETH + interest)", raw("aave.local.WETH.variableDebt") === debt.toString() && debt >= F.aave.borrowed && debt < F.aave.borrowed + 10n ** 15n, `${raw("aave.local.WETH.variableDebt")} vs ${debt}`);
  check("wallet: Aave debt base and health factor = ethers' read", raw("aave.local.totalDebtBase") === account[1].toString() && raw("aave.local.healthFactor") === account[5].toString());

  // Into the scenario: weETH 300 × 1.069 = 320.7 ETH (etherfi); the two loops.
  const { scenario, positions } = core.importWallet(core.defaultScenario(), section);
  const close = (x, y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  const etherfi = scenario.network.positions.find((p) => p.protocol === "etherfi");
  check("import: etherfi position 300 weETH × 1.069 = 320.7 ETH", close(etherfi.amountEth, 320.7), JSON.stringify(scenario.network.positions));
  const debtEth = Number(debt) / 1e18;
  const [aave, morpho] = positions.loops;
  check("import: Aave loop 100 weETH, debt as read, LTV 0.725 / LT 0.75, Aave's HF", aave.id === "aave.local" && aave.collateralTokens === 100 && close(aave.debtEth, debtEth) && aave.ltv === 0.725 && aave.liquidationThreshold === 0.75 && close(aave.healthFactor, Number(account[5]) / 1e18), JSON.stringify(aave));
  check("import: Aave loop deposit 100 − D/1.069, HF 0.75·100·1.069/D", close(aave.leverage.deposit, 100 - debtEth / 1.069) && close(aave.leverage.target.healthFactor, (0.75 * 100 * 1.069) / debtEth));
  check("import: Morpho loop 200 weETH, 100 WETH, LLTV 0.945, HF 0.945·200·1.069/100", morpho.collateralTokens === 200 && morpho.debtEth === 100 && morpho.ltv === 0.945 && close(morpho.healthFactor, 2.02041), JSON.stringify(morpho));
  check("import: the Leverage page's loop is Morpho's (213.8 ETH > 106.9 ETH of collateral)", JSON.stringify(scenario.leverage.loop) === JSON.stringify(morpho.leverage));
  const back = core.scenarioFromFragment(core.scenarioToFragment(scenario));
  check("import: a share link freezes the snapshot (same positions, no fetch)", JSON.stringify(core.walletPositions(back)) === JSON.stringify(positions) && positions.head.blockNumber === head.blockNumber);
  let refused = "";
  try {
    // One letter upper-cased in the lower-case address: mixed case that is not its EIP-55 checksum.
    const lower = a.accounts.borrower.toLowerCase();
    const k = lower.search(/[a-f]/);
    core.planWalletRead({ ...request, address: lower.slice(0, k) + lower[k].toUpperCase() + lower.slice(k + 1) });
  } catch (e) {
    refused = `${e.field}: ${e.message}`;
  }
  check("wallet: a broken checksum is refused at `address`", refused.startsWith("address:"), refused);
  return (performance.now() - t0) / 1000;
}
