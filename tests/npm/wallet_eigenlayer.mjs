// The wallet import's EigenLayer queued withdrawals (issue 19) on the local chain, against the
// network import's stand-in DelegationManager (tests/chain/eigenlayer.mjs, the mainnet
// interface: getQueuedWithdrawals, minWithdrawalDelayBlocks): the borrower queues a withdrawal
// of 32 beacon-chain ETH shares and 5 LST strategy shares from operator 0x1111…, and the wallet
// read gives back exactly those shares, its start block and start + 100,800 as the first block
// it can complete. Runs inside tests/npm/live_read.mjs's chain session.
import { BEACON, deployEigenLayer } from "../chain/eigenlayer.mjs";
import { walletRequest } from "./wallet_read.mjs";

const WAD = 10n ** 18n;
const OPERATOR = "0x1111111111111111111111111111111111111111";

/** Runs the checks through `check(name, ok, detail)`; returns the seconds it took. */
export async function checkWalletWithdrawals({ chain, core, send, check }) {
  const t0 = performance.now();
  const el = await deployEigenLayer(chain);
  try {
    const a = chain.addresses;
    const queued = await (await el.dm.queueWithdrawal(a.accounts.borrower, OPERATOR, [BEACON, el.strategy.target], [32n * WAD, 5n * WAD])).wait();
    const base = walletRequest(a);
    const request = { ...base, targets: { ...base.targets, eigenLayer: { delegationManager: el.dm.target } } };
    const plan = core.planWalletRead(request);
    const { head, requests } = core.walletReadCalls(request, await Promise.all(plan.head.map((r) => send(chain.url, r))));
    const section = core.applyWalletRead(request, head, await Promise.all(requests.map((r) => send(chain.url, r))));
    const raw = (field) => section.read.values.find((v) => v.field === field)?.raw;
    const strategy = el.strategy.target;
    check("wallet + EigenLayer: one queued withdrawal, its shares to the wei, no failure",
      section.read.failures.length === 0 && raw("eigenLayer.count") === "1" && raw(`eigenLayer.withdrawals[0].${BEACON}`) === (32n * WAD).toString() && raw(`eigenLayer.withdrawals[0].${strategy}`) === (5n * WAD).toString(),
      JSON.stringify(section.read.values.filter((v) => v.field.startsWith("eigenLayer"))));
    check("wallet + EigenLayer: its start block and the 100,800-block delay",
      raw("eigenLayer.withdrawals[0].startBlock") === String(queued.blockNumber) && raw("eigenLayer.minWithdrawalDelayBlocks") === "100800");
    const { positions } = core.importWallet(core.defaultScenario(), section);
    const w = positions.withdrawals;
    check("wallet + EigenLayer: the positions list both strategies, completable at start + 100,800",
      w.length === 2 && w.every((x) => x.index === 0 && x.startBlock === queued.blockNumber && x.completableBlock === queued.blockNumber + 100800) && w.find((x) => x.strategy === BEACON)?.shares === 32 && w.find((x) => x.strategy === strategy)?.shares === 5,
      JSON.stringify(w));
  } finally {
    el.provider.destroy();
  }
  return (performance.now() - t0) / 1000;
}
