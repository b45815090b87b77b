use super::*;
use alloy_primitives::{address, b256, hex};
use alloy_sol_types::SolValue;

const POOL: Address = address!("596192bB6e41802428Ac943D2f1476C1Af25CC0E");
const EZETH: Address = address!("bf5495Efe5DB9ce00f80364C8B423567e58d2110");
const WETH: Address = address!("C02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
const ID: B256 = b256!("596192bb6e41802428ac943d2f1476c1af25cc0e000000000000000000000659");

fn e18(v: u64) -> U256 {
    U256::from(v) * U256::from(10u64).pow(U256::from(18u64))
}

fn named(figs: &[Figure]) -> Vec<(&str, f64)> {
    figs.iter().map(|f| (f.name.as_str(), f.value)).collect()
}

fn bad(d: BalancerDecode, data: &[u8]) -> String {
    match figures(d, data) {
        Err(Failure::UnexpectedShape { detail }) => detail,
        other => panic!("{other:?}"),
    }
}

fn tokens_answer(tokens: Vec<Address>, balances: Vec<U256>) -> Vec<u8> {
    (tokens, balances, U256::from(21_000_000u64)).abi_encode_params()
}

const TOKENS: BalancerDecode = BalancerDecode::PoolTokens {
    pool: POOL,
    lrt: EZETH,
};

fn target() -> BalancerPoolTarget {
    BalancerPoolTarget {
        id: "ezETH-WETH".to_owned(),
        vault: "0xBA12222222228d8Ba445958a75a0704d566BF2C8".to_owned(),
        pool: "0x596192bB6e41802428Ac943D2f1476C1Af25CC0E".to_owned(),
        pool_id: format!("{ID}"),
        lrt: "0xbf5495Efe5DB9ce00f80364C8B423567e58d2110".to_owned(),
    }
}

#[test]
fn the_ezeth_pool_id_is_its_address_general_and_nonce_0x659() {
    // PoolRegistry._toPoolId: address ‖ specialization (GENERAL = 0) ‖ nonce.
    assert_eq!(pool_id(POOL, 0, 0x659).unwrap(), ID);
    let two_token = pool_id(POOL, 2, 1).unwrap();
    assert_eq!(
        hex::encode(&two_token[20..]),
        "000200000000000000000001".to_owned()
    );
    assert_eq!(pool_id(POOL, 3, 0).unwrap_err().field(), "specialization");
    assert_eq!(pool_id(POOL, 0, 1u128 << 80).unwrap_err().field(), "nonce");
    assert!(pool_id(POOL, 0, (1u128 << 80) - 1).is_ok());
}

#[test]
fn selectors_are_the_vaults_and_the_pools() {
    let mut out = Vec::new();
    calls(&[target()], &mut out).unwrap();
    let got: Vec<(String, &str)> = out
        .iter()
        .map(|c| (hex::encode(&c.data[..4]), c.function))
        .collect();
    assert_eq!(
        got,
        [
            ("f94d4668".to_owned(), "getPoolTokens(bytes32)"),
            ("38fff2d0".to_owned(), "getPoolId()"),
            ("6daccffa".to_owned(), "getAmplificationParameter()"),
            ("55c67628".to_owned(), "getSwapFeePercentage()"),
            ("1dd746ea".to_owned(), "getScalingFactors()"),
            ("82687a56".to_owned(), "getBptIndex()"),
        ]
    );
    // getPoolTokens carries the id; the Vault is its target, the pool every other call's.
    assert_eq!(&out[0].data[4..], ID.as_slice());
    assert_eq!(
        out[0].target,
        address!("BA12222222228d8Ba445958a75a0704d566BF2C8")
    );
    assert!(out[1..].iter().all(|c| c.target == POOL));
    assert!(out.iter().all(|c| c.field == "balancerPools.ezETH-WETH"));
}

#[test]
fn figures_of_a_pool() {
    // Sorted as the Vault lists them: BPT (0x5961…), ezETH (0xbf54…), WETH (0xC02a…).
    let data = tokens_answer(
        vec![POOL, EZETH, WETH],
        vec![
            U256::from(2u64).pow(U256::from(111u64)),
            e18(9_000),
            e18(10_000),
        ],
    );
    let f = figures(TOKENS, &data).unwrap();
    assert_eq!(
        named(&f),
        [
            ("tokens.bptIndex", 0.0),
            ("tokens.lrtIndex", 1.0),
            ("tokens.ethIndex", 2.0),
            ("lrtBalance", 9_000.0),
            ("ethBalance", 10_000.0),
            ("lastChangeBlock", 21_000_000.0),
        ]
    );
    // A = 200 at precision 1e3, ramping; a 0.02% fee.
    let amp = (U256::from(200_000u64), true, U256::from(1_000u64)).abi_encode_params();
    assert_eq!(
        named(&figures(BalancerDecode::Amplification, &amp).unwrap()),
        [("amplification", 200.0), ("amplificationIsUpdating", 1.0)]
    );
    let fee = U256::from(200_000_000_000_000u64).abi_encode();
    assert_eq!(
        named(&figures(BalancerDecode::SwapFee, &fee).unwrap()),
        [("swapFee", 0.0002)]
    );
    // BPT 1e18, ezETH 1e18 × a rate of 1.0125, WETH 1e18.
    let s = (vec![
        e18(1),
        U256::from(1_012_500_000_000_000_000u64),
        e18(1),
    ],)
        .abi_encode_params();
    assert_eq!(
        named(&figures(BalancerDecode::ScalingFactors, &s).unwrap()),
        [
            ("scalingFactors.length", 3.0),
            ("scalingFactors[0]", 1.0),
            ("scalingFactors[1]", 1.0125),
            ("scalingFactors[2]", 1.0),
        ]
    );
    let k = U256::ZERO.abi_encode();
    assert_eq!(
        named(&figures(BalancerDecode::BptIndex, &k).unwrap()),
        [("bptIndex", 0.0)]
    );
    let id = ID.abi_encode();
    assert_eq!(
        named(&figures(BalancerDecode::PoolId(ID), &id).unwrap()),
        [("poolIdMatches", 1.0)]
    );
}

#[test]
fn hostile_answers_are_typed_failures() {
    let t =
        |tokens: Vec<Address>, balances: Vec<U256>| bad(TOKENS, &tokens_answer(tokens, balances));
    let three = vec![e18(1), e18(1), e18(1)];
    assert!(t(vec![POOL, EZETH, WETH], vec![e18(1)]).contains("3 tokens but 1 balances"));
    assert!(t(vec![POOL, EZETH], vec![e18(1); 2]).contains("not 3"));
    assert!(t(vec![POOL, WETH, WETH], three.clone()).contains("does not list the LRT"));
    assert!(t(vec![EZETH, EZETH, WETH], three.clone()).contains("does not list the pool's BPT"));
    assert!(t(vec![POOL, EZETH, EZETH], three.clone()).contains("more than once"));
    let huge = vec![e18(1), U256::from(2u64).pow(U256::from(112u64)), e18(1)];
    assert!(t(vec![POOL, EZETH, WETH], huge).contains("2^112"));
    // The LRT named as the pool itself.
    let same = BalancerDecode::PoolTokens {
        pool: EZETH,
        lrt: EZETH,
    };
    let d = tokens_answer(vec![POOL, EZETH, WETH], three);
    assert!(bad(same, &d).contains("is the pool's BPT"));
    // Amplification: precision, below 1, above 5000.
    let amp = |v: u64, p: u64| (U256::from(v), false, U256::from(p)).abi_encode_params();
    let a = BalancerDecode::Amplification;
    assert!(bad(a, &amp(200_000, 100)).contains("precision 100"));
    assert!(bad(a, &amp(999, 1_000)).contains("minimum A of 1"));
    assert!(bad(a, &amp(5_000_001, 1_000)).contains("exceeds 5000000"));
    assert_eq!(
        named(&figures(a, &amp(5_000_000, 1_000)).unwrap())[0],
        ("amplification", 5_000.0)
    );
    // A bool word of 2 in the amplification answer.
    let mut dirty = amp(200_000, 1_000);
    dirty[63] = 2;
    assert!(bad(a, &dirty).contains("do not decode"));
    // Fee above 10%.
    let fee = (U256::from(100_000_000_000_000_001u64)).abi_encode();
    assert!(bad(BalancerDecode::SwapFee, &fee).contains("exceeds"));
    // Scaling factors: zero, above 1e38, none, too many, all-ones words.
    let s = |v: Vec<U256>| bad(BalancerDecode::ScalingFactors, &(v,).abi_encode_params());
    assert!(s(vec![e18(1), U256::ZERO]).contains("outside"));
    let over = U256::from(10u64).pow(U256::from(38u64)) + U256::from(1u64);
    assert!(s(vec![over]).contains("outside"));
    assert!(s(vec![]).contains("not 1 to 6"));
    assert!(s(vec![e18(1); 7]).contains("not 1 to 6"));
    assert!(s(vec![U256::MAX]).contains("outside"));
    assert!(bad(BalancerDecode::BptIndex, &U256::from(6u64).abi_encode()).contains("exceeds"));
    // A different pool id, short and empty answers.
    let other = B256::repeat_byte(7).abi_encode();
    assert!(bad(BalancerDecode::PoolId(ID), &other).contains("not the request's poolId"));
    assert!(bad(TOKENS, &[0u8; 31]).contains("do not decode"));
    assert!(bad(BalancerDecode::ScalingFactors, &[]).contains("do not decode"));
    // An array length far beyond the data.
    let mut long = (vec![e18(1)],).abi_encode_params();
    long[63] = 0xff;
    assert!(bad(BalancerDecode::ScalingFactors, &long).contains("do not decode"));
}

#[test]
fn bad_targets_are_refused() {
    let mut out = Vec::new();
    let with = |f: &dyn Fn(&mut BalancerPoolTarget)| {
        let mut t = target();
        f(&mut t);
        t
    };
    let field = |t: BalancerPoolTarget, out: &mut Vec<Call>| {
        calls(&[t], out).unwrap_err().field().to_owned()
    };
    assert_eq!(
        field(with(&|t| t.vault = "0x12".into()), &mut out),
        "balancerPools[0].vault"
    );
    assert_eq!(
        field(with(&|t| t.lrt = "ezETH".into()), &mut out),
        "balancerPools[0].lrt"
    );
    assert_eq!(
        field(with(&|t| t.pool_id = "0x0659".into()), &mut out),
        "balancerPools[0].poolId"
    );
    // An id whose first 20 bytes are another pool's.
    let other = format!("0x{}{}", "11".repeat(20), "00".repeat(12));
    let e = calls(&[with(&|t| t.pool_id = other.clone())], &mut out).unwrap_err();
    assert_eq!(e.field(), "balancerPools[0].poolId");
    assert!(e.to_string().contains("first 20 bytes"), "{e}");
    assert_eq!(
        field(with(&|t| t.id = "a b".into()), &mut out),
        "balancerPools[0].id"
    );
    // A bad second target plans nothing of the first.
    let e = calls(
        &[
            target(),
            with(&|t| {
                t.id = "b".into();
                t.pool = "0x1".into();
            }),
        ],
        &mut out,
    );
    assert_eq!(e.unwrap_err().field(), "balancerPools[1].pool");
    assert!(out.is_empty());
}
