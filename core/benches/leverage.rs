//! `liquidation_cascade` on 1,000 generated positions behind a market oracle (Morpho LLTV 0.77)
//! selling into a constant-product pool — a 12-round cascade — and `leverage_loop` with its
//! 41-point curve.

// Criterion is a native-only dev-dependency; on wasm32 the bench is an empty program so that
// `cargo clippy --all-targets --target wasm32-unknown-unknown` still builds it.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{Criterion, black_box, criterion_group};
    use restake_core::lending::replay::ezeth_april_2024;
    use restake_core::lending::{
        LeverageInput, LoopTarget, Pool, PoolKind, Population, Shock, lending_markets,
        leverage_loop, liquidation_cascade,
    };

    fn bench(c: &mut Criterion) {
        // 1,000 borrowers (HF 1–2, sizes skewed), a constant-product pool 400k deep and a 10%
        // depeg: 12 rounds, 853 positions liquidated.
        let mut input = ezeth_april_2024().input;
        input.population = Population::Generated {
            count: 1_000,
            total_collateral: 150_000.0,
            min_health_factor: 1.0,
            max_health_factor: 2.0,
            size_skew: 0.5,
        };
        input.pool = Pool::new(PoolKind::ConstantProduct, 400_000.0, 400_000.0);
        input.shock = Shock::Depeg { fraction: 0.1 };
        input.sale_share = 1.0;
        let rounds = liquidation_cascade(&input)
            .expect("bench input is valid")
            .rounds
            .len();
        c.bench_function(&format!("cascade 1,000 positions, {rounds} rounds"), |b| {
            b.iter(|| liquidation_cascade(black_box(&input)).expect("bench input is valid"))
        });
        let lev = LeverageInput {
            deposit: 10.0,
            price: 1.0,
            lrt_yield: 0.03,
            borrow_rate: 0.025,
            market: lending_markets()[0].params(),
            target: LoopTarget::HealthFactor {
                health_factor: 1.05,
            },
        };
        c.bench_function("leverage loop with curve", |b| {
            b.iter(|| leverage_loop(black_box(&lev)).expect("bench input is valid"))
        });
    }

    criterion_group!(benches, bench);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
