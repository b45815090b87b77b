// Balancer v2 pools in the npm package's live read (issue 18), on the local chain: the stand-in Vault and
// ComposableStable ezETH/WETH pool (tests/chain/contracts/BalancerStandIn.sol, tests/chain/balancer.mjs) read
// with plain `fetch` and checked to the integer, the pool the cascade takes from them (`livePools`), a "pool"
// that is no Balancer pool (each call a typed failure, the pool listed with why), and the order of venues
// when Curve's pool is read beside it. Runs inside tests/npm/live_read.mjs's chain session.
import { balancerRequest } from "../chain/balancer.mjs";
import { localRequest } from "../chain/vectors.mjs";

/** Runs the checks through `check(name, ok, detail)`; `refresh(url, request)` is live_read.mjs's. */
export async function checkBalancer({ chain, core, refresh, check }) {
  const a = chain.addresses;
  const B = chain.fixture.balancer.ezEthWeth;
  const { plan, head, live } = await refresh(chain.url, balancerRequest(a, { hostile: true }));
  const raw = (name) => live.values.find((v) => v.field === `balancerPools.ezETH-WETH.${name}`)?.raw;
  const value = (name) => live.values.find((v) => v.field === `balancerPools.ezETH-WETH.${name}`)?.value;
  check("Balancer: 2 pools × 6 calls planned, the Vault's getPoolTokens first",
    plan.calls.length === 12 && plan.calls[0].function === "getPoolTokens(bytes32)" && plan.calls[0].address.toLowerCase() === a.balancer.vault.toLowerCase(),
    JSON.stringify(plan.calls.slice(0, 6).map((c) => c.function)));
  // The Vault lists the BPT, ezETH and WETH sorted by address, as Balancer registers them.
  const sorted = [a.balancer.ezEthWeth, a.renzo.ezETH, a.weth].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1));
  const at = (t) => sorted.indexOf(t);
  check("Balancer getPoolTokens: positions as registered, raw balances 8,000 ezETH / 8,500 WETH to the wei",
    value("tokens.bptIndex") === at(a.balancer.ezEthWeth) && value("tokens.lrtIndex") === at(a.renzo.ezETH) && value("tokens.ethIndex") === at(a.weth)
      && raw("lrtBalance") === B.ezEthBalance.toString() && raw("ethBalance") === B.wethBalance.toString() && value("lrtBalance") === 8000 && value("ethBalance") === 8500
      && value("lastChangeBlock") > 0 && value("lastChangeBlock") <= head.blockNumber && value("bptIndex") === at(a.balancer.ezEthWeth) && value("poolIdMatches") === 1,
    JSON.stringify(live.values.filter((v) => v.field.startsWith("balancerPools.ezETH-WETH"))));
  check("Balancer pool: A = 200,000 / 1,000 = 200, fee 4e14 / 1e18 = 0.04%, ezETH's scaling factor 1.043 (Renzo's rate)",
    raw("amplification") === (B.amp * 1000n).toString() && value("amplification") === 200 && value("amplificationIsUpdating") === 0
      && raw("swapFee") === B.swapFee.toString() && value("swapFee") === 0.0004
      && raw(`scalingFactors[${at(a.renzo.ezETH)}]`) === B.ezEthScaling.toString() && value(`scalingFactors[${at(a.weth)}]`) === 1,
    JSON.stringify(live.values.filter((v) => /amplification|swapFee|scalingFactors/.test(v.field))));
  const wrong = live.failures.filter((f) => f.field === "balancerPools.not-a-pool");
  check("a contract that is no Balancer pool: six reverts, each typed", wrong.length === 6 && wrong.every((f) => f.reason.kind === "reverted"), JSON.stringify(wrong));
  const pools = core.livePools(live);
  const p = pools.find((x) => x.id === "ezETH-WETH");
  check("livePools: Balancer v2 ezETH/WETH — 8,000 ezETH at 1.043 / 8,500 ETH, A 200, 0.04% of the input, at the block",
    p?.venue === "balancerV2" && p.pool?.lrtReserve === 8000 && p.pool.ethReserve === 8500 && p.pool.lrtRate === 1.043 && p.pool.kind.kind === "stableswap" && p.pool.kind.amplification === 200
      && p.pool.fee.kind === "onInput" && p.pool.fee.fee === 0.0004 && p.basis?.blockNumber === head.blockNumber && p.basis.address.toLowerCase() === a.balancer.vault.toLowerCase(),
    JSON.stringify(p));
  const none = pools.find((x) => x.id === "not-a-pool");
  check("livePools: the contract that is no pool is listed with why, never half-built", none?.pool == null && typeof none?.reason === "string" && none.reason.includes("was not read"), JSON.stringify(none));
  // Beside the Curve pool: Curve's come first, then Balancer's, each built.
  const both = (await refresh(chain.url, { ...localRequest(a), ...balancerRequest(a) })).live;
  const order = core.livePools(both).map((x) => `${x.venue}:${x.id}:${x.pool ? "built" : "no"}`);
  check("livePools: Curve's pools, then Balancer's", JSON.stringify(order) === JSON.stringify(["curve:weETH-WETH:built", "balancerV2:ezETH-WETH:built"]), JSON.stringify(order));
}
