//! The read interfaces a network import calls, as `alloy-sol-types`' `sol!` declares them, with
//! the mainnet names, argument and return types (eigenlayer-contracts
//! src/contracts/interfaces/IDelegationManager.sol, IAllocationManager.sol, IStrategy.sol;
//! the LRTs' sources in docs/sources.md, "Network import").

use alloy_sol_types::sol;

sol! {
    /// EigenLayer's DelegationManager (IDelegationManager.sol; Withdrawal at L101–109).
    interface IDelegationManager {
        struct Withdrawal {
            address staker;
            address delegatedTo;
            address withdrawer;
            uint256 nonce;
            uint32 startBlock;
            address[] strategies;
            uint256[] scaledShares;
        }
        function delegatedTo(address staker) external view returns (address);
        function getWithdrawableShares(address staker, address[] strategies) external view returns (
            uint256[] withdrawableShares, uint256[] depositShares);
        function getQueuedWithdrawals(address staker) external view returns (
            Withdrawal[] withdrawals, uint256[][] shares);
        function getOperatorShares(address operator, address[] strategies) external view returns (uint256[]);
    }

    /// EigenLayer's AllocationManager (IAllocationManager.sol; Allocation at L78–82, OperatorSet
    /// in libraries/OperatorSetLib.sol L9).
    interface IAllocationManager {
        struct OperatorSet { address avs; uint32 id; }
        struct Allocation { uint64 currentMagnitude; int128 pendingDiff; uint32 effectBlock; }
        function getAllocatedSets(address operator) external view returns (OperatorSet[]);
        function getMaxMagnitudes(address operator, address[] strategies) external view returns (uint64[]);
        function getAllocation(address operator, OperatorSet operatorSet, address strategy) external view returns (Allocation);
    }

    /// An EigenLayer strategy (IStrategy.sol): underlying tokens for `amountShares` shares.
    interface IStrategy {
        function sharesToUnderlyingView(uint256 amountShares) external view returns (uint256);
    }

    /// Renzo's RestakeManager (contracts/RestakeManager.sol L131; RestakeManagerStorage.sol L43).
    interface IRenzoRestakeManager {
        function getOperatorDelegatorsLength() external view returns (uint256);
        function operatorDelegators(uint256 index) external view returns (address);
    }

    /// Renzo's OperatorDelegator (Delegation/OperatorDelegatorStorage.sol L33).
    interface IRenzoOperatorDelegator {
        function delegateAddress() external view returns (address);
    }

    /// Kelp's LRTDepositPool (contracts/LRTDepositPool.sol L347).
    interface IKelpDepositPool {
        function getNodeDelegatorQueue() external view returns (address[]);
    }

    /// Kelp's NodeDelegator (contracts/NodeDelegator.sol).
    interface IKelpNodeDelegator {
        function elOperatorDelegatedTo() external view returns (address);
    }

    /// YieldNest's StakingNodesManager (src/StakingNodesManager.sol L702–710).
    interface IYieldNestNodesManager {
        function getAllNodes() external view returns (address[]);
    }

    /// YieldNest's StakingNode (src/StakingNode.sol L129).
    interface IYieldNestNode {
        function delegatedTo() external view returns (address);
    }
}
