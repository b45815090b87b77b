//! The arithmetic of the stack, on validated input. Per unit of the token's ETH, with `y_CL`,
//! `y_EL` the gross base rates, `b` the idle buffer, `a_i`, `r_i`, `c_i` each AVS's allocation,
//! ETH-terms APR and operators' commission, and `f` the protocol fee on the streams in scope:
//!
//! ```text
//! LST net APR = (1 − f_LST) · (y_CL + y_EL)
//! LRT net APR = (1 − b) · [ (1 − f·[CL]) · y_CL + (1 − f·[EL]) · y_EL
//!                          + Σ_i (1 − f·[AVS]) · (1 − c_i) · a_i · r_i ]
//! ```
//!
//! The LRT's waterfall shows the gross streams as if nothing were idle (`y_CL`, `y_EL`,
//! `a_i·r_i`), then the buffer drag `−b·(y_CL + y_EL + Σ a_i r_i)`, the operators' commission
//! `−(1−b)·Σ c_i a_i r_i` and the protocol fee on what is left in scope; the steps sum to the net
//! APR. The operators take their split before the LRT (EigenLayer pays the staker's share to the
//! LRT's contracts), so the protocol fee applies to AVS rewards after commission.

use super::input::YieldInput;
use super::report::{AvsYield, Step, StepKind, TokenYield, YieldReport};

fn step(id: &str, label: &str, kind: StepKind, apr: f64) -> Step {
    Step {
        id: id.to_owned(),
        label: label.to_owned(),
        kind,
        apr,
    }
}

/// Builds the report from validated input and the gross base rates.
pub(super) fn compute(input: &YieldInput, cl: f64, el: f64) -> YieldReport {
    let c = input.compounding;
    let finish = |token: &str, steps: Vec<Step>| {
        // Fees never exceed what they are taken from, so the sum is ≥ 0 up to rounding.
        let net_apr = steps.iter().map(|s| s.apr).sum::<f64>().max(0.0);
        TokenYield {
            token: token.to_owned(),
            steps,
            net_apr,
            net_apy: c.apy(net_apr),
            deposit_value_eth: input.deposit_eth * c.growth(net_apr, input.horizon_years),
        }
    };

    let lst_fee = input.lst.fee_on_rewards;
    let lst = finish(
        &input.lst.token,
        vec![
            step("consensus", "Gross consensus rewards", StepKind::Income, cl),
            step("execution", "Gross execution rewards", StepKind::Income, el),
            step(
                "protocolFee",
                "LST fee on rewards",
                StepKind::Fee,
                -lst_fee * (cl + el),
            ),
        ],
    );

    let lrt_in = &input.lrt;
    let staked = 1.0 - lrt_in.buffer_share;
    let f = lrt_in.fee_on_rewards;
    let scope = lrt_in.fee_applies_to;
    let fee_on = |applies: bool| if applies { f } else { 0.0 };
    let avss: Vec<AvsYield> = lrt_in
        .avss
        .iter()
        .map(|a| {
            let reward_apr = a.reward.apr();
            let gross_apr = a.allocation * reward_apr;
            let commission = a.operator_commission.unwrap_or(lrt_in.operator_commission);
            let earned = staked * gross_apr;
            let operator_commission_apr = earned * commission;
            let protocol_fee_apr = (earned - operator_commission_apr) * fee_on(scope.avs);
            AvsYield {
                name: a.name.clone(),
                reward_apr,
                gross_apr,
                operator_commission_apr,
                protocol_fee_apr,
                net_apr: earned - operator_commission_apr - protocol_fee_apr,
                expected_loss: staked * a.allocation * a.fault_probability * a.slash_fraction,
            }
        })
        .collect();
    let avs_gross: f64 = avss.iter().map(|a| a.gross_apr).sum();
    let commission: f64 = avss.iter().map(|a| a.operator_commission_apr).sum();
    let base_fee = staked * (cl * fee_on(scope.consensus) + el * fee_on(scope.execution));
    let protocol_fee = base_fee + avss.iter().map(|a| a.protocol_fee_apr).sum::<f64>();
    let mut steps = vec![
        step("consensus", "Gross consensus rewards", StepKind::Income, cl),
        step("execution", "Gross execution rewards", StepKind::Income, el),
    ];
    steps.extend(avss.iter().enumerate().map(|(i, a)| Step {
        id: format!("avs:{i}"),
        label: a.name.clone(),
        kind: StepKind::Income,
        apr: a.gross_apr,
    }));
    steps.push(step(
        "buffer",
        "Idle withdrawal buffer",
        StepKind::Drag,
        -lrt_in.buffer_share * (cl + el + avs_gross),
    ));
    steps.push(step(
        "operatorCommission",
        "Operators' commission",
        StepKind::Fee,
        -commission,
    ));
    steps.push(step(
        "protocolFee",
        "LRT protocol fee",
        StepKind::Fee,
        -protocol_fee,
    ));
    let lrt = finish(&lrt_in.token, steps);

    let expected_slash_loss: f64 = avss.iter().map(|a| a.expected_loss).sum();
    let risk_adjusted_apy = lrt.net_apy - expected_slash_loss;
    YieldReport {
        consensus_apr: cl,
        execution_apr: el,
        premium_apr: lrt.net_apr - lst.net_apr,
        premium_apy: lrt.net_apy - lst.net_apy,
        expected_slash_loss,
        risk_adjusted_apy,
        risk_adjusted_premium: risk_adjusted_apy - lst.net_apy,
        // 1 + APY ≥ 1 − loss ≥ 0, so the power is defined.
        risk_adjusted_deposit_value_eth: input.deposit_eth
            * (1.0 + risk_adjusted_apy).max(0.0).powf(input.horizon_years),
        lst,
        lrt,
        avss,
    }
}
