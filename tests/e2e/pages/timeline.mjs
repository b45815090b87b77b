import assert from "node:assert/strict";
import { expectModel, typeKeys } from "./typing.mjs";

// The Slashing page's timeline, against EigenLayer's dual-slashing walk-through
// (Layr-Labs/eigenlayer-contracts, docs/core/accounting/DualSlashingEdgeCase.md). Alice restakes
// 32 ETH of validators; a 75% AVS slash leaves 8 ETH (maxMagnitude 0.25); her validators lose
// 16 ETH. Scenario B: the checkpoint first, l = 16/32 = 0.5 (4 ETH), then a new 32 ETH validator:
// k = (4 + 32)/(32 + 32)/(0.25·0.5) = 4.5 → 36 ETH. Scenario A: the validator first, k = 40/64/0.25
// = 2.5 (40 ETH), then the checkpoint, l = 48/64 = 0.75 → 64·2.5·0.25·0.75 = 30 ETH.
const story = (col) => `#staker-story tbody tr:last-child td[data-label="${col}"]`;

async function loadPreset(page, title) {
  await page.locator("#timeline-preset").selectOption({ label: title });
  // The button is pressed from the keyboard.
  await page.locator("#load-preset").focus();
  await page.keyboard.press("Enter");
  await page.locator("#preset-note strong").getByText(title, { exact: true }).waitFor();
}

async function lastStory(page) {
  return {
    dsf: await page.locator(story("Deposit scaling factor, native")).textContent(),
    bcsf: await page.locator(story("Beacon-chain slashing factor")).textContent(),
    claim: await page.locator(story("Claim (ETH)")).textContent(),
  };
}

export const timeline = {
  name: "timeline",
  path: "/slashing",
  heading: "Layered slashing",
  async content(page) {
    await page.getByRole("heading", { name: "Through time: a timeline of actions" }).waitFor();
    await loadPreset(page, "Dual slashing: checkpoint, then a new validator");
    assert.equal(await page.locator("ol.timeline-steps button").count(), 7);
    assert.deepEqual(await lastStory(page), { dsf: "4.5", bcsf: "0.5", claim: "36" });
  },
  async interact(page, origin) {
    await page.goto(origin + "/slashing");
    await loadPreset(page, "Dual slashing: checkpoint, then a new validator");
    // The timeline is in the share link.
    await expectModel(page, "saved timeline", (d) => d.slashing?.timeline?.actions.length, 6);

    // Scrub with the keyboard: Home is the start, three steps right is the slash at block 2.
    const range = page.locator("#timeline-step");
    await range.focus();
    await page.keyboard.press("End");
    await page.locator("#step-title").getByText("Action 6: deposit at block 5").waitFor();
    await page.keyboard.press("Home");
    await page.locator("#step-title").getByText("Start, block 0").waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    await page.locator("#step-title").getByText("Action 3: slash at block 2").waitFor();
    assert.match(await page.locator("#step-rule").textContent(), /^AllocationManager\.slashOperator/);
    assert.match(await page.locator("#step-source").textContent(), /docs\/core\/AllocationManager\.md/);
    assert.equal(
      await page.locator("#step-slash").textContent(),
      "Slashed 24 ETH (alice 24 ETH); maxMagnitude 1 → 0.25; burned when released from escrow.",
    );
    // Previous/Next buttons from the keyboard: the checkpoint (step 5) names its rule.
    await page.locator("#step-next").focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.locator("#step-title").getByText("Action 5: checkpoint at block 4").waitFor();
    assert.match(await page.locator("#step-rule").textContent(), /EigenPod checkpoint/);

    // A queued withdrawal of 36 of Alice's 64 deposit shares, typed key by key: scaled shares
    // 36·4.5 = 162, worth 162·0.125 = 20.25 ETH; completing it at block 6 reverts (slashable
    // through 5 + 100,800 = 100,805), at block 100,806 it pays 20.25 ETH and 15.75 ETH remain.
    await page.locator("#add-action").click();
    await page.locator("#action-6-row .action-kind").selectOption("queueWithdrawal");
    await typeKeys(page, "#action-6-amount", "36");
    await expectModel(page, "queued shares", (d) => d.slashing.timeline.actions[6]?.action.depositSharesEth, 36);
    await page.locator("#add-action").click();
    await page.locator("#action-7-row .action-kind").selectOption("completeWithdrawal");
    await typeKeys(page, "#action-7-target", "7");
    await typeKeys(page, "#action-7-block", "6");
    await page
      .locator("#action-7-row .action-error")
      .getByText(
        "The contracts would revert: block 6 is not after slashableUntil = startBlock + MIN_WITHDRAWAL_DELAY_BLOCKS = 100805: WithdrawalDelayNotElapsed",
      )
      .waitFor();
    await page.locator("#timeline-stale").waitFor();
    // The refused timeline is not saved: the document holds no completion.
    await page.waitForTimeout(800);
    await expectModel(page, "a refused completion saved",
      (d) => d.slashing.timeline.actions.some((a) => a.action.kind === "completeWithdrawal"), false);
    await typeKeys(page, "#action-7-block", "100806");
    await expectModel(page, "completion block", (d) => d.slashing.timeline.actions[7]?.block, 100806);
    assert.equal(await page.locator("#action-7-row .action-error").count(), 0);
    assert.equal(await page.locator(story("Claim (ETH)")).textContent(), "15.75");
    // The last step: 20.25 ETH paid out.
    await page.locator("#timeline-step").focus();
    await page.keyboard.press("End");
    await page.locator("#step-title").getByText("Action 8: completeWithdrawal at block 100806").waitFor();
    await page.locator("#step-totals div").filter({ hasText: "Paid out" }).locator("dd").getByText("20.25 ETH", { exact: true }).waitFor();

    // Scenario A, the other order: 30 ETH, 6 ETH less.
    await loadPreset(page, "Dual slashing: a new validator, then the checkpoint");
    assert.deepEqual(await lastStory(page), { dsf: "2.5", bcsf: "0.75", claim: "30" });
    // A deposit after a slash: SlashingLib.update floors each division, k = 1.238095238095238094.
    await loadPreset(page, "A deposit after a slash");
    assert.equal(await page.locator(story("Deposit scaling factor, LSTs")).textContent(), "1.238095238095238094");
    assert.equal(await page.locator(story("Claim (ETH)")).textContent(), "25.999999999999999974");
    // A pending deallocation slashed one block before its effect block: 16 ETH, then 12.8 ETH.
    await loadPreset(page, "A pending deallocation slashed before its effect block");
    assert.equal(await page.locator(story("Claim (ETH)")).textContent(), "12.8");
  },
};
