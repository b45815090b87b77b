// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// STAND-INS for the network import (issue 19) on the local test chain (tests/chain). No npm package ships
// EigenLayer's core contracts or the LRTs' staker lists, so each contract below re-implements only the READ
// interface restake-core calls on mainnet, with the mainnet names, argument and return types:
//   EigenLayer  src/contracts/interfaces/IDelegationManager.sol, IAllocationManager.sol, IStrategy.sol
//               (Layr-Labs/eigenlayer-contracts; structs as in IDelegationManager.sol L101-109,
//               IAllocationManager.sol L78-82, libraries/OperatorSetLib.sol L9)
//   Renzo       contracts/RestakeManager.sol, Delegation/OperatorDelegator.sol (Renzo contracts-public)
//   Kelp        contracts/LRTDepositPool.sol, contracts/NodeDelegator.sol (Kelp-DAO/LRT-rsETH)
//   YieldNest   src/StakingNodesManager.sol, src/StakingNode.sol (yieldnest-protocol)
// They are NOT the protocols' code: no deposits, no delegation rules, no slashing arithmetic. Their state is
// written by the fixture (tests/chain/eigenlayer.mjs) through `set...` functions that exist only here.

struct Withdrawal {
    address staker;
    address delegatedTo;
    address withdrawer;
    uint256 nonce;
    uint32 startBlock;
    address[] strategies;
    uint256[] scaledShares;
}

struct OperatorSet {
    address avs;
    uint32 id;
}

struct Allocation {
    uint64 currentMagnitude;
    int128 pendingDiff;
    uint32 effectBlock;
}

/// Stand-in for EigenLayer's DelegationManager: `delegatedTo`, `getWithdrawableShares`, `getQueuedWithdrawals`,
/// `getOperatorShares`, from stored values (the real contract derives them from deposits, scaling factors and
/// max magnitudes).
contract DelegationManagerStandIn {
    /// The withdrawal delay in blocks, as `minWithdrawalDelayBlocks()` reports it (mainnet's
    /// DelegationManager returns 100,800, 14 days of 12-second blocks); a settable stand-in figure.
    uint32 public minWithdrawalDelayBlocks = 100800;
    mapping(address => address) public delegatedTo;
    mapping(address => mapping(address => uint256)) internal withdrawable;
    mapping(address => mapping(address => uint256)) internal operatorShares;
    mapping(address => Withdrawal[]) internal queued;
    mapping(address => uint256[][]) internal queuedShares;

    /// Each staker's operator (0: not delegated) and withdrawable shares, `shares[i][j]` of `strategies[j]`,
    /// which also count in its operator's shares.
    function setStakers(
        address[] calldata stakers,
        address[] calldata operators,
        address[] calldata strategies,
        uint256[][] calldata shares
    ) external {
        for (uint256 i = 0; i < stakers.length; i++) {
            delegatedTo[stakers[i]] = operators[i];
            for (uint256 j = 0; j < strategies.length; j++) {
                withdrawable[stakers[i]][strategies[j]] = shares[i][j];
                if (operators[i] != address(0)) operatorShares[operators[i]][strategies[j]] += shares[i][j];
            }
        }
    }

    /// Shares delegated to each operator by stakers outside the fixture's LRTs, `shares[i][j]` of `strategies[j]`.
    function addOperatorShares(address[] calldata operators, address[] calldata strategies, uint256[][] calldata shares)
        external
    {
        for (uint256 i = 0; i < operators.length; i++) {
            for (uint256 j = 0; j < strategies.length; j++) operatorShares[operators[i]][strategies[j]] += shares[i][j];
        }
    }

    /// A queued withdrawal of `staker` from `operator` (its shares as getQueuedWithdrawals reports them).
    function queueWithdrawal(address staker, address operator, address[] calldata strategies, uint256[] calldata shares)
        external
    {
        Withdrawal storage w = queued[staker].push();
        w.staker = staker;
        w.delegatedTo = operator;
        w.withdrawer = staker;
        w.nonce = queued[staker].length - 1;
        w.startBlock = uint32(block.number);
        w.strategies = strategies;
        w.scaledShares = shares;
        uint256[] storage q = queuedShares[staker].push();
        for (uint256 j = 0; j < shares.length; j++) q.push(shares[j]);
    }

    function getWithdrawableShares(address staker, address[] calldata strategies)
        external
        view
        returns (uint256[] memory withdrawableShares, uint256[] memory depositShares)
    {
        withdrawableShares = new uint256[](strategies.length);
        for (uint256 j = 0; j < strategies.length; j++) withdrawableShares[j] = withdrawable[staker][strategies[j]];
        depositShares = withdrawableShares;
    }

    function getQueuedWithdrawals(address staker)
        external
        view
        returns (Withdrawal[] memory withdrawals, uint256[][] memory shares)
    {
        return (queued[staker], queuedShares[staker]);
    }

    function getOperatorShares(address operator, address[] calldata strategies) external view returns (uint256[] memory out) {
        out = new uint256[](strategies.length);
        for (uint256 j = 0; j < strategies.length; j++) out[j] = operatorShares[operator][strategies[j]];
    }
}

/// Stand-in for EigenLayer's AllocationManager: `getAllocatedSets`, `getMaxMagnitudes`, `getAllocation`, from
/// stored values. A max magnitude never set is 1e18 (one WAD), as on the real contract before any slash.
contract AllocationManagerStandIn {
    mapping(address => OperatorSet[]) internal sets;
    mapping(address => mapping(address => uint64)) internal maxMagnitude;
    mapping(address => mapping(address => bool)) internal maxSet;
    mapping(bytes32 => Allocation) internal allocations;

    function key(address operator, OperatorSet memory set, address strategy) internal pure returns (bytes32) {
        return keccak256(abi.encode(operator, set.avs, set.id, strategy));
    }

    /// Operator `operator`'s sets, its max magnitude per strategy, and `allocations[i][j]` for `list[i]`, `strategies[j]`.
    function setOperator(
        address operator,
        OperatorSet[] calldata list,
        address[] calldata strategies,
        uint64[] calldata max,
        Allocation[][] calldata allocs
    ) external {
        delete sets[operator];
        for (uint256 j = 0; j < strategies.length; j++) {
            maxMagnitude[operator][strategies[j]] = max[j];
            maxSet[operator][strategies[j]] = true;
        }
        for (uint256 i = 0; i < list.length; i++) {
            sets[operator].push(list[i]);
            for (uint256 j = 0; j < strategies.length; j++) allocations[key(operator, list[i], strategies[j])] = allocs[i][j];
        }
    }

    function getAllocatedSets(address operator) external view returns (OperatorSet[] memory) {
        return sets[operator];
    }

    function getMaxMagnitudes(address operator, address[] calldata strategies) external view returns (uint64[] memory out) {
        out = new uint64[](strategies.length);
        for (uint256 j = 0; j < strategies.length; j++) {
            out[j] = maxSet[operator][strategies[j]] ? maxMagnitude[operator][strategies[j]] : 1e18;
        }
    }

    function getAllocation(address operator, OperatorSet calldata operatorSet, address strategy)
        external
        view
        returns (Allocation memory)
    {
        return allocations[key(operator, operatorSet, strategy)];
    }
}

/// Stand-in for an EigenLayer strategy: `sharesToUnderlyingView(shares)` = shares × rate / 1e18.
contract StrategyStandIn {
    uint256 public rate;

    function setRate(uint256 rate_) external {
        rate = rate_;
    }

    function sharesToUnderlyingView(uint256 amountShares) external view returns (uint256) {
        return (amountShares * rate) / 1e18;
    }
}

/// Stand-in for Renzo's RestakeManager staker list: `getOperatorDelegatorsLength()`, `operatorDelegators(i)`.
/// `setRevertAt(i)` makes entry i revert (a test of a failure in the middle of a page).
contract RestakeManagerListStandIn {
    address[] internal ods;
    uint256 public revertAt = type(uint256).max;

    function setOperatorDelegators(address[] calldata list) external {
        ods = list;
    }

    function setRevertAt(uint256 index) external {
        revertAt = index;
    }

    function getOperatorDelegatorsLength() external view returns (uint256) {
        return ods.length;
    }

    function operatorDelegators(uint256 index) external view returns (address) {
        require(index != revertAt, "stand-in: this entry reverts");
        return ods[index];
    }
}

/// Stand-in for Kelp's LRTDepositPool staker list: `getNodeDelegatorQueue()`.
contract LRTDepositPoolStandIn {
    address[] internal queue;

    function setNodeDelegatorQueue(address[] calldata list) external {
        queue = list;
    }

    function getNodeDelegatorQueue() external view returns (address[] memory) {
        return queue;
    }
}

/// Stand-in for YieldNest's StakingNodesManager staker list: `getAllNodes()`.
contract StakingNodesManagerStandIn {
    address[] internal nodes;

    function setNodes(address[] calldata list) external {
        nodes = list;
    }

    function getAllNodes() external view returns (address[] memory) {
        return nodes;
    }
}

interface IDelegatedTo {
    function delegatedTo(address staker) external view returns (address);
}

/// Stand-ins for the LRTs' staker contracts: each names its operator as its LRT's contract does. Their only
/// state is an immutable (in the runtime code), so the fixture places copies of one at many addresses with
/// `hardhat_setCode`; each answers what the DelegationManager stand-in says of its own address.
abstract contract StakerStandIn {
    IDelegatedTo public immutable delegationManager;

    constructor(IDelegatedTo dm) {
        delegationManager = dm;
    }

    function ownOperator() internal view returns (address) {
        return delegationManager.delegatedTo(address(this));
    }
}

/// Renzo OperatorDelegator: `delegateAddress()`.
contract OperatorDelegatorStandIn is StakerStandIn {
    constructor(IDelegatedTo dm) StakerStandIn(dm) {}

    function delegateAddress() external view returns (address) {
        return ownOperator();
    }
}

/// Kelp NodeDelegator: `elOperatorDelegatedTo()`.
contract NodeDelegatorStandIn is StakerStandIn {
    constructor(IDelegatedTo dm) StakerStandIn(dm) {}

    function elOperatorDelegatedTo() external view returns (address) {
        return ownOperator();
    }
}

/// YieldNest StakingNode: `delegatedTo()`.
contract StakingNodeStandIn is StakerStandIn {
    constructor(IDelegatedTo dm) StakerStandIn(dm) {}

    function delegatedTo() external view returns (address) {
        return ownOperator();
    }
}
