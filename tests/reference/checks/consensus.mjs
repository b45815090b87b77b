// Consensus (Electra) against Lodestar's @lodestar/state-transition, a production beacon client:
// the initial slashing penalty (its slashValidator), the correlation penalty (its
// processSlashings) and the exit churn (its getActivationExitChurnLimit), each on a minimal
// state holding only what the function reads. Both sides integer gwei: exact.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { defaultChainConfig } from "@lodestar/config";
import { EFFECTIVE_BALANCE_INCREMENT, ForkSeq } from "@lodestar/params";

// Not in the package's exports map: loaded by file (the same modules its block and epoch
// processing run).
const lib = dirname(fileURLToPath(import.meta.resolve("@lodestar/state-transition")));
const load = (file) => import(pathToFileURL(join(lib, file)).href);
const { slashValidator } = await load("block/slashValidator.js");
const { processSlashings } = await load("epoch/processSlashings.js");
const { getActivationExitChurnLimit } = await load("util/validator.js");

const GWEI = 1_000_000_000n;

/** Lodestar's initial penalty for a validator of `eb` gwei: balance before − after slashValidator. */
function lodestarInitial(eb) {
  const balances = [eb, 0];
  const validator = { exitEpoch: 0, withdrawableEpoch: 0, effectiveBalance: eb, slashed: false };
  const slashings = new Map();
  const state = {
    epochCtx: {
      epoch: 0,
      effectiveBalanceIncrements: [Math.floor(eb / Number(GWEI)), 32],
      totalSlashingsByIncrement: 0,
      getBeaconProposer: () => 1,
    },
    validators: { get: () => validator },
    slashings: { get: (i) => slashings.get(i), set: (i, v) => slashings.set(i, v) },
    balances: { get: (i) => balances[i], set: (i, v) => (balances[i] = v) },
    proposerRewards: { slashing: 0 },
    previousEpochParticipation: { get: () => 0 },
    currentEpochParticipation: { get: () => 0 },
  };
  slashValidator(ForkSeq.electra, state, 0);
  return eb - balances[0];
}

/** Lodestar's correlation penalty for `eb` gwei with `window` and `total` in whole ETH. */
function lodestarCorrelation(ebEth, windowEth, totalEth) {
  const state = {
    config: { getForkSeq: () => ForkSeq.electra },
    slot: 0,
    epochCtx: { totalSlashingsByIncrement: windowEth, effectiveBalanceIncrements: [ebEth] },
  };
  const cache = { indicesToSlash: [0], totalActiveStakeByIncrement: totalEth };
  return processSlashings(state, cache, false)[0];
}

export function checkConsensus(core, tally, r, cases) {
  for (let k = 0; k < cases; k += 1) {
    const ebEth = r.pick([32, 32, 32, r.int(1, 2048)]);
    // Total stake up to 40M ETH (Lodestar counts increments in JS numbers), and a window of
    // slashings from this validator alone up to the whole stake.
    const totalEth = r.int(Math.max(ebEth, 1), r.pick([1e4, 1e6, 4e7]));
    const windowEth = r.int(ebEth, Math.min(totalEth, r.pick([ebEth, ebEth * 100, totalEth])));
    const ours = core.beaconSlashingLoss({
      effectiveBalanceGwei: String(BigInt(ebEth) * GWEI),
      windowSlashingsGwei: String(BigInt(windowEth) * GWEI),
      totalActiveBalanceGwei: String(BigInt(totalEth) * GWEI),
    });
    const what = `EB ${ebEth} ETH, window ${windowEth} ETH, total ${totalEth} ETH`;
    tally.exact("consensus-initial-penalty", ours.initial, lodestarInitial(ebEth * Number(GWEI)), what);
    // The rate per ETH of effective balance always; the whole penalty where the validator's
    // effective balance cannot have moved by the halfway epoch (32 ETH, at least 1M ETH staked:
    // under 0.25 ETH of penalties by then), since processSlashings reads the balance of that epoch.
    tally.exact("consensus-correlation-rate", ours.correlationPerIncrement, lodestarCorrelation(1, windowEth, totalEth), what);
    // processSlashings returns the penalty; decrease_balance then takes at most what the
    // validator still has, and that is what our ledger reports: equal when the penalty fits.
    if (ebEth === 32 && totalEth >= 1e6) {
      const theirs = lodestarCorrelation(ebEth, windowEth, totalEth);
      const fits = theirs + Number(ours.initial) + Number(ours.missedAttestations) <= ebEth * Number(GWEI);
      if (fits) tally.exact("consensus-correlation-penalty", ours.correlation, theirs, what);
      else tally.expect("consensus-correlation-penalty", Number(ours.correlation) <= theirs, () => `${what}: ours ${ours.correlation} > reference ${theirs}`);
    }

    const stakeEth = r.int(1, 5e7);
    const churn = getActivationExitChurnLimit({ totalActiveBalanceIncrements: stakeEth, config: defaultChainConfig });
    tally.exact("consensus-exit-churn", BigInt(core.exitChurnPerEpochEth(stakeEth)) * GWEI, churn, `S = ${stakeEth} ETH`);
  }
  tally.expect("consensus-increment", EFFECTIVE_BALANCE_INCREMENT === Number(GWEI), () => "EFFECTIVE_BALANCE_INCREMENT is not 1e9 gwei");
}
