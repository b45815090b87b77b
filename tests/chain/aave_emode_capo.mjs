// The fixture's Aave E-mode category and CAPO adapters (issue 18): one E-mode category configured on the real
// v3.0 Pool through the real PoolConfigurator (`setEModeCategory`, `setAssetEModeCategory`, as the pool admin),
// and two stand-in CAPO adapters (contracts/CapoStandIn.sol, labelled a stand-in there) reading the weETH and
// rsETH stand-ins' rates against the Aave WETH feed. chain.mjs calls `deployEModeAndCapo` after the Aave market
// is up; the values are TEST INPUTS (the weETH adapter's snapshot is the mainnet deployment's, aave-capo
// scripts/DeployEthereum.s.sol, so its numbers look familiar; the rsETH one is chosen to be capped).
import { id } from "ethers";

/** What the fixture writes, in the contracts' units (bps, 1e18 ratios, unix seconds). */
export const EMODE_CAPO = Object.freeze({
  eMode: { category: 1, ltv: 9000n, liquidationThreshold: 9300n, liquidationBonus: 10200n, label: "ETH correlated (local fixture)" },
  capo: {
    weETH: { snapshotRatio: 1_034_656_878_645_040_505n, snapshotTimestamp: 1_711_411_200n, maxYearlyRatioGrowthPercent: 875n, minimumSnapshotDelay: 7n * 86_400n },
    rsETH: { snapshotRatio: 10n ** 18n, snapshotTimestamp: 1_700_000_000n, maxYearlyRatioGrowthPercent: 100n, minimumSnapshotDelay: 14n * 86_400n },
  },
});

/** CAPO's `maxRatio` at `timestamp` (PriceCapAdapterBase: integer growth per second × elapsed). */
export function capoMaxRatio({ snapshotRatio, snapshotTimestamp, maxYearlyRatioGrowthPercent }, timestamp) {
  const perSecond = (snapshotRatio * maxYearlyRatioGrowthPercent) / 10_000n / 31_536_000n;
  return snapshotRatio + perSecond * (BigInt(timestamp) - snapshotTimestamp);
}

/**
 * The read request for the fixture's E-mode category and adapters under ids `<prefix>-1`, `<prefix>-weETH`,
 * `<prefix>-rsETH` (`core` for the ids the lab's lending presets read); with `hostile`, also a category never
 * configured (7) and a contract that is no adapter (the Curve stand-in).
 */
export function eModeCapoRequest(a, prefix, { hostile = false } = {}) {
  return {
    allowLocalChain: true,
    aaveEModes: [
      { id: `${prefix}-1`, pool: a.aave.pool, category: 1 },
      ...(hostile ? [{ id: `${prefix}-7`, pool: a.aave.pool, category: 7 }] : []),
    ],
    capoAdapters: [
      { id: `${prefix}-weETH`, adapter: a.aave.capo.weETH },
      { id: `${prefix}-rsETH`, adapter: a.aave.capo.rsETH },
      ...(hostile ? [{ id: "not-an-adapter", adapter: a.curve.weethWeth }] : []),
    ],
  };
}

/**
 * Configures the E-mode category and assigns weETH to it, then deploys the two adapters. `deploy(artifact,
 * args)` is chain.mjs's deployer, `standIn` the compiled CapoStandIn.sol, `configurator` the PoolConfigurator
 * (an ethers Contract as the pool admin); `aave` and `s` the addresses chain.mjs already has. Resolves to
 * `{ capo: { weETH, rsETH } }` (addresses).
 */
export async function deployEModeAndCapo({ deploy, standIn, configurator, aave, weeth, rates }) {
  const E = EMODE_CAPO.eMode;
  await (await configurator.setEModeCategory(E.category, E.ltv, E.liquidationThreshold, E.liquidationBonus, "0x0000000000000000000000000000000000000000", E.label)).wait();
  await (await configurator.setAssetEModeCategory(weeth, E.category)).wait();
  const selector = (signature) => id(signature).slice(0, 10);
  const adapter = async (key, provider, signature, pair) => {
    const c = EMODE_CAPO.capo[key];
    const a = await deploy(standIn, [aave.aclManager, aave.priceFeeds.weth, provider, selector(signature), pair,
      c.minimumSnapshotDelay, c.snapshotRatio, c.snapshotTimestamp, c.maxYearlyRatioGrowthPercent]);
    return a.target;
  };
  return {
    capo: {
      weETH: await adapter("weETH", rates.weETH, "getRate()", "Capped weETH / eETH(ETH) / USD (stand-in)"),
      rsETH: await adapter("rsETH", rates.rsETH, "rsETHPrice()", "Capped rsETH / ETH / USD (stand-in)"),
    },
  };
}
