// The exports of the npm package as the hostile suite sees them: for each, a valid base (the
// arguments cases mutate), a smaller valid input for the health check, and the call; and the
// health check itself, which calls every export and compares each answer with the one it gave
// before the first case. Shared by worker.mjs (the cases) and trap.mjs (a forced trap).

/** The specs of package `m`'s exports and its health check (baseline answers taken now). */
export function exportSpecs(m) {
  const d = m.defaultScenario();
  const sd = m.slashingDemo();
  const sec = m.securityDemo();
  const small = { version: 3, network: sd.network, risk: { ...d.risk, paths: 50, seed: 1 } };
  const graph = {
    validators: [{ id: "v1", stakeEth: 100 }, { id: "v2", stakeEth: 50 }],
    services: [{ id: "s1", profitEth: 60, threshold: { numerator: 1, denominator: 2 } }],
    edges: [["v1", "s1"], ["v2", "s1"]],
  };
  const queue = { queuedEth: 1000, totalStakedEth: 36e6 };
  /** The slashing demo's network cut to one LRT, one operator and one AVS: the health check's input. */
  function tinyNetwork(n) {
    const keep = (xs, f) => xs.filter(f);
    return {
      ...n,
      protocols: keep(n.protocols, (p) => p.id === "etherfi"),
      operators: keep(n.operators, (o) => o.id === "op-a"),
      avss: keep(n.avss, (a) => a.id === "da"),
      delegations: keep(n.delegations, (x) => x.protocol === "etherfi" && x.operator === "op-a"),
      allocations: keep(n.allocations, (x) => x.operator === "op-a" && x.avs === "da"),
      positions: keep(n.positions, (x) => x.protocol === "etherfi"),
      restaking: keep(n.restaking ?? [], (x) => x.protocol === "etherfi"),
    };
  }
  const tiny = { version: 3, network: tinyNetwork(sd.network) };
  const tinyEvents = [{ kind: "avsWide", avs: "da", fraction: 0.2 }];
  const tinySecurity = { ...sec.params, services: sec.params.services.filter((x) => x.avs === "da") };
  const fragment = m.scenarioToFragment(small);
  const tinyFragment = m.scenarioToFragment(tiny);
  const yieldInput = m.yieldPresets()[0].input;
  const bridgeInput = m.bridgePresetRsEth2026().input;
  const cascadeInput = m.cascadePresetEzEth2024().input;
  const markets = m.lendingMarkets();
  const quoteMarket = {
    ltv: markets[1].ltv.value, liquidationThreshold: markets[1].liquidationThreshold.value,
    liquidationBonus: markets[1].liquidationBonus.value, closeFactor: markets[1].closeFactor.value,
    fullCloseHf: markets[1].fullCloseHf.value, oracle: markets[1].oracle.value,
    liquidationProtocolFee: markets[1].liquidationProtocolFee.value, rules: markets[1].rules.value,
  };
  // EigenLayer's dual-slashing edge case, scenario B (eigenlayer-contracts,
  // docs/core/accounting/DualSlashingEdgeCase.md), as tests/npm/consumer.mjs runs it.
  const dual = {
    protocols: [], avss: [{ id: "avs", name: "AVS" }],
    operators: [{ id: "op", name: "Op", otherDelegatedEth: 32, otherNativeShare: 1 }],
    allocations: [{ operator: "op", avs: "avs", magnitude: 1 }],
  };
  const timelineActions = [
    { block: 1, action: { kind: "slash", operator: "op", avs: "avs", fraction: 0.75 } },
    { block: 2, action: { kind: "beaconBalanceDrop", staker: "others@op", amountEth: 16 } },
    { block: 3, action: { kind: "checkpoint", staker: "others@op" } },
  ];

  /** A finished network import of the demo network, Renzo complete (what `NetworkImporter` gives). */
  const demoImport = {
    head: { chainId: 1, blockNumber: 16, blockTimestamp: 5, blockHash: `0x${"ab".repeat(32)}` },
    network: sd.network, bases: [], pending: [], assumptions: [], rounds: 6, calls: 40,
    lrts: [{ protocol: "renzo", phase: "done", done: 1, stakersListed: 2, stakersRead: 2, operators: 2, complete: true, issues: [] }],
  };
  /** Each export: its valid arguments, how each is mutated (`json`, `text`, `fragment`) and the call. */
  const SPECS = {
    comparisonMatrix: { args: () => [queue, small], call: (a) => m.comparisonMatrix(...a) },
    parseScenario: { args: () => [JSON.stringify(small)], health: () => [JSON.stringify(tiny)], kinds: ["text"], doc: small, call: (a) => m.parseScenario(...a) },
    scenarioFromFragment: { args: () => [fragment], health: () => [tinyFragment], kinds: ["fragment"], call: (a) => m.scenarioFromFragment(...a) },
    runScenario: { args: () => [small], health: () => [tiny], call: (a) => m.runScenario(...a) },
    scenarioToFragment: { args: () => [small], health: () => [tiny], call: (a) => m.scenarioToFragment(...a) },
    setPosition: {
      args: () => [small, { protocol: "etherfi", amountEth: 10, horizonYears: 1, loop: { kind: "healthFactor", healthFactor: 1.5 } }],
      health: () => [tiny, { protocol: "etherfi", amountEth: 1, horizonYears: 1 }],
      call: (a) => m.setPosition(...a),
    },
    positionAnswer: { args: () => [small], health: () => [{ ...tiny, risk: { ...d.risk, paths: 20, seed: 1 } }], call: (a) => m.positionAnswer(...a) },
    simulateRisk: { args: () => [small, { paths: 50, seed: 1 }], health: () => [tiny, { paths: 20, seed: 1 }], call: (a) => m.simulateRisk(...a) },
    RiskRun: {
      args: () => [small, { paths: 20, seed: 1 }, 20],
      health: () => [tiny, { paths: 10, seed: 1 }, 10],
      call: (a) => {
        const run = new m.RiskRun(a[0], a[1]);
        try {
          run.step(a[2]);
          return run.finish();
        } finally {
          run.free();
        }
      },
    },
    // The network import (issue 19): a request, then the answers to its two head requests.
    NetworkImporter: {
      args: () => [m.mainnetNetworkImportRequest(), [
        { kind: "body", text: '{"jsonrpc":"2.0","id":1,"result":"0x1"}' },
        { kind: "body", text: JSON.stringify({ jsonrpc: "2.0", id: 2, result: { number: "0x10", timestamp: "0x5", hash: `0x${"ab".repeat(32)}` } }) },
      ]],
      call: (a) => {
        const importer = new m.NetworkImporter(a[0]);
        try {
          importer.start();
          return importer.onReplies(a[1]);
        } finally {
          importer.free();
        }
      },
    },
    // One LRT's part of a finished import, and a document started from it (issue 19).
    networkOf: { args: () => [demoImport, "renzo"], call: (a) => m.networkOf(...a) },
    startFromImport: { args: () => [small, demoImport, "renzo"], health: () => [tiny, demoImport, "renzo"], call: (a) => m.startFromImport(...a) },
    securityAnalysis: { args: () => [sec.network, sec.params], health: () => [tiny.network, tinySecurity], call: (a) => m.securityAnalysis(...a) },
    restakingGraphAnalysis: { args: () => [graph, { shockFraction: 0.5, search: "auto" }], call: (a) => m.restakingGraphAnalysis(...a) },
    applySlashing: { args: () => [sd.network, sd.events, sd.options], health: () => [tiny.network, tinyEvents, sd.options], call: (a) => m.applySlashing(...a) },
    yieldStack: { args: () => [yieldInput], call: (a) => m.yieldStack(...a) },
    bridgeExposure: { args: () => [bridgeInput], call: (a) => m.bridgeExposure(...a) },
    leverageLoop: { args: () => [d.leverage.loop], call: (a) => m.leverageLoop(...a) },
    liquidationCascade: { args: () => [cascadeInput], call: (a) => m.liquidationCascade(...a) },
    applyTimeline: { args: () => [dual, timelineActions], call: (a) => m.applyTimeline(...a) },
    beaconSlashingLoss: {
      args: () => [{ effectiveBalanceGwei: "32000000000", windowSlashingsGwei: "32000000000", totalActiveBalanceGwei: "36000000000000000" }],
      call: (a) => m.beaconSlashingLoss(...a),
    },
    exitChurnPerEpochEth: { args: () => [13_140_000], call: (a) => m.exitChurnPerEpochEth(...a) },
    liquidationQuote: { args: () => [quoteMarket, { collateral: 0.7875, debt: 0.6, price: 0.9238 }], call: (a) => m.liquidationQuote(...a) },
    morphoLiquidationIncentive: { args: () => [0.945], call: (a) => m.morphoLiquidationIncentive(...a) },
    poolInvariant: { args: () => [{ kind: { kind: "stableswap", amplification: 200 }, lrtReserve: 1000, ethReserve: 1000 }], call: (a) => m.poolInvariant(...a) },
    poolSell: {
      args: () => [{ kind: { kind: "constantProduct" }, lrtReserve: 5, ethReserve: 10, fee: { kind: "onInput", fee: 0.003 } }, 1],
      call: (a) => m.poolSell(...a),
    },
  };
  // Rate models and carry (core/src/lending/rate_model, carry): contract integers as strings.
  const wethData = { optimalUsageRatio: 9400, baseVariableBorrowRate: 0, variableRateSlope1: 245, variableRateSlope2: 800 };
  const carryInput = { deposit: 1, exchangeRate: 1, lrtYield: 0.03, leverage: 10, liquidationThreshold: 0.95,
    rateModel: { kind: "aave", data: wethData }, utilization: { kind: "step", before: 0.94, after: 0.9985, atDay: 7 }, horizonDays: 30 };
  Object.assign(SPECS, {
    aaveInterestRates: {
      args: () => [wethData, { totalDebt: "99850000000000000000", availableLiquidity: "150000000000000000", unbacked: "0", reserveFactor: 1500 }],
      call: (a) => m.aaveInterestRates(...a),
    },
    adaptiveCurveBorrowRate: {
      args: () => [{ utilization: "1000000000000000000", rateAtTarget: "1268391679", elapsed: 86400 }],
      call: (a) => m.adaptiveCurveBorrowRate(...a),
    },
    aaveCompoundedInterest: { args: () => [{ rate: "102500000000000000000000000", seconds: 2592000 }], call: (a) => m.aaveCompoundedInterest(...a) },
    morphoTaylorCompounded: { args: () => [{ rate: "1268391679", seconds: 86400 }], call: (a) => m.morphoTaylorCompounded(...a) },
    rateCurve: { args: () => [{ kind: "adaptiveCurve", rateAtTargetApr: 0.04 }], call: (a) => m.rateCurve(...a) },
    carry: { args: () => [carryInput], health: () => [{ ...carryInput, horizonDays: 3 }], call: (a) => m.carry(...a) },
    borrowRatePath: {
      args: () => [{ rateModel: carryInput.rateModel, utilization: carryInput.utilization, horizonDays: 30 }],
      call: (a) => m.borrowRatePath(...a),
    },
    riskLoopDefault: { args: () => [1], health: () => [0.1], call: (a) => m.riskLoopDefault(...a) },
  });
  // A live read of one Morpho market with its AdaptiveCurveIRM's rate at target (10% APR), 20%
  // utilised, updated a day before the block: what liveMorphoRates turns into a borrow rate.
  const irmBasis = { chainId: 1, blockNumber: 16, blockTimestamp: 86_405, address: "0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC", function: "rateAtTarget(bytes32)" };
  const irmValue = (name, raw) => ({ field: `morphoMarkets.m.${name}`, raw, value: 0, unit: "x", basis: irmBasis });
  const morphoLive = {
    head: { chainId: 1, blockNumber: 16, blockTimestamp: 86_405, blockHash: `0x${"ab".repeat(32)}` },
    values: [
      irmValue("lltv", "945000000000000000"), irmValue("totalSupplyAssets", "500000000000000000000"),
      irmValue("totalBorrowAssets", "100000000000000000000"), irmValue("lastUpdate", "5"), irmValue("rateAtTarget", "3170979198"),
    ],
    failures: [],
  };
  SPECS.liveMorphoRates = { args: () => [morphoLive], call: (a) => m.liveMorphoRates(...a) };
  // A live read of one Curve pool (core/src/lending/pool_live.rs): weETH (coin 1, stored rate 1.069)
  // against WETH, what livePools turns into the cascade's pool.
  const curveValue = (name, value) => ({ field: `curvePools.p.${name}`, raw: null, value, unit: "x", basis: irmBasis });
  const curveLive = {
    head: morphoLive.head,
    values: [
      curveValue("balances[0]", 10_000), curveValue("coins[0].isLrt", 0), curveValue("balances[1]", 9_000), curveValue("coins[1].isLrt", 1),
      curveValue("A", 1000), curveValue("fee", 1e-4), curveValue("offpegFeeMultiplier", 1), curveValue("storedRates[0]", 1), curveValue("storedRates[1]", 1.069),
    ],
    failures: [],
  };
  SPECS.livePools = { args: () => [curveLive], call: (a) => m.livePools(...a) };
  // The trailing read and the realised yield (core/src/chain/trailing.rs, yield_stack/realised.rs) and the
  // Bridge page's live preset (bridge/live.rs): rsETH 1.0615 ETH at block 21,000,000, 1.0625 at 21,050,400.
  const liveHead = { chainId: 1, blockNumber: 21_050_400, blockTimestamp: 1_730_000_000, blockHash: `0x${"ab".repeat(32)}` };
  const trailingHead = { ...liveHead, blockNumber: 21_000_000, blockTimestamp: 1_729_395_200, blockHash: `0x${"cd".repeat(32)}` };
  const oracle = "0x349A73444b1a310BAe67ef67973022020d70020d";
  const liveValue = (field, raw, at, fn) => ({ field, raw, value: Number(raw) / 1e18, unit: "ETH per token",
    basis: { chainId: 1, blockNumber: at.blockNumber, blockTimestamp: at.blockTimestamp, address: oracle, function: fn } });
  const liveRsEth = { head: liveHead, failures: [], values: [
    liveValue("rates.rsETH.exchangeRate", "1062500000000000000", liveHead, "rsETHPrice()"),
    liveValue("rates.rsETH.totalSupply", "400000000000000000000000", liveHead, "totalSupply()"),
  ] };
  const liveBoth = { ...liveRsEth, values: [...liveRsEth.values, liveValue("trailing.rates.rsETH.exchangeRate", "1061500000000000000", trailingHead, "rsETHPrice()")] };
  const rsEthRequest = { rates: m.mainnetLiveRequest().rates.filter((r) => r.id === "rsETH") };
  const w = (n) => BigInt(n).toString(16).padStart(64, "0");
  // aggregate3's answer: one Result { success: true, returnData: abi.encode(1.0615e18) }.
  const aggregate = `0x${w(0x20)}${w(1)}${w(0x20)}${w(1)}${w(0x40)}${w(0x20)}${w(1_061_500_000_000_000_000n)}`;
  const blockReply = { kind: "body", text: JSON.stringify({ jsonrpc: "2.0", id: 2, result: { number: "0x1406f40", timestamp: `0x${(1_729_395_200).toString(16)}`, hash: trailingHead.blockHash } }) };
  Object.assign(SPECS, {
    trailingBlockRequest: { args: () => [liveHead, 50_400], call: (a) => m.trailingBlockRequest(...a) },
    trailingReadCalls: { args: () => [m.mainnetLiveRequest(), liveHead, 50_400, blockReply], call: (a) => m.trailingReadCalls(...a) },
    applyTrailingRead: {
      args: () => [rsEthRequest, liveRsEth, trailingHead, [{ kind: "body", text: JSON.stringify({ jsonrpc: "2.0", id: 3, result: aggregate }) }]],
      call: (a) => m.applyTrailingRead(...a),
    },
    realisedYields: { args: () => [liveBoth], call: (a) => m.realisedYields(...a) },
    liveBridgeInput: { args: () => [bridgeInput, liveRsEth], call: (a) => m.liveBridgeInput(...a) },
  });
  // The live read's plan of mainnet's request (Aave E-mode categories and CAPO adapters included: a mutated
  // category id or adapter address must be refused with its field), and the presets with a read's E-mode and
  // CAPO figures in them (a mutated figure keeps the preset or is refused, never NaN).
  const liveBasis = (fn) => ({ chainId: 1, blockNumber: 21_000_000, blockTimestamp: 1_729_252_007, address: "0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2", function: fn });
  const eModeValue = (field, value, fn) => ({ field, raw: null, value, unit: "fraction", basis: liveBasis(fn) });
  const liveRead = {
    head: { chainId: 1, blockNumber: 21_000_000, blockTimestamp: 1_729_252_007, blockHash: `0x${"ab".repeat(32)}` },
    values: [
      eModeValue("aaveEModes.core-1.ltv", 0.92, "getEModeCategoryData(uint8)"),
      eModeValue("aaveEModes.core-1.liquidationThreshold", 0.94, "getEModeCategoryData(uint8)"),
      eModeValue("capoAdapters.core-weETH.snapshotRatio", 1.0346, "getSnapshotRatio()"),
      eModeValue("capoAdapters.core-weETH.maxYearlyGrowthRatePercent", 0.0875, "getMaxYearlyGrowthRatePercent()"),
      eModeValue("capoAdapters.core-weETH.snapshotTimestamp", 1_711_411_200, "getSnapshotTimestamp()"),
    ],
    failures: [],
  };
  Object.assign(SPECS, {
    planLiveRead: { args: () => [m.mainnetLiveRequest()], call: (a) => m.planLiveRead(...a) },
    liveLendingMarkets: { args: () => [liveRead], call: (a) => m.liveLendingMarkets(...a) },
  });
  const NO_ARGS = ["presets", "replays", "timelineReplays", "defaultScenario", "riskDemo", "securityDemo", "slashingDemo", "yieldPresets",
    "bridgePresetRsEth2026", "lendingMarkets", "cascadePresetEzEth2024", "rateModelPresets", "utilizationPresets",
    "mainnetNetworkImportRequest"];
  for (const name of NO_ARGS) SPECS[name] = { args: () => [], call: (a) => m[name](...a), junk: true };
  // An export this suite does not know yet still gets hostile arguments (no trap, a field path).
  const UNKNOWN = Object.keys(m).filter((k) => typeof m[k] === "function" && !k.startsWith("__") && !(k in SPECS));
  for (const name of UNKNOWN) SPECS[name] = { args: () => [], call: (a) => m[name](...a), unknown: true };
  return { SPECS, NO_ARGS, UNKNOWN, health: healthCheck(m, SPECS) };
}

/**
 * The health check: `health(full)` calls every export with its small valid input and returns
 * null when each answer equals the one given before the first case, else what differed.
 * comparisonMatrix (about 60 ms) answers through its refusal of a bad queue unless `full`.
 */
function healthCheck(m, SPECS) {
  const calls = Object.entries(SPECS).filter(([, s]) => !s.unknown).map(([name]) => name);
  const quickMatrix = () => {
    try {
      m.comparisonMatrix({ queuedEth: -1, totalStakedEth: 1 });
    } catch (e) {
      if (e.field === "exitQueue.queuedEth") return "refused";
    }
    return "comparisonMatrix did not refuse a negative queue";
  };
  const answer = (name, full) => {
    if (name === "comparisonMatrix" && !full) return quickMatrix();
    const spec = SPECS[name];
    return JSON.stringify(spec.call((spec.health ?? spec.args)()));
  };
  const baseline = new Map(calls.map((name) => [name, answer(name, true)]));
  const quick = quickMatrix();
  return (full) => {
    for (const name of calls) {
      const want = name === "comparisonMatrix" && !full ? quick : baseline.get(name);
      let got;
      try {
        got = answer(name, full);
      } catch (e) {
        return `health: ${name} threw ${e?.constructor?.name}: ${String(e?.message).slice(0, 120)}`;
      }
      if (got !== want) return `health: ${name} answered differently after the case`;
    }
    return null;
  };
}
