// Aave E-mode categories and CAPO adapters in the npm package's live read (issue 18), on the local chain: the
// real v3.0 Pool's category 1 as the fixture configured it through the real PoolConfigurator, and the two
// stand-in CAPO adapters (tests/chain/contracts/CapoStandIn.sol), read with plain `fetch` and checked to the
// integer; then the lending presets and the matrix with them in (ids renamed `core-…`, as the presets read
// them). Runs inside tests/npm/live_read.mjs's chain session.
import { capoMaxRatio, eModeCapoRequest } from "../chain/aave_emode_capo.mjs";

/** Runs the checks through `check(name, ok, detail)`; `refresh(url, request)` is live_read.mjs's. */
export async function checkEModeCapo({ chain, core, refresh, check }) {
  const F = chain.fixture;
  const E = F.aaveEMode;
  const { plan, head, live } = await refresh(chain.url, eModeCapoRequest(chain.addresses, "local", { hostile: true }));
  const raw = (field) => live.values.find((v) => v.field === field)?.raw;
  const value = (field) => live.values.find((v) => v.field === field)?.value;
  check("E-mode + CAPO: 2 + 18 calls planned", plan.calls.length === 20 && plan.calls[0].function === "getEModeCategoryData(uint8)", JSON.stringify(plan.calls.map((c) => c.function)));
  check("E-mode 1 on the real Pool: LTV / LT / bonus 9000 / 9300 / 10200 bps → 0.90 / 0.93 / 0.02",
    raw("aaveEModes.local-1.ltv") === E.ltv.toString() && raw("aaveEModes.local-1.liquidationThreshold") === E.liquidationThreshold.toString() && raw("aaveEModes.local-1.liquidationBonus") === E.liquidationBonus.toString()
      && value("aaveEModes.local-1.ltv") === 0.9 && value("aaveEModes.local-1.liquidationThreshold") === 0.93 && value("aaveEModes.local-1.liquidationBonus") === 0.02,
    JSON.stringify(live.values.filter((v) => v.field.startsWith("aaveEModes"))));
  const never = live.failures.find((f) => f.field === "aaveEModes.local-7");
  check("E-mode 7 never configured: a typed failure, not zeros", never?.reason.kind === "unexpectedShape" && never.reason.detail.includes("no E-mode category"), JSON.stringify(never));
  const w = F.capo.weETH;
  const weethRate = (F.etherfi.totalPooledEther * 10n ** 18n) / F.etherfi.totalShares;
  check("CAPO weETH: snapshot, timestamp, 8.75% a year, the uncapped rate, not capped",
    raw("capoAdapters.local-weETH.snapshotRatio") === w.snapshotRatio.toString() && raw("capoAdapters.local-weETH.snapshotTimestamp") === w.snapshotTimestamp.toString()
      && raw("capoAdapters.local-weETH.maxYearlyGrowthRatePercent") === "875" && value("capoAdapters.local-weETH.maxYearlyGrowthRatePercent") === 0.0875
      && raw("capoAdapters.local-weETH.ratio") === weethRate.toString() && raw("capoAdapters.local-weETH.isCapped") === "0",
    JSON.stringify(live.values.filter((v) => v.field.startsWith("capoAdapters.local-weETH"))));
  const price = F.aave.prices.weth;
  check("CAPO weETH latestAnswer = ETH/USD × rate / 1e18 (3000 × 1.069 = USD 3,207)", raw("capoAdapters.local-weETH.latestAnswer") === ((price * weethRate) / 10n ** 18n).toString(), raw("capoAdapters.local-weETH.latestAnswer"));
  const r = F.capo.rsETH;
  const cap = capoMaxRatio(r, head.blockTimestamp);
  check("CAPO rsETH: capped at the block (1.0615 above 1 + 1% a year since 2023-11-14), latestAnswer = ETH/USD × maxRatio / 1e18",
    raw("capoAdapters.local-rsETH.isCapped") === "1" && raw("capoAdapters.local-rsETH.ratio") === F.kelp.rsEthPrice.toString() && cap < F.kelp.rsEthPrice
      && raw("capoAdapters.local-rsETH.latestAnswer") === ((price * cap) / 10n ** 18n).toString(),
    `${raw("capoAdapters.local-rsETH.latestAnswer")} vs ${(price * cap) / 10n ** 18n} at ${head.blockTimestamp}`);
  const notCapo = live.failures.filter((f) => f.field === "capoAdapters.not-an-adapter");
  check("a contract that is no CAPO adapter: six reverts, each typed", notCapo.length === 6 && notCapo.every((f) => f.reason.kind === "reverted"), JSON.stringify(notCapo));

  // The presets with them in: Core category 1 → the ETH-correlated E-mode preset; the weETH adapter → both
  // weETH presets' oracle, the rsETH adapter → the rsETH E-mode preset's.
  const coreLive = (await refresh(chain.url, eModeCapoRequest(chain.addresses, "core"))).live;
  const lending = core.liveLendingMarkets(coreLive);
  const emode = lending.markets.find((m) => m.id === "aave-v3-eth-emode");
  check("liveLendingMarkets: the ETH-correlated E-mode preset takes 0.90 / 0.93 / 0.02 at the block",
    emode.ltv.value === 0.9 && emode.liquidationThreshold.value === 0.93 && emode.liquidationBonus.value === 0.02 && emode.ltv.basis.citation.startsWith("getEModeCategoryData(uint8) on ") && emode.ltv.basis.citation.includes(`block ${coreLive.head.blockNumber},`),
    JSON.stringify(emode.ltv));
  const days = (coreLive.head.blockTimestamp - Number(w.snapshotTimestamp)) / 86_400;
  const o = emode.oracle.value;
  check("liveLendingMarkets: weETH priced by its CAPO adapter (snapshot, 875, days since the snapshot at the block)",
    o.cappedExchangeRate?.maxYearlyRatioGrowthPercent === 875 && Math.abs(o.cappedExchangeRate.snapshotRatio - 1.034656878645040505) < 1e-15 && o.cappedExchangeRate.daysSinceSnapshot === days,
    JSON.stringify(emode.oracle));
  const rseth = lending.markets.find((m) => m.id === "aave-v3-rseth-emode");
  check("liveLendingMarkets: the rsETH preset's oracle from its adapter, its LTV kept (no core-3 read)", rseth.oracle.value.cappedExchangeRate?.maxYearlyRatioGrowthPercent === 100 && rseth.ltv.value === 0.93, JSON.stringify(rseth.oracle));
  const changed = lending.changes.filter((c) => c.market === "aave-v3-eth-emode").map((c) => `${c.field}:${c.preset ?? "none"}→${c.live}`);
  check("liveLendingMarkets: each change beside the preset",
    changed.includes("ltv:0.93→0.9") && changed.includes("liquidationThreshold:0.95→0.93") && changed.includes("liquidationBonus:0.01→0.02") && changed.includes("oracle.maxYearlyRatioGrowthPercent:none→0.0875"),
    JSON.stringify(changed));
  // A category target naming its collateral also reads the collateral's standing: on the real v3.0 Pool the
  // reserve id is read (chain.mjs lists WETH then weETH with initReserves, and the Pool numbers reserves in
  // listing order: weETH is reserve 1), the v3.2+ bitmaps revert (v3.0 has neither getter), and a token the Pool
  // does not list (the rsETH stand-in) is refused as no reserve. Without the bitmaps the standing is unknown, and
  // Core 1's LTV still goes into the ETH-correlated preset.
  const standingRequest = {
    allowLocalChain: true,
    aaveEModes: [
      { id: "core-1", pool: chain.addresses.aave.pool, category: 1, collateral: chain.addresses.etherfi.weETH },
      { id: "local-rs", pool: chain.addresses.aave.pool, category: 1, collateral: chain.addresses.kelp.rsETH },
    ],
  };
  const standing = await refresh(chain.url, standingRequest);
  check("E-mode standing: 2 × (getEModeCategoryData, getReserveData, the two bitmaps) planned",
    JSON.stringify(standing.plan.calls.slice(0, 4).map((c) => c.function)) === JSON.stringify(["getEModeCategoryData(uint8)", "getReserveData(address)", "getEModeCategoryCollateralBitmap(uint8)", "getEModeCategoryLtvzeroBitmap(uint8)"]) && standing.plan.calls.length === 8,
    JSON.stringify(standing.plan.calls.map((c) => c.function)));
  const sv = (field) => standing.live.values.find((v) => v.field === field);
  check("E-mode standing: weETH's reserve id 1 from the real Pool's getReserveData", sv("aaveEModes.core-1.reserveId")?.raw === "1", JSON.stringify(sv("aaveEModes.core-1.reserveId")));
  const failed = (field, fn) => standing.live.failures.find((f) => f.field === field && f.function === fn);
  const bitmaps = ["getEModeCategoryCollateralBitmap(uint8)", "getEModeCategoryLtvzeroBitmap(uint8)"].map((fn) => failed("aaveEModes.core-1", fn));
  check("E-mode standing: the v3.2+ bitmaps revert on the v3.0 Pool, each a typed failure", bitmaps.every((f) => f?.reason.kind === "reverted"), JSON.stringify(bitmaps));
  const notReserve = failed("aaveEModes.local-rs", "getReserveData(address)");
  check("E-mode standing: a token the Pool does not list is no reserve", notReserve?.reason.kind === "unexpectedShape" && notReserve.reason.detail.includes("not a reserve of this Pool"), JSON.stringify(notReserve));
  const unknown = core.liveLendingMarkets(standing.live);
  const emode1 = unknown.markets.find((m) => m.id === "aave-v3-eth-emode");
  check("liveLendingMarkets: without the bitmaps Core 1's LTV still goes in (0.90), nothing kept", emode1.ltv.value === 0.9 && unknown.kept.length === 0, JSON.stringify(unknown.kept));

  // The matrix's leverage row follows: ether.fi's main market is the E-mode preset, 1/(1 − 0.90) = 10×.
  const matrix = core.comparisonMatrix(undefined, undefined, coreLive);
  const lev = matrix.quantitative.find((row) => row.id === "maxLeverage");
  const etherfi = matrix.protocols.findIndex((p) => p.id === "etherfi");
  check("comparisonMatrix(…, live): ether.fi max leverage 10× on the live E-mode", Math.abs(lev.cells[etherfi].value - 10) < 1e-9, JSON.stringify(lev.cells[etherfi]));
}
