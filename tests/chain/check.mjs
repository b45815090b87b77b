// Self-check of the local chain: starts it, reads every fixture figure back through Multicall3
// `aggregate3` (one eth_call, the way the lab reads mainnet) and compares it with FIXTURE to the wei.
//   node tests/chain/check.mjs
import { Interface, JsonRpcProvider } from "ethers";
import { FIXTURE, MULTICALL3, startChain } from "./chain.mjs";

const I = (sig) => new Interface([sig]);
const ERC20 = I("function totalSupply() view returns (uint256)");

/** The fixture's read list: [label, target, interface, function, args, expected(decoded) → true/false message]. */
function reads(a) {
  const F = FIXTURE;
  const eq = (want) => (got) => (got[0] === want ? true : `got ${got[0]}, want ${want}`);
  const dataProvider = I("function getReserveConfigurationData(address) view returns (uint256,uint256,uint256,uint256,uint256,bool,bool,bool,bool,bool)");
  const caps = I("function getReserveCaps(address) view returns (uint256,uint256)");
  const irm = I("function getVariableRateSlope1() view returns (uint256)");
  const weethRate = (F.etherfi.totalPooledEther * 10n ** 18n) / F.etherfi.totalShares;
  return [
    ["weETH getRate", a.etherfi.weETH, I("function getRate() view returns (uint256)"), "getRate", [], eq(weethRate)],
    ["weETH totalSupply", a.etherfi.weETH, ERC20, "totalSupply", [], eq(F.aave.collateral + F.morpho.collateral)],
    ["LiquidityPool getTotalPooledEther", a.etherfi.liquidityPool, I("function getTotalPooledEther() view returns (uint256)"), "getTotalPooledEther", [], eq(F.etherfi.totalPooledEther)],
    ["Renzo getRate", a.renzo.balancerRateProvider, I("function getRate() view returns (uint256)"), "getRate", [], eq((F.renzo.totalTvl * 10n ** 18n) / F.renzo.ezEthSupply)],
    ["Renzo calculateTVLs total", a.renzo.restakeManager, I("function calculateTVLs() view returns (uint256[][],uint256[],uint256)"), "calculateTVLs", [], (g) => (g[2] === F.renzo.totalTvl && g[1][1] === F.renzo.perOperatorDelegator[1] ? true : `got ${g}`)],
    ["ezETH totalSupply", a.renzo.ezETH, ERC20, "totalSupply", [], eq(F.renzo.ezEthSupply)],
    ["Kelp rsETHPrice", a.kelp.lrtOracle, I("function rsETHPrice() view returns (uint256)"), "rsETHPrice", [], eq(F.kelp.rsEthPrice)],
    ["rsETH totalSupply", a.kelp.rsETH, ERC20, "totalSupply", [], eq(F.kelp.rsEthSupply)],
    ["wstETH stEthPerToken", a.lido.wstETH, I("function stEthPerToken() view returns (uint256)"), "stEthPerToken", [], eq(F.lido.stEthPerToken)],
    ["wstETH totalSupply", a.lido.wstETH, ERC20, "totalSupply", [], eq(F.lido.wstEthSupply)],
    ["Curve A", a.curve.weethWeth, I("function A() view returns (uint256)"), "A", [], eq(F.curve.A)],
    ["Curve fee", a.curve.weethWeth, I("function fee() view returns (uint256)"), "fee", [], eq(F.curve.fee)],
    ["Curve stored_rates", a.curve.weethWeth, I("function stored_rates() view returns (uint256[])"), "stored_rates", [], (g) => (g[0][0] === F.curve.rates[0] && g[0][1] === F.curve.rates[1] ? true : `got ${g}`)],
    ["Curve balances(1)", a.curve.weethWeth, I("function balances(uint256) view returns (uint256)"), "balances", [1n], eq(F.curve.balances[1])],
    // curvesim 0.5.0 (PyPI): CurvePool(1000, D=[10_000e18, 9_000e18], n=2, rates=[1e18, 1.069e18],
    // fee=1e6).exchange(1, 0, 1e18)[0] = 1068934267231584483 (and 935226814577543634967 for
    // exchange(0, 1, 1e21)), to the wei.
    ["Curve get_dy(1, 0, 1e18)", a.curve.weethWeth, I("function get_dy(int128,int128,uint256) view returns (uint256)"), "get_dy", [1n, 0n, 10n ** 18n], eq(1068934267231584483n)],
    ["Curve get_dy(0, 1, 1e21)", a.curve.weethWeth, I("function get_dy(int128,int128,uint256) view returns (uint256)"), "get_dy", [0n, 1n, 10n ** 21n], eq(935226814577543634967n)],
    ["Aave weETH reserve configuration", a.aave.poolDataProvider, dataProvider, "getReserveConfigurationData", [a.etherfi.weETH],
      (g) => (g[1] === F.aave.weeth.ltv && g[2] === F.aave.weeth.liquidationThreshold && g[3] === F.aave.weeth.liquidationBonus && g[4] === F.aave.weeth.reserveFactor ? true : `got ${g}`)],
    ["Aave WETH caps", a.aave.poolDataProvider, caps, "getReserveCaps", [a.weth], (g) => (g[0] === F.aave.weth.borrowCap && g[1] === F.aave.weth.supplyCap ? true : `got ${g}`)],
    ["Aave WETH strategy slope1", a.aave.interestRateStrategy.weth, irm, "getVariableRateSlope1", [], eq(F.aave.weth.strategy.slope1)],
    ["Morpho market(id) totalBorrowAssets", a.morpho.morpho, I("function market(bytes32) view returns (uint128,uint128,uint128,uint128,uint128,uint128)"), "market", [a.morpho.marketId], (g) => (g[2] === F.morpho.borrowed && g[0] === F.morpho.supplied ? true : `got ${g}`)],
    ["Balancer Vault getPoolTokens(ezETH-WETH)", a.balancer.vault, I("function getPoolTokens(bytes32) view returns (address[],uint256[],uint256)"), "getPoolTokens", [a.balancer.ezEthWethId],
      (g) => {
        const B = F.balancer.ezEthWeth;
        const at = (t) => g[0].indexOf(t);
        return g[0].length === 3 && g[1][at(a.renzo.ezETH)] === B.ezEthBalance && g[1][at(a.weth)] === B.wethBalance && g[1][at(a.balancer.ezEthWeth)] === B.bptBalance ? true : `got ${g}`;
      }],
    ["Balancer pool getAmplificationParameter", a.balancer.ezEthWeth, I("function getAmplificationParameter() view returns (uint256,bool,uint256)"), "getAmplificationParameter", [],
      (g) => (g[0] === F.balancer.ezEthWeth.amp * 1000n && g[1] === false && g[2] === 1000n ? true : `got ${g}`)],
    ["Balancer pool getPoolId", a.balancer.ezEthWeth, I("function getPoolId() view returns (bytes32)"), "getPoolId", [],
      (g) => (g[0] === `${a.balancer.ezEthWeth.toLowerCase()}${"0".repeat(23)}1` ? true : `got ${g}`)],
    ["Morpho idToMarketParams lltv", a.morpho.morpho, I("function idToMarketParams(bytes32) view returns (address,address,address,address,uint256)"), "idToMarketParams", [a.morpho.marketId], (g) => (g[4] === F.morpho.lltv && g[1] === a.etherfi.weETH ? true : `got ${g}`)],
  ];
}

/** Runs the reads in one aggregate3 call; returns [{ name, ok, detail }]. */
export async function checkFixture(chain) {
  const provider = new JsonRpcProvider(chain.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const multicall = new Interface(["function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[])"]);
  const list = reads(chain.addresses);
  const calls = list.map(([, target, iface, fn, args]) => ({ target, allowFailure: true, callData: iface.encodeFunctionData(fn, args) }));
  const raw = await provider.call({ to: MULTICALL3, data: multicall.encodeFunctionData("aggregate3", [calls]) });
  const [results] = multicall.decodeFunctionResult("aggregate3", raw);
  provider.destroy();
  return list.map(([name, , iface, fn, , expect], k) => {
    const [success, data] = results[k];
    if (!success) return { name, ok: false, detail: "reverted" };
    const verdict = expect(iface.decodeFunctionResult(fn, data));
    return { name, ok: verdict === true, detail: verdict === true ? "" : verdict };
  });
}

/** The fixture's Curve pool's own quote: get_dy(i, j, dx) in wei (a bigint). */
export async function curveGetDy(chain, i, j, dx) {
  const provider = new JsonRpcProvider(chain.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const getDy = new Interface(["function get_dy(int128,int128,uint256) view returns (uint256)"]);
  const out = await provider.call({ to: chain.addresses.curve.weethWeth, data: getDy.encodeFunctionData("get_dy", [i, j, dx]) });
  provider.destroy();
  return getDy.decodeFunctionResult("get_dy", out)[0];
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const t0 = performance.now();
  const chain = await startChain();
  const up = (performance.now() - t0) / 1000;
  let outcome;
  try {
    outcome = await checkFixture(chain);
  } finally {
    await chain.stop();
  }
  for (const { name, ok, detail } of outcome) console.log(`  ${ok ? "ok  " : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
  const failed = outcome.filter((r) => !r.ok).length;
  console.log(`chain fixture: started and deployed in ${up.toFixed(1)} s, total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${outcome.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}
