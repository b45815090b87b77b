// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// STAND-IN for the local test chain (tests/chain): Aave's capped price adapter (CAPO). No npm package ships
// bgd-labs/aave-capo, so this contract re-implements the VIEW interface of its `IPriceCapAdapter`
// (src/interfaces/IPriceCapAdapter.sol, with `latestAnswer()`, `decimals()`, `description()` of the parent
// `ICLSynchronicityPriceAdapter`) with the mainnet names, argument and return types, and the arithmetic of
// `PriceCapAdapterBase.sol`: maxRatioGrowthPerSecond = snapshotRatio × maxYearlyRatioGrowthPercent / 10,000 /
// 31,536,000 (integer division), maxRatio = snapshotRatio + maxRatioGrowthPerSecond × (now − snapshotTimestamp),
// latestAnswer = basePrice × min(ratio, maxRatio) / 10^RATIO_DECIMALS, 0 when either input is not positive.
// It is NOT Aave's code: its cap parameters are set once by the fixture's constructor (mainnet's move through
// `setCapParameters`, risk admins only, which this stand-in does not have), and one contract serves every asset:
// its ratio is the answer of the no-argument function `ratioSelector` names on the ratio provider (weETH's
// `getRate()`, Kelp's LRTOracle `rsETHPrice()`, as mainnet's WeETHPriceCapAdapter and RsETHPriceCapAdapter call).

/// The base feed (ETH / USD): `latestAnswer()` as Chainlink's aggregators and Aave's `MockAggregator` have it.
interface IStandInAggregator {
    function latestAnswer() external view returns (int256);
}

/// Stand-in CAPO adapter for an 18-decimal ETH-based ratio.
contract PriceCapAdapterStandIn {
    uint256 public constant PERCENTAGE_FACTOR = 1e4;
    uint256 public constant MINIMAL_RATIO_INCREASE_LIFETIME = 10;
    uint256 public constant SECONDS_PER_YEAR = 365 days;

    address public immutable BASE_TO_USD_AGGREGATOR;
    address public immutable RATIO_PROVIDER;
    address public immutable ACL_MANAGER;
    uint8 public immutable DECIMALS;
    uint8 public constant RATIO_DECIMALS = 18;
    uint48 public immutable MINIMUM_SNAPSHOT_DELAY;
    bytes4 private immutable _ratioSelector;

    string private _description;
    uint104 private _snapshotRatio;
    uint48 private _snapshotTimestamp;
    uint16 private _maxYearlyRatioGrowthPercent;
    uint104 private _maxRatioGrowthPerSecond;

    constructor(
        address aclManager,
        address baseAggregator,
        address ratioProvider,
        bytes4 ratioSelector,
        string memory pairDescription,
        uint48 minimumSnapshotDelay,
        uint104 snapshotRatio,
        uint48 snapshotTimestamp,
        uint16 maxYearlyRatioGrowthPercent
    ) {
        ACL_MANAGER = aclManager;
        BASE_TO_USD_AGGREGATOR = baseAggregator;
        RATIO_PROVIDER = ratioProvider;
        _ratioSelector = ratioSelector;
        DECIMALS = 8;
        MINIMUM_SNAPSHOT_DELAY = minimumSnapshotDelay;
        _description = pairDescription;
        _snapshotRatio = snapshotRatio;
        _snapshotTimestamp = snapshotTimestamp;
        _maxYearlyRatioGrowthPercent = maxYearlyRatioGrowthPercent;
        _maxRatioGrowthPerSecond = uint104(
            (uint256(snapshotRatio) * maxYearlyRatioGrowthPercent) / PERCENTAGE_FACTOR / SECONDS_PER_YEAR
        );
    }

    function description() external view returns (string memory) {
        return _description;
    }

    function decimals() external view returns (uint8) {
        return DECIMALS;
    }

    function getRatio() public view returns (int256) {
        (bool ok, bytes memory data) = RATIO_PROVIDER.staticcall(abi.encodeWithSelector(_ratioSelector));
        require(ok && data.length == 32, "ratio provider");
        return int256(abi.decode(data, (uint256)));
    }

    function getSnapshotRatio() external view returns (uint256) {
        return _snapshotRatio;
    }

    function getSnapshotTimestamp() external view returns (uint256) {
        return _snapshotTimestamp;
    }

    function getMaxRatioGrowthPerSecond() external view returns (uint256) {
        return _maxRatioGrowthPerSecond;
    }

    function getMaxYearlyGrowthRatePercent() external view returns (uint256) {
        return _maxYearlyRatioGrowthPercent;
    }

    function isCapped() public view returns (bool) {
        return getRatio() > _getMaxRatio();
    }

    function latestAnswer() external view returns (int256) {
        int256 basePrice = IStandInAggregator(BASE_TO_USD_AGGREGATOR).latestAnswer();
        int256 currentRatio = getRatio();
        if (basePrice <= 0 || currentRatio <= 0) {
            return 0;
        }
        int256 maxRatio = _getMaxRatio();
        if (maxRatio < currentRatio) {
            currentRatio = maxRatio;
        }
        return (basePrice * currentRatio) / int256(10 ** RATIO_DECIMALS);
    }

    function _getMaxRatio() internal view returns (int256) {
        return int256(uint256(_snapshotRatio) + uint256(_maxRatioGrowthPerSecond) * (block.timestamp - _snapshotTimestamp));
    }
}
