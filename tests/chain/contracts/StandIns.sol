// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

// STAND-INS for the local test chain (tests/chain). No npm package ships these protocols' contracts, so each
// contract below re-implements only the READ interface the lab calls on mainnet, with the mainnet function
// names, argument and return types (see tests/chain/README.md and docs/sources.md for the originals). They are
// NOT the protocols' code: their state is set by the fixture (`set...` functions exist only here), and the
// arithmetic of each rate follows the cited mainnet definition.

/// Stand-in ERC-20 (name, symbol, 18 decimals, balances, allowances); `mint` exists only in the fixture.
contract StandInToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }
}

/// Stand-in for ether.fi's eETH share ledger: `totalShares()` (etherfi-protocol/smart-contracts src/core/EETH.sol).
contract EETHStandIn {
    uint256 public totalShares;

    function setTotalShares(uint256 shares) external {
        totalShares = shares;
    }
}

/// Stand-in for ether.fi's LiquidityPool: `getTotalPooledEther()` and `amountForShare(shares)`
/// = shares × totalPooledEther / eETH.totalShares() (src/core/LiquidityPool.sol), in wei.
contract LiquidityPoolStandIn {
    EETHStandIn public immutable eETH;
    uint256 internal totalPooledEther;

    constructor(EETHStandIn eETH_) {
        eETH = eETH_;
    }

    function setTotalPooledEther(uint256 amount) external {
        totalPooledEther = amount;
    }

    function getTotalPooledEther() public view returns (uint256) {
        return totalPooledEther;
    }

    function amountForShare(uint256 share) public view returns (uint256) {
        uint256 shares = eETH.totalShares();
        if (shares == 0) return 0;
        return (share * getTotalPooledEther()) / shares;
    }
}

/// Stand-in for ether.fi's weETH: an ERC-20 whose `getRate()` = eETH per 1 weETH (1e18)
/// = LiquidityPool.amountForShare(1e18), and `getEETHByWeETH(x)` = amountForShare(x) (src/core/WeETH.sol).
contract WeETHStandIn is StandInToken {
    LiquidityPoolStandIn public immutable liquidityPool;

    constructor(LiquidityPoolStandIn pool) StandInToken("Wrapped eETH (stand-in)", "weETH") {
        liquidityPool = pool;
    }

    function getEETHByWeETH(uint256 weETHAmount) public view returns (uint256) {
        return liquidityPool.amountForShare(weETHAmount);
    }

    function getRate() external view returns (uint256) {
        return getEETHByWeETH(1e18);
    }
}

/// Stand-in for Renzo's RestakeManager: `calculateTVLs()` returns (per operator delegator per token TVL,
/// per operator delegator TVL, total TVL), all in wei of ETH (contracts/RestakeManager.sol).
contract RestakeManagerStandIn {
    uint256[][] internal perOdPerToken;
    uint256[] internal perOd;
    uint256 internal total;

    function setTVLs(uint256[][] calldata perOdPerToken_, uint256[] calldata perOd_, uint256 total_) external {
        delete perOdPerToken;
        for (uint256 i = 0; i < perOdPerToken_.length; i++) {
            perOdPerToken.push();
            for (uint256 t = 0; t < perOdPerToken_[i].length; t++) perOdPerToken[i].push(perOdPerToken_[i][t]);
        }
        perOd = perOd_;
        total = total_;
    }

    function calculateTVLs() external view returns (uint256[][] memory, uint256[] memory, uint256) {
        return (perOdPerToken, perOd, total);
    }
}

/// Stand-in for Renzo's BalancerRateProvider: `getRate()` = total TVL × 1e18 / ezETH.totalSupply()
/// (contracts/RateProvider/BalancerRateProvider.sol).
contract RenzoRateProviderStandIn {
    RestakeManagerStandIn public immutable restakeManager;
    StandInToken public immutable ezETH;

    constructor(RestakeManagerStandIn manager, StandInToken token) {
        restakeManager = manager;
        ezETH = token;
    }

    function getRate() external view returns (uint256) {
        (, , uint256 tvl) = restakeManager.calculateTVLs();
        return (tvl * 1e18) / ezETH.totalSupply();
    }
}

/// Stand-in for Kelp's LRTOracle: `rsETHPrice()` (ETH per rsETH, 1e18, a stored value) and
/// `pricePercentageLimit()` (contracts/LRTOracle.sol).
contract LRTOracleStandIn {
    uint256 public rsETHPrice;
    uint256 public pricePercentageLimit;

    function setPrice(uint256 price, uint256 limit) external {
        rsETHPrice = price;
        pricePercentageLimit = limit;
    }
}

/// Stand-in for Lido's wstETH: an ERC-20 with `stEthPerToken()` (stETH per wstETH, 1e18; contracts/0.6.12/WstETH.sol).
contract WstETHStandIn is StandInToken {
    uint256 public stEthPerToken;

    constructor() StandInToken("Wrapped liquid staked Ether 2.0 (stand-in)", "wstETH") {}

    function setStEthPerToken(uint256 rate) external {
        stEthPerToken = rate;
    }
}

/// Stand-in for a two-coin Curve stableswap-ng pool of 18-decimal coins (curvefi/stableswap-ng
/// contracts/main/CurveStableSwapNG.vy): `coins(i)`, `balances(i)` (wei), `A()` (= A_precise / 100),
/// `A_precise()`, `fee()` (1e10 = 100%), `offpeg_fee_multiplier()` (1e10 = 1×), `stored_rates()`
/// (each coin's rate, 1e18 = 1, as a rate oracle sets it) and `get_dy(i, j, dx)` by the
/// stableswap invariant A·n^n·Σxp + D = A·D·n^n + D^(n+1)/(n^n·Πxp) on xp = balance·rate/1e18,
/// solved by Newton's method, less the constant fee on dy (the off-peg multiplier is reported,
/// not applied: the fixture sets it to 1×). It holds no tokens and never swaps: balances are set
/// by the fixture.
contract CurveStableSwapStandIn {
    uint256 internal constant N = 2;
    uint256 internal constant A_PRECISION = 100;
    uint256 internal constant FEE_DENOMINATOR = 1e10;

    address[2] internal coinList;
    uint256[2] internal poolBalances;
    uint256 internal aPrecise;
    uint256 public fee;
    uint256 public offpeg_fee_multiplier = FEE_DENOMINATOR;
    uint256[2] internal rates = [uint256(1e18), uint256(1e18)];

    constructor(address coin0, address coin1) {
        coinList = [coin0, coin1];
    }

    function setRates(uint256 rate0, uint256 rate1) external {
        rates = [rate0, rate1];
    }

    function stored_rates() external view returns (uint256[] memory out) {
        out = new uint256[](N);
        out[0] = rates[0];
        out[1] = rates[1];
    }

    function setState(uint256 balance0, uint256 balance1, uint256 a, uint256 fee_) external {
        poolBalances = [balance0, balance1];
        aPrecise = a * A_PRECISION;
        fee = fee_;
    }

    function coins(uint256 i) external view returns (address) {
        return coinList[i];
    }

    function balances(uint256 i) external view returns (uint256) {
        return poolBalances[i];
    }

    function A() external view returns (uint256) {
        return aPrecise / A_PRECISION;
    }

    function A_precise() external view returns (uint256) {
        return aPrecise;
    }

    function get_dy(int128 i, int128 j, uint256 dx) external view returns (uint256) {
        require(i != j && i >= 0 && j >= 0 && uint128(i) < N && uint128(j) < N, "coin index");
        uint256 ui = uint128(i);
        uint256 uj = uint128(j);
        uint256[2] memory xp = [(poolBalances[0] * rates[0]) / 1e18, (poolBalances[1] * rates[1]) / 1e18];
        uint256 d = _getD(xp, aPrecise);
        uint256 y = _getY(xp[ui] + (dx * rates[ui]) / 1e18, d, aPrecise);
        uint256 dy = xp[uj] - y - 1;
        return ((dy - (fee * dy) / FEE_DENOMINATOR) * 1e18) / rates[uj];
    }

    function _getD(uint256[2] memory xp, uint256 amp) internal pure returns (uint256) {
        uint256 s = xp[0] + xp[1];
        if (s == 0) return 0;
        uint256 d = s;
        uint256 ann = amp * N;
        for (uint256 k = 0; k < 255; k++) {
            uint256 dP = d;
            for (uint256 m = 0; m < N; m++) dP = (dP * d) / (xp[m] * N);
            uint256 prev = d;
            d = (((ann * s) / A_PRECISION + dP * N) * d) / (((ann - A_PRECISION) * d) / A_PRECISION + (N + 1) * dP);
            if (d > prev ? d - prev <= 1 : prev - d <= 1) return d;
        }
        revert("D did not converge");
    }

    /// The other coin's balance y given this coin's x, for two coins.
    function _getY(uint256 x, uint256 d, uint256 amp) internal pure returns (uint256) {
        uint256 ann = amp * N;
        uint256 c = (d * d) / (x * N);
        c = (c * d * A_PRECISION) / (ann * N);
        uint256 b = x + (d * A_PRECISION) / ann;
        uint256 y = d;
        for (uint256 k = 0; k < 255; k++) {
            uint256 prev = y;
            y = (y * y + c) / (2 * y + b - d);
            if (y > prev ? y - prev <= 1 : prev - y <= 1) return y;
        }
        revert("y did not converge");
    }
}
