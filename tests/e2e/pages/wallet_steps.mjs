import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";
import { walletRequest } from "../../npm/wallet_read.mjs";

// The wallet import (issue 19) in the Data page's chain session (data.mjs): the borrower
// account (Hardhat account 1) posted 100 weETH on the real Aave v3 Pool and 200 weETH on the
// real Morpho Blue, and borrowed 50 + 100 WETH. Hand-worked: 300 weETH × 1.069 = 320.7 ETH in
// ether.fi; the largest loop is Morpho's (200 × 1.069 = 213.8 ETH of collateral against
// 100 WETH): leverage 213.8 / (213.8 − 100) = 1.88×.

/**
 * Types the borrower's address key by key, imports its positions, sees them on the Slashing and
 * Leverage pages as of the block, and reopens the share link without a request to the chain.
 * `p` is a page of the isolated context data.mjs opened; resolves to the seconds it took.
 */
export async function walletSteps(p, origin, chain) {
  const t0 = Date.now();
  const nav = (name) => p.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
  await nav("Data");
  await typeKeys(p, "#rpc-url", chain.url);
  await p.locator("#contracts-own").check();
  await p.locator("#wallet-targets").fill(JSON.stringify(walletRequest(chain.addresses).targets));
  await typeKeys(p, "#wallet-address", chain.addresses.accounts.borrower);
  await p.locator("#import-wallet").click();
  const head = p.locator("#wallet-head", { hasText: /Your positions as of block \d+/ });
  await head.waitFor({ timeout: 30_000 });
  const block = Number(/block (\d+)/.exec(await head.textContent())[1]);
  const weeth = p.locator("#wallet-holdings tbody tr").filter({ hasText: "weETH" });
  assert.match(await weeth.textContent(), /etherfi.*320\.7/s);
  assert.match(await p.locator("#wallet-loops").textContent(), /aave\.local.*morpho\.weETH-WETH-94\.5/s);
  await expectModel(p, "the imported etherfi position", (d) => Math.round(d.network.positions.find((x) => x.protocol === "etherfi")?.amountEth * 1e6) / 1e6, 320.7);
  await expectModel(p, "the frozen wallet's block", (d) => d.wallet?.read?.head?.blockNumber, block);
  await expectModel(p, "no address in the document", (d) => JSON.stringify(d).toLowerCase().includes(chain.addresses.accounts.borrower.slice(2).toLowerCase()), false);
  // The Slashing page starts from the positions, and says as of which block.
  await nav("Slashing");
  await p.locator("#wallet-notice", { hasText: `block ${block}` }).waitFor();
  const inputs = await p.locator('input[id^="position-"]').evaluateAll((xs) => xs.map((x) => x.value));
  assert.ok(inputs.some((v) => /^320\.7/.test(v)), `positions shown: ${inputs}`);
  // The Leverage page's loop is the Morpho position: 1.88×.
  await nav("Leverage");
  await p.locator("#wallet-notice", { hasText: `block ${block}` }).waitFor();
  await p.waitForFunction(() => document.querySelector("#leverage")?.textContent === "1.88×");
  const link = p.url();
  assert.match(link, /#s=s2\./);
  // The link, reopened: the same positions as of the same block, not one request to the chain.
  const again = await p.context().newPage();
  const sent = [];
  again.on("request", (r) => r.url().startsWith(chain.url) && sent.push(r.url()));
  await again.goto(link);
  await again.locator("#wallet-notice", { hasText: `block ${block}` }).waitFor();
  await again.waitForFunction(() => document.querySelector("#leverage")?.textContent === "1.88×");
  await again.close();
  assert.deepEqual(sent, [], "the reopened wallet link fetched from the chain");
  return (Date.now() - t0) / 1000;
}
