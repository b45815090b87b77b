//! Hostile and malformed scenario inputs: every limit of issue #8 (501 operators, 201 AVSs,
//! 10,000,001 paths, a 1 MiB + 1 document, a share link inflating past 1 MiB), migration,
//! unknown fields, and a corpus of broken JSON and broken links. Each gives a typed error that
//! names the field, quickly, and none panics.
#![cfg(not(target_arch = "wasm32"))]

use std::time::{Duration, Instant};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use restake_core::Error;
use restake_core::network::{MAX_AVSS, MAX_OPERATORS};
use restake_core::scenario::{MAX_DOCUMENT_BYTES, SCENARIO_VERSION, Scenario, default_document};
use serde_json::{Value, json};

/// The default document as a JSON value, to break one field at a time.
fn doc() -> Value {
    serde_json::to_value(default_document().unwrap()).unwrap()
}

/// Parses `text`, which must fail within a second; returns the error.
fn rejected(text: &str) -> Error {
    let start = Instant::now();
    let e = Scenario::from_json(text).expect_err("must be rejected");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{e} took {:?}",
        start.elapsed()
    );
    e
}

fn link_rejected(text: &str) -> Error {
    let start = Instant::now();
    let e = Scenario::from_fragment(text).expect_err("must be rejected");
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{e} took {:?}",
        start.elapsed()
    );
    e
}

/// A link made of any bytes, deflated and encoded like a real one.
fn link_of(bytes: &[u8]) -> String {
    format!(
        "s2.{}",
        URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(bytes, 9))
    )
}

fn network(operators: usize, avss: usize) -> String {
    let ops: Vec<Value> = (0..operators)
        .map(|i| json!({"id": format!("o{i}"), "name": "O"}))
        .collect();
    let avs: Vec<Value> = (0..avss)
        .map(|i| json!({"id": format!("a{i}"), "name": "A"}))
        .collect();
    json!({"version": 2, "protocols": [], "operators": ops, "avss": avs}).to_string()
}

#[test]
fn operator_and_avs_limits() {
    assert_eq!((MAX_OPERATORS, MAX_AVSS), (500, 200));
    assert!(Scenario::from_json(&network(500, 200)).is_ok());
    let e = rejected(&network(501, 0));
    assert_eq!(e.field(), "operators");
    assert_eq!(
        e.to_string(),
        "operators: must be at most 500 operators, got 501"
    );
    let e = rejected(&network(0, 201));
    assert_eq!(e.field(), "avss");
    assert!(matches!(e, Error::OutOfRange { value, .. } if value == 201.0));
}

#[test]
fn path_limit() {
    let mut d = doc();
    d["risk"]["paths"] = 10_000_000.into();
    assert!(Scenario::from_json(&d.to_string()).is_ok());
    d["risk"]["paths"] = 10_000_001.into();
    let e = rejected(&d.to_string());
    assert_eq!(e.field(), "risk.paths");
    assert!(matches!(e, Error::OutOfRange { .. }));
    d["risk"]["paths"] = 1.5.into();
    assert_eq!(rejected(&d.to_string()).field(), "risk.paths");
}

#[test]
fn document_size_limit() {
    let base = network(1, 1);
    // Padded with whitespace to exactly 1 MiB: accepted; one byte more: rejected.
    let exact = format!("{base}{}", " ".repeat(MAX_DOCUMENT_BYTES - base.len()));
    assert_eq!(exact.len(), 1_048_576);
    assert!(Scenario::from_json(&exact).is_ok());
    let over = format!("{exact} ");
    let e = rejected(&over);
    assert_eq!(e.field(), ".");
    assert!(matches!(e, Error::OutOfRange { value, .. } if value == 1_048_577.0));
    // 50 MB is turned away by its length alone.
    let huge = format!(
        "{{\"version\": 2, \"name\": \"{}\"}}",
        "x".repeat(50_000_000)
    );
    assert!(matches!(rejected(&huge), Error::OutOfRange { .. }));
    assert_eq!(link_rejected(&huge).field(), "fragment");
}

#[test]
fn a_link_that_inflates_past_one_mib_stops_at_the_limit() {
    // 64 MiB of spaces deflate to about 64 KiB: a "zip bomb" of 1,000:1.
    let bomb = vec![b' '; 64 << 20];
    let link = link_of(&bomb);
    assert!(link.len() < 120_000, "{}", link.len());
    let e = link_rejected(&link);
    assert_eq!(e.field(), ".");
    assert!(e.to_string().contains("once inflated"), "{e}");
    // Just over the limit, with a valid document in front.
    let mut text = network(1, 1).into_bytes();
    text.resize(MAX_DOCUMENT_BYTES + 1, b' ');
    assert!(matches!(
        link_rejected(&link_of(&text)),
        Error::OutOfRange { .. }
    ));
    text.truncate(MAX_DOCUMENT_BYTES);
    assert!(Scenario::from_fragment(&link_of(&text)).is_ok());
}

#[test]
fn version_1_documents_migrate() {
    // A version 1 document as this crate wrote it before the page sections existed.
    let d = default_document().unwrap();
    let v1 = json!({
        "version": 1,
        "protocols": d.network.protocols,
        "operators": d.network.operators,
        "avss": d.network.avss,
        "delegations": d.network.delegations,
        "allocations": d.network.allocations,
        "positions": d.network.positions,
        "restaking": d.network.restaking,
    });
    let s = Scenario::from_json(&v1.to_string()).unwrap();
    assert_eq!(s.version, SCENARIO_VERSION);
    assert_eq!(
        (s.network.operators.clone(), s.network.allocations.clone()),
        (d.network.operators, d.network.allocations)
    );
    assert!(s.risk.is_none() && s.bridge.is_none());
    assert!(s.to_json().contains("\"version\":4"));
    // A v1 document with a v2 section, a future version, or none at all: named errors.
    let mut bad = v1.clone();
    bad["bridge"] = json!(null);
    assert_eq!(rejected(&bad.to_string()).field(), "bridge");
    bad = v1.clone();
    bad["version"] = 5.into();
    assert_eq!(rejected(&bad.to_string()).field(), "version");
    bad.as_object_mut().unwrap().remove("version");
    assert_eq!(rejected(&bad.to_string()).field(), "version");
}

#[test]
fn unknown_fields_are_named() {
    for (path, key, field) in [
        (vec![], "colour", "colour"),
        (vec!["risk"], "pathz", "risk.pathz"),
        (vec!["leverage", "loop"], "loops", "leverage.loop.loops"),
        (vec!["bridge", "chains", "0"], "tvl", "bridge.chains[0].tvl"),
        // An event is an internally tagged enum: serde reads it whole, so the path stops at
        // the event and the message names the key.
        (
            vec!["slashing", "events", "1"],
            "extra",
            "slashing.events[1]",
        ),
    ] {
        let mut d = doc();
        let mut at = &mut d;
        for p in path {
            at = match p.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[p],
            };
        }
        at[key] = 1.into();
        let e = rejected(&d.to_string());
        assert_eq!(e.field(), field, "{e}");
        assert!(
            e.to_string().contains(&format!("unknown field `{key}`")),
            "{e}"
        );
    }
}

#[test]
fn malformed_json_corpus() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_in_field = format!(
        "{{\"version\": 2, \"protocols\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "."),
        ("   ".into(), "."),
        ("{".into(), "."),
        ("null".into(), "."),
        ("[]".into(), "."),
        ("\"scenario\"".into(), "."),
        ("{\"version\": 2, \"protocols\": []".into(), "."),
        ("{\"version\": 2, \"protocols\": [],}".into(), "."),
        // Nesting past the reader's limit is named where it stops (a top-level array's items).
        (deep, "[0][0][0]"),
        (deep_in_field, "protocols[0][0][0]"),
        // Wrong types.
        ("{\"version\": \"2\", \"protocols\": []}".into(), "version"),
        ("{\"version\": 2, \"protocols\": {}}".into(), "protocols"),
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": 1, \"name\": \"A\"}]}".into(), "operators[0].id"),
        ("{\"version\": 2, \"protocols\": [], \"risk\": {\"paths\": \"many\"}}".into(), "risk.paths"),
        ("{\"version\": 2, \"protocols\": [], \"risk\": {\"seed\": true}}".into(), "risk.seed"),
        // Huge and not-a-number numbers.
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": \"a\", \"name\": \"A\", \"otherDelegatedEth\": 1e400}]}".into(), "operators[0].otherDelegatedEth"),
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": \"a\", \"name\": \"A\", \"otherDelegatedEth\": 1e300}]}".into(), "operators[0].otherDelegatedEth"),
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": \"a\", \"name\": \"A\", \"otherDelegatedEth\": \"NaN\"}]}".into(), "operators[0].otherDelegatedEth"),
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": \"a\", \"name\": \"A\", \"otherDelegatedEth\": NaN}]}".into(), "operators[0].otherDelegatedEth"),
        ("{\"version\": 2, \"protocols\": [], \"operators\": [{\"id\": \"a\", \"name\": \"A\", \"otherNativeShare\": \"Infinity\"}]}".into(), "operators[0].otherNativeShare"),
        ("{\"version\": 2, \"protocols\": [], \"risk\": {\"paths\": -1e400}}".into(), "risk.paths"),
        ("{\"version\": 99999999999999999999999, \"protocols\": []}".into(), "version"),
        // Text limits.
        (format!("{{\"version\": 2, \"protocols\": [], \"name\": \"{}\"}}", "x".repeat(121)), "name"),
        ("{\"version\": 2, \"protocols\": [], \"name\": \"  \"}".into(), "name"),
    ];
    for (text, field) in &cases {
        let e = rejected(text);
        // Nesting past serde_json's recursion limit breaks at the limit, deep inside the field.
        if field.ends_with("[0][0][0]") {
            assert!(e.field().starts_with(field), "{text:.80}: {e}");
        } else {
            assert_eq!(e.field(), *field, "{text:.80}: {e}");
        }
    }
}

#[test]
fn malformed_link_corpus() {
    let good = default_document().unwrap().to_fragment();
    let cut = &good[..good.len() / 2];
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "fragment"),
        ("#".into(), "fragment"),
        ("s1.AAAA".into(), "fragment"),
        ("s3.AAAA".into(), "fragment"),
        ("s2.".into(), "fragment"),
        ("s2.not base64!".into(), "fragment"),
        ("s2.AAAA=".into(), "fragment"),
        ("s2.////".into(), "fragment"),
        (cut.to_owned(), "fragment"),
        // Valid deflate of invalid documents: the document's own errors.
        (link_of(b"not json"), "."),
        (link_of(&[0xff, 0xfe, 0x00]), "fragment"),
        (
            link_of(b"{\"version\": 2, \"protocols\": [], \"x\": 1}"),
            "x",
        ),
        (link_of(network(501, 0).as_bytes()), "operators"),
    ];
    for (text, field) in &cases {
        let e = link_rejected(text);
        assert_eq!(e.field(), *field, "{text:.60}: {e}");
    }
    // The same link with its `#`, or surrounded by whitespace, still reads; bytes after the end
    // of the deflate stream are ignored.
    let d = default_document().unwrap();
    assert_eq!(Scenario::from_fragment(&format!(" #{good}\n")).unwrap(), d);
    assert_eq!(Scenario::from_fragment(&format!("{good}AAAA")).unwrap(), d);
}

#[test]
fn errors_are_typed() {
    assert!(matches!(rejected("{"), Error::Parse { .. }));
    assert!(matches!(
        rejected(&network(501, 0)),
        Error::OutOfRange { .. }
    ));
    assert!(matches!(link_rejected("x"), Error::Parse { .. }));
    let mut d = doc();
    d["network"]["operators"][0]["otherNativeShare"] = 2.into();
    assert!(matches!(rejected(&d.to_string()), Error::OutOfRange { .. }));
}

#[test]
fn share_links_are_compact() {
    // The default document (7 protocol profiles with their sources, the demo network and every
    // section) fits a URL: deflate and base64 bring it under a third of its compact JSON
    // (measured: 19,416 bytes of JSON, a 6,043-character link).
    let d = default_document().unwrap();
    let json = serde_json::to_string(&d).unwrap();
    let link = d.to_fragment();
    assert!(
        link.len() * 3 < json.len(),
        "{} vs {}",
        link.len(),
        json.len()
    );
}

/// A version 2 document and its version 2 share link, as the app wrote them before the network
/// was nested (checked in; never rewritten), open as the same current document.
#[test]
fn version_2_file_and_link_open_identically() {
    let file = Scenario::from_json(include_str!("fixtures/scenario-small-v2.json")).unwrap();
    let link =
        Scenario::from_fragment(include_str!("fixtures/scenario-small-v2.fragment")).unwrap();
    assert_eq!(file, link);
    assert_eq!(file.version, SCENARIO_VERSION);
    assert_eq!(
        file,
        Scenario::from_json(include_str!("fixtures/scenario-small.json")).unwrap()
    );
    assert_eq!(file.network.operators[0].id, "op-a");
}
