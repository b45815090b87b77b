// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// STAND-INS for the local test chain (tests/chain): a Balancer v2 Vault's pool-token read and a
// ComposableStable pool's read functions. The Balancer v2 contracts are compiled with their own
// toolchain and no registry package this fixture installs ships them ready to deploy, so these
// contracts re-implement only the VIEW interface the lab reads, with the mainnet names, argument and
// return types (balancer-v2-monorepo pkg/interfaces/contracts/vault/IVault.sol `getPoolTokens`;
// pkg/pool-stable/contracts/ComposableStablePool.sol and its bases: `getPoolId()`,
// `getAmplificationParameter()` with `_AMP_PRECISION = 1e3`, `getSwapFeePercentage()` in 1e18,
// `getScalingFactors()` in 1e18 and `getBptIndex()`). They are NOT Balancer's code: they hold no
// tokens and never swap; the fixture sets every figure.

/// The Vault's `getPoolTokens(poolId)`: the registered tokens (the BPT among them), their raw
/// balances and the block of the last balance change; an unregistered id reverts as the Vault does
/// (`BAL#500`, INVALID_POOL_ID, pkg/interfaces/contracts/solidity-utils/helpers/BalancerErrors.sol).
contract BalancerVaultStandIn {
    struct Registered {
        address[] tokens;
        uint256[] balances;
        uint256 lastChangeBlock;
    }

    mapping(bytes32 => Registered) internal pools;

    /// Registers (or replaces) a pool's tokens and balances; the change block is this block.
    function setPoolTokens(bytes32 poolId, address[] calldata tokens, uint256[] calldata balances) external {
        require(tokens.length == balances.length && tokens.length > 0, "tokens and balances");
        pools[poolId] = Registered(tokens, balances, block.number);
    }

    function getPoolTokens(bytes32 poolId)
        external
        view
        returns (address[] memory tokens, uint256[] memory balances, uint256 lastChangeBlock)
    {
        Registered storage p = pools[poolId];
        require(p.tokens.length > 0, "BAL#500");
        return (p.tokens, p.balances, p.lastChangeBlock);
    }
}

/// A ComposableStable pool's read functions. Its pool id is Balancer's layout
/// (PoolRegistry._toPoolId): this contract's address (20 bytes) ‖ specialization 0, GENERAL
/// (2 bytes) ‖ `nonce` (10 bytes).
contract ComposableStablePoolStandIn {
    uint256 internal constant AMP_PRECISION = 1e3;

    bytes32 public getPoolId;
    uint256 public getSwapFeePercentage;
    uint256 public getBptIndex;
    uint256 internal ampValue;
    uint256[] internal scalingFactors;

    constructor(uint80 nonce) {
        getPoolId = bytes32((uint256(uint160(address(this))) << 96) | uint256(nonce));
    }

    /// `amp` is A (stored × 1e3 as `getAmplificationParameter` reports it), `fee` in 1e18,
    /// `factors` in 1e18 in the Vault's token order, `bptIndex` the BPT's position there.
    function setState(uint256 amp, uint256 fee, uint256[] calldata factors, uint256 bptIndex) external {
        ampValue = amp * AMP_PRECISION;
        getSwapFeePercentage = fee;
        scalingFactors = factors;
        getBptIndex = bptIndex;
    }

    function getAmplificationParameter() external view returns (uint256 value, bool isUpdating, uint256 precision) {
        return (ampValue, false, AMP_PRECISION);
    }

    function getScalingFactors() external view returns (uint256[] memory) {
        return scalingFactors;
    }
}
