// A week of rsETH growth on a running local chain, for the trailing read (core/src/chain/trailing.rs):
// block b0 at time t0 keeps the fixture's rsETH price (1.0615 ETH); the next block sets the LRTOracle
// stand-in's price to 1.0625 ETH; 98 more blocks are mined; the head, block b0 + 100, is stamped
// t0 + 604,800 s (7 days). So a trailing read with a lag of 100 blocks sees 1.0615 → 1.0625 over
// exactly 604,800 s. Only the node's own methods are used (evm_setNextBlockTimestamp, evm_mine,
// hardhat_mine, eth_sendTransaction from its unlocked admin account).
import { Interface } from "ethers";

export const WEEK_SECONDS = 604_800;
export const WEEK_LAG_BLOCKS = 100;
export const RSETH_PRICE_AFTER = 1_062_500_000_000_000_000n;

async function rpc(url, method, params = []) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

const hex = (n) => `0x${n.toString(16)}`;

/** Runs the week on `chain` (from tests/chain/chain.mjs); returns `{ b0, t0, head, t1 }` (block numbers, unix seconds). */
export async function rsEthWeek(chain) {
  const latest = await rpc(chain.url, "eth_getBlockByNumber", ["latest", false]);
  const t0 = Number(latest.timestamp) + 10;
  await rpc(chain.url, "evm_setNextBlockTimestamp", [hex(t0)]);
  await rpc(chain.url, "evm_mine");
  const b0 = Number(await rpc(chain.url, "eth_blockNumber"));
  const data = new Interface(["function setPrice(uint256 price, uint256 limit)"]).encodeFunctionData("setPrice", [RSETH_PRICE_AFTER, chain.fixture.kelp.pricePercentageLimit]);
  const tx = await rpc(chain.url, "eth_sendTransaction", [{ from: chain.addresses.accounts.admin, to: chain.addresses.kelp.lrtOracle, data }]);
  const receipt = await rpc(chain.url, "eth_getTransactionReceipt", [tx]);
  if (receipt?.status !== "0x1" || Number(receipt.blockNumber) !== b0 + 1) throw new Error(`setPrice not mined in block ${b0 + 1}: ${JSON.stringify(receipt)}`);
  await rpc(chain.url, "hardhat_mine", [hex(WEEK_LAG_BLOCKS - 2)]);
  const t1 = t0 + WEEK_SECONDS;
  await rpc(chain.url, "evm_setNextBlockTimestamp", [hex(t1)]);
  await rpc(chain.url, "evm_mine");
  const head = Number(await rpc(chain.url, "eth_blockNumber"));
  if (head !== b0 + WEEK_LAG_BLOCKS) throw new Error(`head ${head}, expected ${b0 + WEEK_LAG_BLOCKS}`);
  return { b0, t0, head, t1 };
}
