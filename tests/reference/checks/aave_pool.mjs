// The real Aave v3 Pool on a local chain: `@aave/core-v3` 1.19.3, deployed by tests/chain (see
// its README). These artifacts are **Aave v3.0 logic**, so liquidations are compared with the
// engine's older-rules option, `rules: { kind: "closeFactor" }` (v3.0–v3.2: close factor 50%
// while HF > 0.95, else 100%; no position sizes, no dust rule; aave/aave-v3-core
// `contracts/protocol/libraries/logic/LiquidationLogic.sol`). `@aave/core-v3` stops at v3.0
// logic, so the current rules (v3.3+, `aaveV33`) are not compared here.
//
// 1. Liquidations. Seeded positions (weETH collateral, WETH debt, both USD prices, the weETH
//    reserve's LTV, threshold, bonus and liquidation protocol fee) are built on the Pool, which
//    then runs `liquidationCall` for several debt-to-cover amounts from the same snapshot: the
//    maximum (type(uint256).max), above the cap, below it, and a few wei. What the liquidator
//    paid and received and the treasury's fee (balances, wei) are compared with
//    `liquidationQuote` for the same parameters and the position the call saw (the debt at the
//    call's block). The quote gives the largest liquidation; a smaller request repays itself and
//    seizes in the quote's proportion (seized / maxRepay = LIF / price). A healthy position
//    (HF ≥ 1) must be refused by both: the Pool reverts with '45'
//    (HEALTH_FACTOR_NOT_BELOW_THRESHOLD), the quote allows nothing.
//    Tolerance: a request under the cap is repaid to the wei (both sides: the request itself);
//    otherwise relative 1e-12 plus 2 wei. The engine works in f64 on ETH units (about 16
//    digits: seeds 1–4 differ by at most 6.7e-16 relative); the Pool in integer wei, where
//    `baseCollateral` is a floor division (< 1 wei, then × LIF ≤ 1.5) and `percentMul` /
//    `percentDiv` round half up (≤ ½ wei), so each output is under 2 wei from the exact
//    value (seen: 1.69 wei on a few-wei request). The fee is compared relative to the seized
//    amount it is a share of (the engine takes `seized − seized / LIF`, whose f64 error
//    scales with the seized amount).
//    The health factor and available borrows (getUserAccountData) are in the oracle's
//    8-decimal USD: the Pool floors each position's value to 1e-8 USD, so the tolerance is
//    relative 2/collateralBase + 2/debtBase (+1e-12).
//    Positions are drawn with HF at least 1e-4 away from 1 and 0.95 (where the rules switch):
//    at a switch the Pool's floored HF and the engine's f64 HF may fall on different sides.
// 2. The v3.0 interest-rate strategy against the engine's v3.4+
//    `DefaultReserveInterestRateStrategyV2` (aave-dao/aave-v3-origin), on seeded rate parameters (whole bps, within v3.4+'s bounds:
//    U* 1%..99%, slope2 ≥ slope1, base + slopes ≤ 1,000%) and reserve states. What differs:
//    - v3.0 has stable-rate debt (its own rate, offset and the debt in the totals); v3.4+ has
//      none. Excluded: every state has totalStableDebt = 0 and the stable rate is not compared.
//    - v3.0 reads the available liquidity as `IERC20(reserve).balanceOf(aToken) +
//      liquidityAdded − liquidityTaken` (a donation counts), v3.4+ the pool's
//      `virtualUnderlyingBalance`. The call passes an aToken holding none of the reserve, so
//      v3.0's figure is exactly `liquidityAdded`, the engine's `availableLiquidity`.
//    - v3.0's supply rate starts from the overall borrow rate `(D·1e9).rayMul(r).rayDiv(D·1e9)`,
//      v3.4+ from `r`. With D a whole number of tokens, D·1e9 is a whole number of rays and
//      the two are equal; otherwise they differ by at most K = ⌊5e17 / D⌋ + 1 ray units (one
//      half-up rounding of D·r/1e18, scaled back by 1e18/D, then rounded again), and so does the
//      supply rate after its own `rayMul` and `percentMul`.
//    - v3.0 takes rays at deployment (one contract per reserve); v3.4+ bps per reserve.
//    - v3.0's `unbacked` is v3.4+'s `unbacked + deficit` with no deficit.
//    Tolerance: none for the variable borrow rate; the supply rate exact with whole-token debt,
//    within K ray units otherwise.
const E18 = 10n ** 18n;
const MAX_UINT = 2n ** 256n - 1n;
const eth = (wei) => Number(wei) / 1e18;

// Allowed |ours − theirs| for an amount `theirs` (ETH or tokens): relative 1e-12 of `scale` and 2 wei.
const amount = (tally, check, ours, theirsWei, what, scale = theirsWei) => {
  const theirs = eth(theirsWei);
  const allowed = 1e-12 * eth(scale) + 2e-18;
  tally.expect(check, Number.isFinite(ours) && Math.abs(ours - theirs) <= allowed,
    () => `${what}: ours ${ours}, Pool ${theirsWei} wei (allowed ±${allowed})`);
};

/** A random whole-wei amount of about 10^lo..10^hi tokens. */
const wei = (r, lo, hi) => BigInt(Math.round(10 ** r.between(lo, hi) * 1e6)) * 10n ** 12n + BigInt(r.int(0, 1e12 - 1));

function drawPosition(r) {
  const liquidationThreshold = r.int(5000, 9500);
  const ltv = r.int(Math.ceil(liquidationThreshold / 2), liquidationThreshold);
  // configureReserveAsCollateral: bonus > 100% and LT.percentMul(bonus) ≤ 100%.
  const liquidationBonus = r.int(10_001, Math.min(15_000, Math.floor((1e8 + 4999) / liquidationThreshold)));
  const protocolFee = r.pick([0, 0, 1000, r.int(1, 10_000)]);
  // HF bands: healthy; close factor 50% (0.95 < HF < 1); 100% with collateral to spare; 100%
  // taking all the collateral (repaid·LIF ≥ its worth: HF < LT·LIF, at most 1.00005).
  const ltLif = (liquidationThreshold * liquidationBonus) / 1e8;
  let band = r.pick(["healthy", "halfClose", "fullClose", "allCollateral"]);
  if (band === "fullClose" && ltLif > 0.9498) band = "allCollateral";
  const hf = {
    healthy: r.between(1.0001, 2.5),
    halfClose: r.between(0.9501, 0.9999),
    fullClose: r.between(Math.max(0.2, ltLif + 1e-4), 0.9499),
    allCollateral: r.between(0.2, Math.min(0.9499, ltLif - 1e-4)),
  }[band];
  const weth = BigInt(r.int(500e8, 10_000e8)); // USD, 8 decimals
  const weeth = BigInt(Math.round(Number(weth) * r.between(0.3, 1.5)));
  const collateral = wei(r, -2, 4);
  // D = C·p·LT/HF, p = weeth/weth.
  const debt = (collateral * weeth * BigInt(liquidationThreshold) * 1_000_000n) / (weth * 10_000n * BigInt(Math.round(hf * 1e6)));
  return {
    ltv: BigInt(ltv), liquidationThreshold: BigInt(liquidationThreshold), liquidationBonus: BigInt(liquidationBonus),
    protocolFee: BigInt(protocolFee), collateral, debt, prices: { weth, weeth }, band,
  };
}

const market = (s) => ({
  ltv: Number(s.ltv) / 1e4,
  liquidationThreshold: Number(s.liquidationThreshold) / 1e4,
  liquidationBonus: Number(s.liquidationBonus - 10_000n) / 1e4,
  closeFactor: 0.5,
  fullCloseHf: 0.95,
  oracle: "exchangeRate",
  liquidationProtocolFee: Number(s.protocolFee) / 1e4,
  rules: { kind: "closeFactor" },
});

async function liquidations(core, tally, r, pool, positions) {
  let calls = 0;
  for (let k = 0; k < positions; k += 1) {
    const s = drawPosition(r);
    const p = await pool.position(s);
    const b = p.before;
    const price = Number(s.prices.weeth) / Number(s.prices.weth);
    const what = `position ${k} (${s.band}): C ${s.collateral} wei weETH, D ${b.debt} wei WETH, prices ${s.prices.weeth}/${s.prices.weth}, ` +
      `LTV ${s.ltv} LT ${s.liquidationThreshold} bonus ${s.liquidationBonus} fee ${s.protocolFee} bps`;
    const m = market(s);
    const q0 = core.liquidationQuote(m, { collateral: eth(b.collateral), debt: eth(b.debt), price });
    const rel = 2 / Number(b.totalCollateralBase) + 2 / Number(b.totalDebtBase) + 1e-12;
    tally.close("aave-pool-health-factor", q0.healthFactor, Number(b.healthFactor) / 1e18, rel, what);
    const available = Number(b.availableBorrowsBase) / Number(s.prices.weth); // ETH
    tally.expect("aave-pool-available-borrows",
      Math.abs(q0.availableBorrow - available) <= rel * Math.max(available, eth(b.debt)) + 2 / Number(s.prices.weth),
      () => `${what}: ours ${q0.availableBorrow}, Pool ${b.availableBorrowsBase} (USD 1e-8) = ${available} ETH`);

    if (s.band === "healthy") {
      const got = await p.liquidate(MAX_UINT);
      calls += 1;
      tally.expect("aave-pool-healthy-refused", got.reverted === "45" && q0.maxRepay === 0 && q0.seized === 0,
        () => `${what}: Pool ${got.reverted ? `reverted '${got.reverted}'` : `repaid ${got.repaid}`}, ours maxRepay ${q0.maxRepay}`);
      continue;
    }
    // The cap the Pool's own view implies (close factor, then the collateral's worth / LIF), to
    // draw requests above and below it; the call's block adds one second of interest.
    const closeFactor = b.healthFactor > 95n * 10n ** 16n ? 5000n : 10_000n;
    const byCollateral = (b.collateral * s.prices.weeth * 10_000n) / (s.prices.weth * s.liquidationBonus);
    const cap = [(b.debt * closeFactor) / 10_000n, byCollateral].reduce((x, y) => (x < y ? x : y));
    const requests = [
      ["max", MAX_UINT],
      ["above the cap", cap + (cap * BigInt(r.int(1, 1e6))) / 1_000_000n + 1n],
      ["below the cap", (cap * BigInt(r.int(1, 999_999))) / 1_000_000n],
      ["a few wei", BigInt(r.int(1, 1e6))],
    ];
    for (const [kind, request] of requests) {
      const got = await p.liquidate(request);
      calls += 1;
      const at = `${what}, request ${kind} ${request === MAX_UINT ? "type(uint256).max" : `${request} wei`}`;
      if (got.reverted) {
        tally.fail("aave-pool-liquidation", `${at}: the Pool reverted '${got.reverted}', ours maxRepay ${q0.maxRepay}`);
        continue;
      }
      const q = core.liquidationQuote(m, { collateral: eth(got.collateral), debt: eth(got.debt), price });
      // A request under the quote's maximum repays itself and seizes in the quote's proportion.
      const share = request === MAX_UINT || eth(request) >= q.maxRepay ? 1 : eth(request) / q.maxRepay;
      const seized = got.seized + got.protocolFee;
      // Under the cap both sides repay the request itself: integers, to the wei.
      if (share < 1) tally.exact("aave-pool-repaid", got.repaid, request, at);
      else amount(tally, "aave-pool-repaid", q.maxRepay, got.repaid, at);
      amount(tally, "aave-pool-seized", q.seized * share, seized, at);
      amount(tally, "aave-pool-protocol-fee", q.protocolFee * share, got.protocolFee, at, seized);
    }
  }
  return calls;
}

// A reserve state for the strategy: usage anywhere, at 0, at the kink, at 100%, with unbacked supply.
function drawState(r, optimalBps, wholeTokens) {
  // Whole tokens, or any wei (10^0 .. 10^(hi+18) wei).
  const amountOf = (lo, hi) =>
    wholeTokens ? BigInt(Math.round(10 ** r.between(lo, hi))) * E18 : BigInt(Math.round(10 ** r.between(0, hi + 18))) + BigInt(r.int(0, 1e6));
  const reserveFactor = BigInt(r.int(0, 10_000));
  const unbacked = r.int(0, 3) === 0 ? amountOf(0, 6) : 0n;
  const kind = r.pick(["any", "any", "empty", "kink", "full"]);
  if (kind === "empty") return { debt: 0n, liquidity: amountOf(0, 9), unbacked, reserveFactor };
  if (kind === "full") return { debt: amountOf(0, 9), liquidity: 0n, unbacked, reserveFactor };
  if (kind === "kink") {
    const n = wholeTokens ? BigInt(r.int(1, 1e5)) * E18 : wei(r, -6, 5);
    return { debt: BigInt(optimalBps) * n, liquidity: BigInt(10_000 - optimalBps) * n, unbacked, reserveFactor };
  }
  return { debt: amountOf(0, 9), liquidity: amountOf(0, 9), unbacked, reserveFactor };
}

async function strategies(core, tally, r, pool, fixture, addresses, statesPerStrategy) {
  const rayOfBps = (bps) => BigInt(bps) * 10n ** 23n;
  const bpsOfRay = (ray) => Number(ray / 10n ** 23n);
  const list = ["weth", "weeth"].map((key) => {
    const s = fixture.aave[key].strategy;
    return { address: addresses.aave.interestRateStrategy[key], data: {
      optimalUsageRatio: bpsOfRay(s.optimal), baseVariableBorrowRate: bpsOfRay(s.base),
      variableRateSlope1: bpsOfRay(s.slope1), variableRateSlope2: bpsOfRay(s.slope2) } };
  });
  for (let k = 0; k < 8; k += 1) {
    const base = r.int(0, 2000);
    const slope1 = r.int(0, 3000);
    const data = { optimalUsageRatio: r.int(100, 9900), baseVariableBorrowRate: base, variableRateSlope1: slope1,
      variableRateSlope2: r.int(slope1, Math.min(30_000, 100_000 - base - slope1)) };
    const address = await pool.strategy({ optimal: rayOfBps(data.optimalUsageRatio), base: rayOfBps(base),
      slope1: rayOfBps(slope1), slope2: rayOfBps(data.variableRateSlope2) });
    list.push({ address, data });
  }
  let states = 0;
  for (const { address, data } of list) {
    const drawn = Array.from({ length: statesPerStrategy }, (_, i) => drawState(r, data.optimalUsageRatio, i % 2 === 0));
    const theirs = await pool.interestRates(address, drawn);
    drawn.forEach((st, i) => {
      const ours = core.aaveInterestRates(data, { totalDebt: `${st.debt}`, availableLiquidity: `${st.liquidity}`,
        unbacked: `${st.unbacked}`, reserveFactor: Number(st.reserveFactor) });
      const what = `U* ${data.optimalUsageRatio} base ${data.baseVariableBorrowRate} slopes ${data.variableRateSlope1}/${data.variableRateSlope2} bps; ` +
        `debt ${st.debt}, liquidity ${st.liquidity}, unbacked ${st.unbacked} wei, reserve factor ${st.reserveFactor} bps`;
      tally.exact("aave-strategy-variable-rate", ours.variableBorrowRate, theirs[i].variableBorrowRate, what);
      const whole = st.debt % E18 === 0n;
      if (whole) tally.exact("aave-strategy-supply-rate", ours.liquidityRate, theirs[i].liquidityRate, what);
      else {
        const K = 5n * 10n ** 17n / st.debt + 1n;
        const d = BigInt(ours.liquidityRate) - theirs[i].liquidityRate;
        tally.expect("aave-strategy-supply-rate", (d < 0n ? -d : d) <= K,
          () => `${what}: ours ${ours.liquidityRate}, contract ${theirs[i].liquidityRate} (allowed ±${K} ray units)`);
      }
    });
    states += drawn.length;
  }
  return states;
}

/**
 * Starts the chain, runs both parts and stops it. `cases` sets the size: cases/4 positions (four
 * liquidation calls each, one when healthy) and `cases` strategy states over ten strategies.
 * Resolves to `{ calls, states, seconds }` (seconds: the chain's start, the liquidations, the strategies).
 */
export async function checkAavePool(core, tally, r, cases) {
  const { startChain } = await import("../../chain/chain.mjs");
  const { openAavePool } = await import("../../chain/aave_pool.mjs");
  const t0 = Date.now();
  const chain = await startChain();
  let pool = null;
  try {
    pool = await openAavePool(chain);
    const t1 = Date.now();
    const calls = await liquidations(core, tally, r, pool, Math.max(1, Math.round(cases / 4)));
    const t2 = Date.now();
    const states = await strategies(core, tally, r, pool, chain.fixture, chain.addresses, Math.max(1, Math.round(cases / 10)));
    const seconds = [t1 - t0, t2 - t1, Date.now() - t2].map((ms) => (ms / 1000).toFixed(1));
    return { calls, states, seconds };
  } finally {
    pool?.close();
    await chain.stop();
  }
}
