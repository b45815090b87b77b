// The fixture's Balancer v2 pool (issue 18): a ComposableStable ezETH/WETH pool behind a Vault, both
// stand-ins (contracts/BalancerStandIn.sol, labelled there) with the mainnet read interface. chain.mjs calls
// `deployBalancer` after the LRT stand-ins are up; the values are TEST INPUTS chosen to be distinct and
// checkable, not mainnet figures. ezETH's scaling factor is the Renzo rate-provider stand-in's rate
// (521,500 ETH TVL / 500,000 ezETH = 1.043), as a pool with that rate provider caches it.
import { parseEther } from "ethers";

const e18 = (x) => parseEther(String(x));

/** What the fixture writes, in the contracts' units (wei, 1e18 fractions and rates, A as an integer). */
export const BALANCER = Object.freeze({
  ezEthWeth: {
    nonce: 1n,
    ezEthBalance: e18(8_000),
    wethBalance: e18(8_500),
    // The Vault's BPT balance: the pool's premint, 2^111 (ComposableStablePool `_PREMINTED_TOKEN_BALANCE`),
    // less the BPT in circulation (16,344 here, a test input).
    bptBalance: 2n ** 111n - e18(16_344),
    amp: 200n,
    swapFee: 4n * 10n ** 14n, // 0.04%
    ezEthScaling: e18("1.043"),
  },
});

/**
 * The read request for the fixture's pool under id `ezETH-WETH`; with `hostile`, also a "pool" that is the
 * Curve stand-in under an id the Vault never registered (every call reverts or answers nothing Balancer's).
 */
export function balancerRequest(a, { hostile = false } = {}) {
  const b = a.balancer;
  const pools = [{ id: "ezETH-WETH", vault: b.vault, pool: b.ezEthWeth, poolId: b.ezEthWethId, lrt: a.renzo.ezETH }];
  if (hostile) {
    const curve = a.curve.weethWeth.toLowerCase();
    pools.push({ id: "not-a-pool", vault: b.vault, pool: a.curve.weethWeth, poolId: `${curve}${"0".repeat(23)}1`, lrt: a.etherfi.weETH });
  }
  return { allowLocalChain: true, balancerPools: pools };
}

/**
 * Deploys the Vault and the pool and registers the pool's tokens (sorted by address, as Balancer registers
 * them, the BPT among them). `deploy(artifact, args)` is chain.mjs's deployer, `compiled` its contracts;
 * resolves to `{ vault, ezEthWeth, ezEthWethId }` (addresses, the pool id).
 */
export async function deployBalancer({ deploy, compiled, ezeth, weth }) {
  const B = BALANCER.ezEthWeth;
  const vault = await deploy(compiled["standins/BalancerStandIn.sol:BalancerVaultStandIn"], []);
  const pool = await deploy(compiled["standins/BalancerStandIn.sol:ComposableStablePoolStandIn"], [B.nonce]);
  const poolId = await pool.getPoolId();
  const entries = [
    [pool.target, B.bptBalance, 10n ** 18n],
    [ezeth, B.ezEthBalance, B.ezEthScaling],
    [weth, B.wethBalance, 10n ** 18n],
  ].sort(([x], [y]) => (BigInt(x) < BigInt(y) ? -1 : 1));
  await (await vault.setPoolTokens(poolId, entries.map((e) => e[0]), entries.map((e) => e[1]))).wait();
  const bptIndex = entries.findIndex((e) => e[0] === pool.target);
  await (await pool.setState(B.amp, B.swapFee, entries.map((e) => e[2]), bptIndex)).wait();
  return { vault: vault.target, ezEthWeth: pool.target, ezEthWethId: poolId };
}
