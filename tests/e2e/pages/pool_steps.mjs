import assert from "node:assert/strict";
import { expectModel } from "./typing.mjs";

// The live Curve pool on the Leverage page's cascade, in data.mjs's session: the read holds the
// fixture's stand-in stableswap-ng pool (coin 0 WETH 10,000, coin 1 weETH 9,000 at the stored
// rate 1.069, A() = 1000, fee() = 1e6 = 0.01%), so after "Freeze into the scenario" the cascade
// offers it (and the Balancer v2 pool read beside it). Chosen with the keyboard, the cascade sells into that pool, its exchange rate
// becomes the pool's rate oracle (1.069), and the fields' own pool comes back when chosen again.
export async function poolSteps(p, block) {
  const select = p.locator("#pool-source");
  const label = `Curve weETH-WETH at block ${block} (live)`;
  await select.locator("option", { hasText: label }).waitFor({ state: "attached" });
  await select.focus();
  await select.selectOption({ label });
  const figures = p.locator("#live-pool");
  await figures.waitFor();
  const text = (await figures.textContent()).replace(/\s+/g, " ");
  assert.match(text, /LRT side\s*9,000 tokens/);
  assert.match(text, /ETH side\s*10,000/);
  assert.match(text, /LRT rate in the pool\s*1\.069/);
  assert.match(text, /A = 1,000/);
  assert.match(text, /0\.01% of the output \(off-peg multiplier 1\.00×\)/);
  assert.match(await p.locator("#live-pool + .field-note").textContent(), new RegExp(`Read from 0x[0-9a-fA-F]{40} — chain 31337, block ${block}`));
  assert.equal(await p.locator("#depth").count(), 0, "the own pool's fields are hidden");
  await expectModel(p, "the cascade's pool", (d) => [d.leverage?.cascade?.pool?.lrtReserve, d.leverage?.cascade?.pool?.ethReserve, d.leverage?.cascade?.pool?.lrtRate].join(" / "), "9000 / 10000 / 1.069");
  await expectModel(p, "the cascade's exchange rate", (d) => d.leverage?.cascade?.exchangeRate, 1.069);
  // The Balancer v2 pool (the fixture's stand-in ComposableStable ezETH/WETH: BPT, ezETH 8,000 at
  // the cached rate 1.043, WETH 8,500, A = 200,000 / 1,000, fee 4e14 = 0.04% of the input) is the
  // next option: the arrow key moves to it and back, as a person with the keyboard would.
  const balancer = `Balancer v2 ezETH-WETH at block ${block} (live)`;
  await select.locator("option", { hasText: balancer }).waitFor({ state: "attached" });
  await select.focus();
  await p.keyboard.press("ArrowDown");
  await expectModel(p, "the Balancer pool", (d) => [d.leverage?.cascade?.pool?.lrtReserve, d.leverage?.cascade?.pool?.ethReserve, d.leverage?.cascade?.pool?.lrtRate, d.leverage?.cascade?.pool?.fee?.kind].join(" / "), "8000 / 8500 / 1.043 / onInput");
  assert.equal(await select.inputValue(), "live:balancerPools.ezETH-WETH");
  const bal = (await figures.textContent()).replace(/\s+/g, " ");
  assert.match(bal, /LRT side\s*8,000 tokens/);
  assert.match(bal, /ETH side\s*8,500/);
  assert.match(bal, /LRT rate in the pool\s*1\.043/);
  assert.match(bal, /A = 200(?![\d,.])/);
  assert.match(bal, /0\.04% of the input/);
  await expectModel(p, "the cascade's exchange rate from Balancer's rate", (d) => d.leverage?.cascade?.exchangeRate, 1.043);
  await p.keyboard.press("ArrowUp");
  await expectModel(p, "the Curve pool again, by the keyboard", (d) => d.leverage?.cascade?.pool?.lrtRate, 1.069);
  // Back to the own pool, then the live one again (the link taken after this keeps it).
  await select.selectOption({ value: "own" });
  await p.locator("#depth").waitFor();
  await expectModel(p, "the own pool's rate", (d) => d.leverage?.cascade?.pool?.lrtRate, 1);
  await select.selectOption({ label });
  await expectModel(p, "the live pool again", (d) => d.leverage?.cascade?.pool?.lrtRate, 1.069);
}
