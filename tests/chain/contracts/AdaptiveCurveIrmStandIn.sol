// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

import {IIrm} from "morpho/interfaces/IIrm.sol";
import {Id, Market, MarketParams} from "morpho/interfaces/IMorpho.sol";
import {MarketParamsLib} from "morpho/libraries/MarketParamsLib.sol";

/// STAND-IN for Morpho's AdaptiveCurveIRM (morpho-org/morpho-blue-irm
/// src/adaptive-curve-irm/AdaptiveCurveIrm.sol; mainnet 0x870aC11D48B15DB9a138Cf899d20F13F79Ba00BC), which
/// no npm package ships. It has exactly the mainnet contract's interface (IAdaptiveCurveIrm: `MORPHO()`,
/// `rateAtTarget(Id)` → int256 per second WAD; IIrm: `borrowRateView`, `borrowRate`), so Morpho Blue can use it
/// as a market's IRM and the lab reads it as it reads mainnet. It is NOT Morpho's code: the rate at target is
/// set by the fixture (`setRateAtTarget` exists only here) and does not adapt; `borrowRate`/`borrowRateView`
/// return the curve at the stored rate at target (ConstantsLib: CURVE_STEEPNESS 4, TARGET_UTILIZATION 90%;
/// INITIAL_RATE_AT_TARGET 4% APR while none is stored), with no adaptation over the elapsed time.
contract AdaptiveCurveIrmStandIn is IIrm {
    using MarketParamsLib for MarketParams;

    int256 internal constant WAD = 1e18;
    int256 internal constant CURVE_STEEPNESS = 4e18;
    int256 internal constant TARGET_UTILIZATION = 0.9e18;
    int256 internal constant INITIAL_RATE_AT_TARGET = 0.04e18 / int256(365 days);

    address public immutable MORPHO;
    mapping(Id => int256) public rateAtTarget;

    constructor(address morpho) {
        MORPHO = morpho;
    }

    function setRateAtTarget(Id id, int256 rate) external {
        rateAtTarget[id] = rate;
    }

    function borrowRateView(MarketParams memory marketParams, Market memory market) public view returns (uint256) {
        int256 start = rateAtTarget[marketParams.id()];
        if (start == 0) start = INITIAL_RATE_AT_TARGET;
        int256 u = market.totalSupplyAssets == 0
            ? int256(0)
            : int256(uint256(market.totalBorrowAssets) * 1e18 / market.totalSupplyAssets);
        int256 norm = u > TARGET_UTILIZATION ? WAD - TARGET_UTILIZATION : TARGET_UTILIZATION;
        int256 err = (u - TARGET_UTILIZATION) * WAD / norm;
        int256 coeff = err < 0 ? WAD - WAD * WAD / CURVE_STEEPNESS : CURVE_STEEPNESS - WAD;
        return uint256((coeff * err / WAD + WAD) * start / WAD);
    }

    function borrowRate(MarketParams memory marketParams, Market memory market) external view returns (uint256) {
        return borrowRateView(marketParams, market);
    }
}
