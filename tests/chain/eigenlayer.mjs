// The network-import stand-ins on a running local chain (contracts/EigenLayerStandIns.sol): EigenLayer's
// DelegationManager and AllocationManager read interfaces, one LST strategy, and the Renzo, Kelp and YieldNest
// staker lists, populated from a spec written by restake-core's Rust tests
// (core/tests/fixtures/network_import_local.json: the chain state and the network it must import as).
//
//   const el = await deployEigenLayer(chain);            // deploys the contracts (no state)
//   const request = await el.populate(spec);             // writes a spec's state; the import request for it
//   await el.provider.destroy();
//
// Staker contracts are copies of three tiny templates placed with `hardhat_setCode` (no deployment each).
import { readFileSync } from "node:fs";
import { ContractFactory, JsonRpcProvider, getAddress } from "ethers";
import { compileAll } from "./compile.mjs";

/** EigenLayer's beacon-chain ETH strategy (eigenlayer-contracts README). */
export const BEACON = "0xbeaC0eeEeeeeEEeEeEEEEeeEEeEeeeEeeEEBEaC0";

/** The spec and expected network written by `cargo test -p restake-core --lib network_import` (UPDATE_FIXTURES=1). */
export function loadSpec() {
  return JSON.parse(readFileSync(new URL("../../core/tests/fixtures/network_import_local.json", import.meta.url), "utf8"));
}

/** Deploys the stand-ins on `chain` (from startChain); `populate(spec)` writes a spec and returns its request. */
export async function deployEigenLayer(chain) {
  const compiled = compileAll();
  const S = (name) => compiled[`standins/EigenLayerStandIns.sol:${name}`];
  const provider = new JsonRpcProvider(chain.url, undefined, { staticNetwork: true, cacheTimeout: -1 });
  const signer = await provider.getSigner(0);
  const deploy = async (name, args = []) => {
    const c = await new ContractFactory(S(name).abi, S(name).bytecode, signer).deploy(...args);
    await c.waitForDeployment();
    return c;
  };
  const dm = await deploy("DelegationManagerStandIn");
  const am = await deploy("AllocationManagerStandIn");
  const strategy = await deploy("StrategyStandIn");
  const templates = {};
  for (const [kind, name] of [["renzo", "OperatorDelegatorStandIn"], ["kelp", "NodeDelegatorStandIn"], ["yieldNest", "StakingNodeStandIn"]]) {
    templates[kind] = await provider.getCode((await deploy(name, [dm.target])).target);
  }
  const listNames = { renzo: "RestakeManagerListStandIn", kelp: "LRTDepositPoolStandIn", yieldNest: "StakingNodesManagerStandIn" };
  let nextStaker = 1;
  const strategies = [BEACON, strategy.target];
  const tx = async (p) => (await p).wait();

  /** Writes `spec`'s state (on top of what is there) and returns the import request that reads it. */
  async function populate(spec) {
    await tx(strategy.setRate(BigInt(spec.lstRate)));
    const stakers = [];
    const lrts = [];
    for (const lrt of spec.lrts) {
      const addresses = [];
      for (const s of lrt.stakers) {
        const address = getAddress(`0x57${(nextStaker++).toString(16).padStart(38, "0")}`);
        if (templates[lrt.kind]) await provider.send("hardhat_setCode", [address, templates[lrt.kind]]);
        addresses.push(address);
        stakers.push({ address, ...s });
      }
      if (lrt.kind === "stakers") {
        lrts.push({ protocol: lrt.protocol, source: { kind: "stakers", addresses } });
        continue;
      }
      const list = await deploy(listNames[lrt.kind]);
      const set = { renzo: "setOperatorDelegators", kelp: "setNodeDelegatorQueue", yieldNest: "setNodes" }[lrt.kind];
      await tx(list[set](addresses));
      const field = { renzo: "restakeManager", kelp: "depositPool", yieldNest: "stakingNodesManager" }[lrt.kind];
      lrts.push({ protocol: lrt.protocol, source: { kind: lrt.kind, [field]: list.target }, list });
    }
    await tx(dm.setStakers(stakers.map((s) => s.address), stakers.map((s) => s.operator), strategies, stakers.map((s) => [BigInt(s.beacon), BigInt(s.lst)])));
    for (const s of stakers) {
      for (const q of s.queued) await tx(dm.queueWithdrawal(s.address, q.operator, strategies, [BigInt(q.beacon), BigInt(q.lst)]));
    }
    const ops = spec.operators;
    if (ops.length) {
      await tx(dm.addOperatorShares(ops.map((o) => o.address), strategies, ops.map((o) => [BigInt(o.otherBeacon), BigInt(o.otherLst)])));
    }
    const allocation = (a) => ({ currentMagnitude: BigInt(a.current), pendingDiff: BigInt(a.pendingDiff), effectBlock: a.effectBlock });
    for (const o of ops) {
      await tx(am.setOperator(
        o.address,
        o.sets.map((s) => ({ avs: s.avs, id: s.id })),
        strategies,
        [BigInt(o.maxBeacon), BigInt(o.maxLst)],
        o.sets.map((s) => [allocation(s.beacon), allocation(s.lst)]),
      ));
    }
    const request = {
      allowLocalChain: true,
      delegationManager: dm.target,
      allocationManager: am.target,
      strategies: [strategy.target],
      lrts: lrts.map(({ protocol, source }) => ({ protocol, source })),
    };
    return { request, lists: lrts.map((l) => l.list), stakers };
  }

  return { provider, dm, am, strategy, populate };
}
