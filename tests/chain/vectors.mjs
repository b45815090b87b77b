// Writes core/tests/fixtures/live_local.json: the answers the local chain gives to restake-core's
// live-read plan, with the calldata ethers encodes for the same calls, so the native test
// (core/tests/live_read.rs) checks core's encoding against ethers and its decoding against real
// node output, pinned (no chain needed to run it).
//   node tests/chain/vectors.mjs
import { writeFileSync } from "node:fs";
import { Interface } from "ethers";
import { FIXTURE, MULTICALL3, startChain } from "./chain.mjs";

/** The request core plans, for the fixture's addresses (the order of its calls is core's). */
export function localRequest(a) {
  return {
    allowLocalChain: true,
    rates: [
      { id: "weETH", token: a.etherfi.weETH, rate: { kind: "getRate", address: a.etherfi.weETH } },
      { id: "ezETH", token: a.renzo.ezETH, rate: { kind: "getRate", address: a.renzo.balancerRateProvider } },
      { id: "rsETH", token: a.kelp.rsETH, rate: { kind: "rsEthPrice", address: a.kelp.lrtOracle } },
      { id: "wstETH", token: a.lido.wstETH, rate: { kind: "stEthPerToken", address: a.lido.wstETH } },
    ],
    curvePools: [{ id: "weETH-WETH", pool: a.curve.weethWeth, lrt: a.etherfi.weETH }],
    aaveReserves: [
      { id: "local-WETH", dataProvider: a.aave.poolDataProvider, asset: a.weth, strategy: { kind: "v30", address: a.aave.interestRateStrategy.weth } },
      { id: "local-weETH", dataProvider: a.aave.poolDataProvider, asset: a.etherfi.weETH, strategy: { kind: "v30", address: a.aave.interestRateStrategy.weeth } },
    ],
    morphoMarkets: [{ id: "weETH-WETH-94.5", morpho: a.morpho.morpho, marketId: a.morpho.marketId }],
  };
}

/** The same calls as core plans them, encoded by ethers: [target, signature, args]. */
function ethersCalls(req) {
  const out = [];
  const rateFn = { getRate: "getRate()", rsEthPrice: "rsETHPrice()", stEthPerToken: "stEthPerToken()" };
  for (const r of req.rates) out.push([r.rate.address, rateFn[r.rate.kind], []], [r.token, "totalSupply()", []]);
  for (const p of req.curvePools) {
    out.push([p.pool, "balances(uint256)", [0n]], [p.pool, "coins(uint256)", [0n]], [p.pool, "balances(uint256)", [1n]], [p.pool, "coins(uint256)", [1n]]);
    out.push([p.pool, "A()", []], [p.pool, "fee()", []], [p.pool, "offpeg_fee_multiplier()", []], [p.pool, "stored_rates()", []]);
  }
  for (const r of req.aaveReserves) {
    for (const f of ["getReserveConfigurationData(address)", "getReserveCaps(address)", "getReserveData(address)"]) out.push([r.dataProvider, f, [r.asset]]);
    for (const f of ["OPTIMAL_USAGE_RATIO()", "getBaseVariableBorrowRate()", "getVariableRateSlope1()", "getVariableRateSlope2()"]) out.push([r.strategy.address, f, []]);
  }
  for (const m of req.morphoMarkets) out.push([m.morpho, "idToMarketParams(bytes32)", [m.marketId]], [m.morpho, "market(bytes32)", [m.marketId]]);
  return out.map(([target, sig, args]) => ({ target, allowFailure: true, callData: new Interface([`function ${sig}`]).encodeFunctionData(sig.split("(")[0], args) }));
}

async function post(url, body) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return res.text();
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const chain = await startChain();
  try {
    const req = localRequest(chain.addresses);
    const multicall = new Interface(["function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[])"]);
    const data = multicall.encodeFunctionData("aggregate3", [ethersCalls(req)]);
    const chainId = await post(chain.url, { jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] });
    const block = await post(chain.url, { jsonrpc: "2.0", id: 2, method: "eth_getBlockByNumber", params: ["latest", false] });
    const number = JSON.parse(block).result.number;
    const call = await post(chain.url, { jsonrpc: "2.0", id: 3, method: "eth_call", params: [{ to: MULTICALL3, data }, number] });
    const s = (v) => (typeof v === "bigint" ? v.toString() : v);
    const out = { request: req, ethersCalldata: [data], replies: { head: [chainId, block], calls: [call] }, fixture: JSON.parse(JSON.stringify(FIXTURE, (_k, v) => s(v))) };
    writeFileSync(new URL("../../core/tests/fixtures/live_local.json", import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
    console.log(`wrote core/tests/fixtures/live_local.json (block ${Number(number)}, ${call.length} bytes of aggregate3 answer)`);
  } finally {
    await chain.stop();
  }
}
