"""Curve oracle for the reference suite: curvesim's StableSwap pool (Curve's own arithmetic,
integer, `A` as the pool's A() returns) for each case read from stdin as JSON, one list.

Each case: {"A": int, "balances": [str, str] (wei), "fee": int (1e10 scale), "adminFee": int,
"feeMul": int or null, "rates": [str, str] (1e18 = 1; the LRT coin's is its rate oracle's),
"dx": str (wei)}. Each answer: {"D": str, "dy": str, "fee": str,
"balances": [str, str]} after pool.exchange(0, 1, dx)."""

import importlib.util
import json
import sys
import types

# curvesim's package __init__ loads its whole simulation stack (pandas, plotting, network
# clients): 5-40 s. Only the pool's own modules are compared, so the three packages above it are
# registered empty (their real paths) and Python loads curvesim/pool/stableswap/pool.py and what
# it imports (exceptions, snapshot, base): the same code, in a fraction of a second.
_base = importlib.util.find_spec("curvesim").submodule_search_locations[0]
for _name, _sub in [("curvesim", ""), ("curvesim.pool", "/pool"), ("curvesim.pool.stableswap", "/pool/stableswap")]:
    _pkg = types.ModuleType(_name)
    _pkg.__path__ = [_base + _sub]
    sys.modules[_name] = _pkg

from curvesim.pool.stableswap.pool import CurvePool  # noqa: E402


def answer(case):
    pool = CurvePool(
        A=case["A"],
        D=[int(b) for b in case["balances"]],
        n=2,
        rates=[int(r) for r in case["rates"]],
        fee=case["fee"],
        fee_mul=case["feeMul"],
        admin_fee=case["adminFee"],
    )
    d = pool.D()
    dy, fee = pool.exchange(0, 1, int(case["dx"]))
    return {"D": str(d), "dy": str(dy), "fee": str(fee), "balances": [str(b) for b in pool.balances]}


json.dump([answer(c) for c in json.load(sys.stdin)], sys.stdout)
