//! One `yield_stack` evaluation for an LRT with 20 AVS streams (half paid in ETH, half in
//! tokens), the consensus APR derived from total stake, daily compounding.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, black_box, criterion_group};
    use restake_core::yield_stack::*;

    const AVSS: usize = 20;

    fn input() -> YieldInput {
        let avss = (0..AVSS)
            .map(|i| AvsStream {
                name: format!("AVS {i}"),
                allocation: 0.045,
                reward: if i % 2 == 0 {
                    AvsReward::Eth {
                        apr: 0.001 * i as f64,
                    }
                } else {
                    AvsReward::Token {
                        token: format!("T{i}"),
                        tokens_per_eth_per_year: 10.0 * i as f64,
                        token_price_eth: 0.0003,
                        liquidity_haircut: 0.2,
                    }
                },
                operator_commission: (i % 3 == 0).then_some(0.2),
                fault_probability: 0.01,
                slash_fraction: 0.1,
            })
            .collect();
        YieldInput {
            base: BaseLayer {
                consensus: ConsensusApr::FromStake {
                    total_staked_eth: 36e6,
                    participation: 0.99,
                },
                execution_apr: 0.0054,
            },
            lst: LstInput {
                token: "wstETH".into(),
                fee_on_rewards: 0.1,
            },
            lrt: LrtInput {
                token: "LRT".into(),
                fee_on_rewards: 0.1,
                fee_applies_to: FeeScope::ALL,
                operator_commission: 0.1,
                buffer_share: 0.05,
                avss,
            },
            compounding: Compounding::Periodic {
                periods_per_year: 365,
            },
            deposit_eth: 10.0,
            horizon_years: 1.0,
        }
    }

    fn bench(c: &mut Criterion) {
        let input = input();
        // Sanity: the run succeeds before it is timed.
        yield_stack(&input).unwrap();
        c.bench_function("yield_stack/lrt_20_avss", |b| {
            b.iter(|| yield_stack(black_box(&input)).unwrap())
        });
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
