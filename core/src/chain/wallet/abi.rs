//! The read interfaces a wallet import calls, in `alloy-sol-types`' `sol!`, each function's name,
//! arguments and return types as the mainnet contract has them (sources in docs/sources.md,
//! "Wallet import").

use alloy_sol_types::sol;

sol! {
    /// ERC-20 balance (EIP-20), in the token's smallest unit.
    interface IErc20Balance {
        function balanceOf(address account) external view returns (uint256);
    }

    /// Aave v3 Pool (aave-v3-core contracts/interfaces/IPool.sol): the account's totals in the
    /// market's base currency (USD, 8 decimals), its weighted liquidation threshold and LTV (bps)
    /// and its health factor (1e18; `type(uint256).max` without debt).
    interface IAavePoolAccount {
        function getUserAccountData(address user) external view returns (
            uint256 totalCollateralBase, uint256 totalDebtBase, uint256 availableBorrowsBase,
            uint256 currentLiquidationThreshold, uint256 ltv, uint256 healthFactor);
    }

    /// Aave v3 PoolDataProvider (aave-v3-core contracts/misc/AaveProtocolDataProvider.sol): one
    /// reserve of one user, in the reserve's token units.
    interface IAaveUserReserve {
        function getUserReserveData(address asset, address user) external view returns (
            uint256 currentATokenBalance, uint256 currentStableDebt, uint256 currentVariableDebt,
            uint256 principalStableDebt, uint256 scaledVariableDebt, uint256 stableBorrowRate,
            uint256 liquidityRate, uint40 stableRateLastUpdated, bool usageAsCollateralEnabled);
    }

    /// Morpho Blue (morpho-blue src/interfaces/IMorpho.sol): a user's position and a market's
    /// totals (assets and shares; interest not accrued since `lastUpdate`).
    interface IMorphoWallet {
        function position(bytes32 id, address user) external view returns (
            uint256 supplyShares, uint128 borrowShares, uint128 collateral);
        function market(bytes32 id) external view returns (
            uint128 totalSupplyAssets, uint128 totalSupplyShares, uint128 totalBorrowAssets,
            uint128 totalBorrowShares, uint128 lastUpdate, uint128 fee);
        function idToMarketParams(bytes32 id) external view returns (
            address loanToken, address collateralToken, address oracle, address irm, uint256 lltv);
    }

    /// EigenLayer DelegationManager (eigenlayer-contracts src/contracts/interfaces/
    /// IDelegationManager.sol): a staker's queued withdrawals, each with the shares completing it
    /// would give after every slash so far, and the delay before one can complete.
    interface IDelegationManagerWallet {
        struct Withdrawal {
            address staker; address delegatedTo; address withdrawer; uint256 nonce;
            uint32 startBlock; address[] strategies; uint256[] scaledShares;
        }
        function getQueuedWithdrawals(address staker) external view returns (
            Withdrawal[] memory withdrawals, uint256[][] memory shares);
        function minWithdrawalDelayBlocks() external view returns (uint32);
    }
}
