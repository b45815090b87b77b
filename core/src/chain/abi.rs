//! The contracts' read interfaces as the `sol!` macro of `alloy-sol-types` declares them: each
//! function's name, argument and return types exactly as the mainnet contract has them (sources in
//! docs/sources.md, "Live market state"). Encoding and decoding are the crate's, never hand-written.

use alloy_sol_types::sol;

sol! {
    /// Multicall3 (mds1/multicall3 src/Multicall3.sol): one `eth_call` that runs many calls and
    /// reports each call's success and return data instead of reverting (`allowFailure`).
    interface IMulticall3 {
        struct Call3 { address target; bool allowFailure; bytes callData; }
        struct Result { bool success; bytes returnData; }
        function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData);
    }

    /// ERC-20 supply (EIP-20), in the token's smallest unit.
    interface IErc20 {
        function totalSupply() external view returns (uint256);
    }

    /// Rate providers returning ETH (or eETH/stETH) per token in 1e18: ether.fi weETH
    /// (src/core/WeETH.sol), Renzo's BalancerRateProvider (contracts/RateProvider/BalancerRateProvider.sol).
    interface IRateProvider {
        function getRate() external view returns (uint256);
    }

    /// Kelp's LRTOracle (contracts/LRTOracle.sol): ETH per rsETH in 1e18.
    interface IKelpOracle {
        function rsETHPrice() external view returns (uint256);
    }

    /// Lido's wstETH (contracts/0.6.12/WstETH.sol): stETH per wstETH in 1e18.
    interface IWstEth {
        function stEthPerToken() external view returns (uint256);
    }

    /// An ERC-4626 vault (pufETH, ynETH): assets for `shares` shares.
    interface IErc4626 {
        function convertToAssets(uint256 shares) external view returns (uint256);
    }

    /// Curve stableswap-ng (curvefi/stableswap-ng contracts/main/CurveStableSwapNG.vy).
    interface ICurvePool {
        function balances(uint256 i) external view returns (uint256);
        function A() external view returns (uint256);
        function fee() external view returns (uint256);
        function coins(uint256 i) external view returns (address);
        function stored_rates() external view returns (uint256[] memory);
        function offpeg_fee_multiplier() external view returns (uint256);
    }

    /// Aave v3 PoolDataProvider (aave-v3-origin src/contracts/helpers/interfaces/IPoolDataProvider.sol).
    interface IAaveDataProvider {
        function getReserveConfigurationData(address asset) external view returns (
            uint256 decimals, uint256 ltv, uint256 liquidationThreshold, uint256 liquidationBonus,
            uint256 reserveFactor, bool usageAsCollateralEnabled, bool borrowingEnabled,
            bool stableBorrowRateEnabled, bool isActive, bool isFrozen);
        function getReserveCaps(address asset) external view returns (uint256 borrowCap, uint256 supplyCap);
        function getReserveData(address asset) external view returns (
            uint256 unbacked, uint256 accruedToTreasuryScaled, uint256 totalAToken, uint256 totalStableDebt,
            uint256 totalVariableDebt, uint256 liquidityRate, uint256 variableBorrowRate, uint256 stableBorrowRate,
            uint256 averageStableBorrowRate, uint256 liquidityIndex, uint256 variableBorrowIndex,
            uint40 lastUpdateTimestamp);
    }

    /// Aave v3.2+ DefaultReserveInterestRateStrategyV2 (IDefaultInterestRateStrategyV2.sol): one
    /// contract for every reserve, parameters in bps.
    interface IAaveRateStrategyV2 {
        function getInterestRateDataBps(address reserve) external view returns (
            uint16 optimalUsageRatio, uint32 baseVariableBorrowRate, uint32 variableRateSlope1,
            uint32 variableRateSlope2);
    }

    /// Aave v3.0/v3.1 DefaultReserveInterestRateStrategy (aave-v3-core
    /// contracts/protocol/pool/DefaultReserveInterestRateStrategy.sol): one contract per reserve, rays.
    interface IAaveRateStrategyV30 {
        function OPTIMAL_USAGE_RATIO() external view returns (uint256);
        function getBaseVariableBorrowRate() external view returns (uint256);
        function getVariableRateSlope1() external view returns (uint256);
        function getVariableRateSlope2() external view returns (uint256);
    }

    /// Morpho Blue (morpho-blue src/interfaces/IMorpho.sol).
    interface IMorpho {
        function idToMarketParams(bytes32 id) external view returns (
            address loanToken, address collateralToken, address oracle, address irm, uint256 lltv);
        function market(bytes32 id) external view returns (
            uint128 totalSupplyAssets, uint128 totalSupplyShares, uint128 totalBorrowAssets,
            uint128 totalBorrowShares, uint128 lastUpdate, uint128 fee);
    }

    /// Morpho's AdaptiveCurveIRM (morpho-org/morpho-blue-irm
    /// src/adaptive-curve-irm/interfaces/IAdaptiveCurveIrm.sol): a market's stored rate at target,
    /// per second, WAD (0 before the market's first interest accrual).
    interface IAdaptiveCurveIrm {
        function rateAtTarget(bytes32 id) external view returns (int256);
    }
}
