// Counting, comparing and seeded drawing for the reference suite.

/** Passed and failed comparisons, with the first failures of each check kept for the report. */
export class Tally {
  passed = 0;
  failed = 0;
  failures = new Map();

  /** Records a failure of `check` with a message naming the input. */
  fail(check, message) {
    this.failed += 1;
    const list = this.failures.get(check) ?? [];
    if (list.length < 5) list.push(message);
    this.failures.set(check, list);
  }

  /** Passes when `ok`, else records `message()`. */
  expect(check, ok, message) {
    if (ok) this.passed += 1;
    else this.fail(check, message());
  }

  /** Exact equality (integers as strings or bigints). */
  exact(check, ours, theirs, what) {
    this.expect(check, String(ours) === String(theirs), () => `${what}: ours ${ours}, reference ${theirs}`);
  }

  /** |ours − theirs| ≤ rel · max(|theirs|, floor), both finite. */
  close(check, ours, theirs, rel, what, floor = 1e-12) {
    const ok = Number.isFinite(ours) && Number.isFinite(theirs) && Math.abs(ours - theirs) <= rel * Math.max(Math.abs(theirs), floor);
    this.expect(check, ok, () => `${what}: ours ${ours}, reference ${theirs} (relative tolerance ${rel})`);
  }

  report() {
    for (const [check, list] of this.failures) {
      console.log(`FAILED ${check}:`);
      for (const m of list) console.log(`  ${m}`);
    }
  }
}

/** A seeded generator of floats in [0, 1) (mulberry32 on `seed` and a per-check `stream`). */
export function rng(seed, stream) {
  let a = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b)) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.between = (lo, hi) => lo + (hi - lo) * next();
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

/** Whole wei of an ETH amount given to 1e-6 ETH (so the float and the integer are the same number). */
export const toWei = (eth) => BigInt(Math.round(eth * 1e6)) * 10n ** 12n;
/** The ETH amount of `wei`, as a float. */
export const fromWei = (wei) => Number(BigInt(wei)) / 1e18;
