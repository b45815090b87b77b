//! The network's validation: paths of every rejected field.

use super::*;

fn base() -> Network {
    Network {
        protocols: crate::presets::protocols().unwrap(),
        operators: vec![Operator {
            id: "op-a".into(),
            name: "Operator A".into(),
            other_delegated_eth: 100.0,
            other_native_share: 0.5,
        }],
        avss: vec![
            Avs {
                id: "eigenda".into(),
                name: "EigenDA".into(),
            },
            Avs {
                id: "oracle".into(),
                name: "Oracle AVS".into(),
            },
        ],
        delegations: vec![Delegation {
            protocol: "renzo".into(),
            operator: "op-a".into(),
            weight: 0.5,
            queued_withdrawal_eth: 2.0,
        }],
        allocations: vec![
            Allocation {
                operator: "op-a".into(),
                avs: "eigenda".into(),
                magnitude: 0.7,
                network_limit: Some(0.9),
            },
            Allocation {
                operator: "op-a".into(),
                avs: "oracle".into(),
                magnitude: 0.3,
                network_limit: None,
            },
        ],
        positions: vec![Position {
            protocol: "kelp".into(),
            amount_eth: 10.0,
        }],
        restaking: vec![Restaking {
            protocol: "renzo".into(),
            restaked_eth: 1000.0,
            native_share: 0.4,
            exchange_rate_eth: Some(1.02),
        }],
    }
}

#[test]
fn json_round_trip() {
    let s = base();
    let text = serde_json::to_string(&s).unwrap();
    assert_eq!(Network::from_json(&text).unwrap(), s);
}

#[test]
fn unknown_field_is_named() {
    let mut v = serde_json::to_value(base()).unwrap();
    v["operators"][0]["colour"] = "red".into();
    let e = Network::from_json(&v.to_string()).unwrap_err();
    assert_eq!(e.field(), "operators[0].colour");
    assert!(e.to_string().contains("unknown field `colour`"), "{e}");
}

#[test]
fn allocations_above_one_are_rejected() {
    let mut s = base();
    s.allocations[1].magnitude = 0.31;
    let e = s.validate().unwrap_err();
    assert_eq!(e.field(), "allocations[operator=op-a].magnitude");
}

#[test]
fn dangling_and_duplicate_ids() {
    let mut s = base();
    s.positions[0].protocol = "lido".into();
    assert_eq!(
        s.validate().unwrap_err().to_string(),
        "positions[0].protocol: no protocol with id \"lido\""
    );
    let mut s = base();
    s.avss[1].id = "eigenda".into();
    assert_eq!(s.validate().unwrap_err().field(), "avss[1].id");
}

#[test]
fn bad_numbers_name_their_field() {
    let mut s = base();
    s.positions[0].amount_eth = -1.0;
    assert_eq!(s.validate().unwrap_err().field(), "positions[0].amountEth");
    let mut s = base();
    s.protocols[0].fee_on_rewards.value = f64::NAN;
    assert_eq!(
        s.validate().unwrap_err().field(),
        "protocols[0].feeOnRewards.value"
    );
}

#[test]
fn slashing_fields_default_and_validate_with_paths() {
    // Documents written before the slashing fields existed still parse, with defaults.
    let old = r#"{"protocols": [],
        "operators": [{"id": "op", "name": "Op"}],
        "avss": [{"id": "x", "name": "X"}],
        "allocations": [{"operator": "op", "avs": "x", "magnitude": 0.5}]}"#;
    let s = Network::from_json(old).unwrap();
    assert_eq!(s.operators[0].other_delegated_eth, 0.0);
    assert_eq!(s.allocations[0].network_limit, None);
    assert!(s.restaking.is_empty());
    // An omitted network limit is not written back.
    assert!(!serde_json::to_string(&s).unwrap().contains("networkLimit"));

    type Breaker = fn(&mut Network);
    let cases: [(Breaker, &str); 8] = [
        (
            |s| s.operators[0].other_delegated_eth = -1.0,
            "operators[0].otherDelegatedEth",
        ),
        (
            |s| s.operators[0].other_native_share = 1.5,
            "operators[0].otherNativeShare",
        ),
        (
            |s| s.delegations[0].queued_withdrawal_eth = 2e9,
            "delegations[0].queuedWithdrawalEth",
        ),
        (
            |s| s.allocations[0].network_limit = Some(f64::NAN),
            "allocations[0].networkLimit",
        ),
        (
            |s| s.restaking[0].native_share = -0.1,
            "restaking[0].nativeShare",
        ),
        (
            |s| s.restaking[0].restaked_eth = f64::INFINITY,
            "restaking[0].restakedEth",
        ),
        (
            |s| s.restaking[0].exchange_rate_eth = Some(0.0),
            "restaking[0].exchangeRateEth",
        ),
        (
            |s| s.restaking[0].protocol = "lido".into(),
            "restaking[0].protocol",
        ),
    ];
    for (break_it, field) in cases {
        let mut s = base();
        break_it(&mut s);
        assert_eq!(s.validate().unwrap_err().field(), field);
    }
    let mut s = base();
    s.restaking.push(s.restaking[0].clone());
    assert_eq!(s.validate().unwrap_err().field(), "restaking[1].protocol");
    let mut s = base();
    s.allocations[1].avs = "eigenda".into();
    s.allocations[1].magnitude = 0.1;
    let e = s.validate().unwrap_err();
    assert_eq!(
        e.to_string(),
        "allocations[1]: id \"op-a/eigenda\" is used more than once"
    );
    assert_eq!(base().restaking_of("renzo").unwrap().native_share, 0.4);
    assert!(base().restaking_of("kelp").is_none());
}
