//! Components mounted into the real DOM of headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use restake_web::components::chart::bars::{Bar, BarChart, BarKind};
use restake_web::components::chart::histogram::{Bin, Histogram, Marker};
use restake_web::components::chart::line::{LineChart, Series};
use restake_web::components::chart::network::{NetEdge, NetNode, NetworkDiagram};
use restake_web::components::data_table::{Cell, CellValue, Column, DataTable, Row};
use restake_web::components::number_input::NumberInput;
use restake_web::components::term::Term;
use restake_web::format::Unit;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = document();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    host.unchecked_into()
}

fn texts(root: &web_sys::Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .text_content()
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .collect()
}

#[wasm_bindgen_test]
async fn app_renders_the_matrix() {
    let host = host();
    let _handle = leptos::mount::mount_to(host.clone(), restake_web::App);
    leptos::task::tick().await;
    assert_eq!(texts(&host, "h1"), ["Liquid restaking, side by side"]);
    let heads = texts(&host, "table.matrix thead th");
    assert_eq!(heads.len(), 8, "{heads:?}");
    assert!(heads[1].starts_with("ether.fi"));
    let rows = texts(&host, "table.matrix tbody th");
    assert_eq!(
        rows,
        [
            "Node Operator Design",
            "AVS Allocation Selection",
            "Primary Structural Focus",
            "Historical Trust Marker"
        ]
    );
    // Seven protocols and the "Your scenario" row built from the demo network.
    assert_eq!(texts(&host, "table.data-table tbody tr").len(), 8);
    assert!(texts(&host, "table.matrix td.empty").contains(&"Not in our sources".to_owned()));
}

#[wasm_bindgen_test]
async fn data_table_sorts_and_formats() {
    let host = host();
    let columns = vec![Column {
        label: "Fee".into(),
        unit: Some(Unit::Fraction),
        term: Some("fee-on-rewards"),
    }];
    let rows = vec![
        Row {
            header: "b".into(),
            cells: vec![Cell {
                value: CellValue::Number(Some(0.2)),
                note: None,
                assumptions: Vec::new(),
            }],
        },
        Row {
            header: "a".into(),
            cells: vec![Cell {
                value: CellValue::Number(Some(0.05)),
                note: None,
                assumptions: Vec::new(),
            }],
        },
    ];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <DataTable caption="T" row_header="Name" columns=columns.clone() rows=rows.clone() csv_name="t.csv"/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&host, "tbody td"), ["20%", "5%"]);
    let buttons = host.query_selector_all("thead button.sort").unwrap();
    let fee: web_sys::HtmlElement = buttons.item(1).unwrap().unchecked_into();
    fee.click();
    leptos::task::tick().await;
    assert_eq!(texts(&host, "tbody th"), ["a", "b"]);
    let th = host
        .query_selector("thead th:nth-child(2)")
        .unwrap()
        .unwrap();
    assert_eq!(th.get_attribute("aria-sort").as_deref(), Some("ascending"));
    fee.click();
    leptos::task::tick().await;
    assert_eq!(texts(&host, "tbody th"), ["b", "a"]);
    // The header carries the glossary tooltip.
    assert!(texts(&host, "thead [role=tooltip]")[0].starts_with("The share of the rewards"));
}

#[wasm_bindgen_test]
async fn term_links_its_tooltip() {
    let host = host();
    let _handle = leptos::mount::mount_to(host.clone(), || view! { <Term id="ltv"/> });
    leptos::task::tick().await;
    let button = host.query_selector("button.tip-button").unwrap().unwrap();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("What is LTV?")
    );
    let tip_id = button.get_attribute("aria-describedby").unwrap();
    let tip = document().get_element_by_id(&tip_id).unwrap();
    assert_eq!(tip.get_attribute("role").as_deref(), Some("tooltip"));
    assert!(tip.text_content().unwrap().contains("Loan-to-value"));
    let link = tip.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("/glossary#ltv"));
}

fn input_event(el: &web_sys::HtmlInputElement, value: &str) {
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn number_input_validates_inline_and_keeps_the_last_valid_value() {
    let host = host();
    let value = RwSignal::new(0.1);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <NumberInput id="fee" label="Fee" term="fee-on-rewards" unit="%" value=value scale=100.0 min=0.0 max=100.0 step=0.5/> }
    });
    leptos::task::tick().await;
    let field: web_sys::HtmlInputElement = document()
        .get_element_by_id("fee")
        .unwrap()
        .unchecked_into();
    let slider: web_sys::HtmlInputElement = document()
        .get_element_by_id("fee-slider")
        .unwrap()
        .unchecked_into();
    assert_eq!(field.value(), "10");
    // Key by key: `1`, `12`, `12.` (kept as typed, the model has 12%), `12.5`.
    for (typed, model) in [("1", 0.01), ("12", 0.12), ("12.", 0.12), ("12.5", 0.125)] {
        input_event(&field, typed);
        leptos::task::tick().await;
        assert_eq!(field.value(), typed, "the field keeps what is typed");
        assert_eq!(value.get_untracked(), model);
    }
    assert_eq!(slider.value(), "12.5");
    // A decimal comma is ambiguous: refused in words, the model keeps 12.5%.
    input_event(&field, "12,5");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), 0.125);
    assert_eq!(field.value(), "12,5");
    assert!(texts(&host, ".field-msg")[0].contains("use a point for decimals"));
    // Typed key by key after clearing, `1,5` passes through `1` (1%): once the text is refused
    // the model is back at the 12.5% it had before the text was begun, not at 1%.
    for (typed, model) in [("", 0.125), ("1", 0.01), ("1,", 0.125), ("1,5", 0.125)] {
        input_event(&field, typed);
        leptos::task::tick().await;
        assert_eq!(value.get_untracked(), model, "after typing “{typed}”");
    }
    // `5%` in a % field is understood and the reading is shown beside the field.
    input_event(&field, "5%");
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), 0.05);
    assert_eq!(texts(&host, ".field-read"), ["= 5%"]);
    // Blur normalises the text and drops the note.
    field
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(field.value(), "5");
    assert_eq!(texts(&host, ".field-read"), [""]);
    input_event(&field, "150");
    leptos::task::tick().await;
    assert_eq!(
        value.get_untracked(),
        0.05,
        "an out-of-range entry must not reach the model"
    );
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        texts(&host, ".field-msg"),
        ["Enter a value from 0 to 100%."]
    );
    input_event(&slider, "20");
    leptos::task::tick().await;
    // The field follows the outside change on the next reactive pass.
    leptos::task::tick().await;
    assert_eq!(value.get_untracked(), 0.2);
    assert_eq!(texts(&host, ".field-msg"), [""]);
    assert_eq!(field.value(), "20");
}

#[wasm_bindgen_test]
async fn waterfall_chart_is_accessible() {
    let host = host();
    let bars = vec![
        Bar {
            label: "Consensus".into(),
            value: 0.028,
            kind: BarKind::Up,
        },
        Bar {
            label: "Fee".into(),
            value: -0.003,
            kind: BarKind::Down,
        },
        Bar {
            label: "Net".into(),
            value: 0.025,
            kind: BarKind::Total,
        },
    ];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <BarChart title="Waterfall" desc="Test chart." bars=bars.clone() unit=Unit::RatePoints axis_label="APR" waterfall=true file_name="w"/> }
    });
    leptos::task::tick().await;
    let svg = host.query_selector("svg[role=img]").unwrap().unwrap();
    let labelled = svg.get_attribute("aria-labelledby").unwrap();
    let ids: Vec<&str> = labelled.split(' ').collect();
    assert_eq!(
        document()
            .get_element_by_id(ids[0])
            .unwrap()
            .text_content()
            .unwrap(),
        "Waterfall"
    );
    assert_eq!(
        document()
            .get_element_by_id(ids[1])
            .unwrap()
            .text_content()
            .unwrap(),
        "Test chart."
    );
    assert_eq!(
        texts(&host, "rect.bar title"),
        ["Consensus: +2.80 pp", "Fee: −0.30 pp", "Net: +2.50 pp"]
    );
    // The decrease is hatched, not only coloured.
    let down = host.query_selector("rect.bar.down").unwrap().unwrap();
    assert!(
        down.get_attribute("fill")
            .unwrap()
            .starts_with("url(#hatch-")
    );
    assert_eq!(
        texts(&host, "table.visually-hidden tbody th"),
        ["Consensus", "Fee", "Net"]
    );
    assert!(!texts(&host, ".x-axis .tick-label").is_empty());
}

#[wasm_bindgen_test]
async fn histogram_draws_bins_and_labelled_markers() {
    let host = host();
    let bins = vec![
        Bin {
            lo: 0.0,
            hi: 0.01,
            value: 0.9,
        },
        Bin {
            lo: 0.01,
            hi: 0.02,
            value: 0.1,
        },
    ];
    let markers = vec![Marker {
        label: "VaR 99%".into(),
        at: 0.015,
    }];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <Histogram title="Losses" desc="d" bins=bins.clone() markers=markers.clone() x_unit=Unit::Fraction y_unit=Unit::Fraction x_label="Loss" y_label="Probability" file_name="h"/> }
    });
    leptos::task::tick().await;
    assert_eq!(host.query_selector_all("rect.bar").unwrap().length(), 2);
    assert_eq!(texts(&host, ".marker-label"), ["VaR 99%: 1.5%"]);
    assert_eq!(texts(&host, "table.visually-hidden tbody tr").len(), 3);
}

#[wasm_bindgen_test]
async fn line_chart_has_a_legend_with_shapes() {
    let host = host();
    let series = vec![
        Series {
            name: "Net APY".into(),
            points: vec![(1.0, 0.03), (2.0, 0.04), (3.0, 0.05)],
        },
        Series {
            name: "Borrow".into(),
            points: vec![(1.0, 0.0), (2.0, 0.02), (3.0, -0.01)],
        },
    ];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <LineChart title="APY" desc="d" series=series.clone() x_unit=Unit::Multiple y_unit=Unit::Fraction x_label="Leverage" y_label="APY" file_name="l"/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&host, ".legend li"), ["Net APY", "Borrow"]);
    assert_eq!(host.query_selector_all("path.line").unwrap().length(), 4); // 2 lines + 2 legend samples
    assert_eq!(texts(&host, "circle.hit title")[0], "Net APY at 1.00×: 3%");
    // Negative values bring a zero line.
    assert_eq!(host.query_selector_all(".zero-line").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn network_diagram_marks_the_affected_part_without_colour() {
    let host = host();
    let ops = vec![
        NetNode {
            label: "Op A".into(),
            highlighted: true,
        },
        NetNode {
            label: "Op B".into(),
            highlighted: false,
        },
    ];
    let avss = vec![NetNode {
        label: "EigenDA".into(),
        highlighted: true,
    }];
    let edges = vec![
        NetEdge {
            from: 0,
            to: 0,
            weight: 0.5,
            highlighted: true,
        },
        NetEdge {
            from: 1,
            to: 0,
            weight: 0.25,
            highlighted: false,
        },
        NetEdge {
            from: 5,
            to: 0,
            weight: 0.25,
            highlighted: false,
        },
    ];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <NetworkDiagram title="Net" desc="d" operators=ops.clone() avss=avss.clone() edges=edges.clone() file_name="n"/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&host, ".node-label.hot"), ["! Op A", "! EigenDA"]);
    let hot = host.query_selector("path.edge.hot").unwrap().unwrap();
    assert_eq!(
        hot.get_attribute("stroke-dasharray").as_deref(),
        Some("7 3")
    );
    // The edge with an unknown operator index is dropped, not drawn or panicking.
    assert_eq!(host.query_selector_all("path.edge").unwrap().length(), 2);
    assert_eq!(texts(&host, "table.visually-hidden tbody tr").len(), 2);
}

#[wasm_bindgen_test]
async fn outcome_keeps_the_last_valid_report_and_routes_the_error() {
    use restake_web::components::outcome::Outcome;
    let x = RwSignal::new(2.0_f64);
    let outcome = Outcome::new(move || restake_core::validate::fraction("input.share", x.get()));
    let here = outcome.error_at("input.share");
    let elsewhere = outcome.other_error(&["input"]);
    leptos::task::tick().await;
    assert_eq!(outcome.report(), None);
    assert_eq!(
        here.get_untracked().as_deref(),
        Some("Must be a fraction in 0..=1, got 2")
    );
    assert_eq!(elsewhere.get_untracked(), None);
    x.set(0.25);
    leptos::task::tick().await;
    assert_eq!(outcome.report(), Some(0.25));
    x.set(f64::NAN);
    leptos::task::tick().await;
    // Invalid again: the figures on screen stay at the last valid value, marked stale.
    assert_eq!(outcome.report(), Some(0.25));
    assert!(outcome.stale().get_untracked());
    assert_eq!(
        here.get_untracked().as_deref(),
        Some("Must be a finite number, got NaN")
    );
}

#[wasm_bindgen_test]
async fn basis_list_flags_assumptions() {
    use restake_core::source::Basis;
    use restake_web::components::source::BasisList;
    let host = host();
    let items = vec![
        (
            "restaking[0].nativeShare".to_owned(),
            Basis::Source {
                citation: "ether.fi docs".to_owned(),
                date: "2024".to_owned(),
            },
        ),
        (
            "delegations".to_owned(),
            Basis::Assumption {
                note: "illustrative".to_owned(),
            },
        ),
    ];
    let _handle = leptos::mount::mount_to(
        host.clone(),
        move || view! { <BasisList items=items.clone()/> },
    );
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, "details.notes li"),
        [
            "restaking[0].nativeShare: ether.fi docs (2024)",
            "delegations: Assumption: illustrative"
        ]
    );
    assert_eq!(texts(&host, "details.notes li.assumed").len(), 1);
}

#[wasm_bindgen_test]
async fn an_assumption_mark_is_text_and_lists_what_it_rests_on() {
    use restake_web::components::source::AssumptionMark;
    let host = host();
    let notes = vec![
        "made-up AVS streams".to_owned(),
        "our pick of market".to_owned(),
    ];
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        view! { <AssumptionMark notes=notes.clone()/><AssumptionMark notes=Vec::new()/> }
    });
    leptos::task::tick().await;
    // One mark: the visible word, a button named for what it holds; none for a sourced figure.
    assert_eq!(texts(&host, ".assumption-mark button"), ["assumption"]);
    let button = host
        .query_selector(".assumption-mark button")
        .unwrap()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("assumption: this figure rests on 2 labelled assumptions")
    );
    assert_eq!(
        texts(&host, ".assumption-mark [role=tooltip] li"),
        ["made-up AVS streams", "our pick of market"]
    );
}

// ---- the scenario store ----

use restake_core::scenario::{Scenario, default_document};
use restake_web::store::{Store, local, url};

#[wasm_bindgen_test]
fn a_page_link_keeps_the_edited_document_in_its_entry_and_leaves_the_built_in_one_out() {
    // An entry without a scenario (a page link's): the built-in document writes nothing.
    url::clear_fragment().unwrap();
    let store = Store::new(default_document().unwrap());
    store.stamp_entry();
    assert_eq!(url::current_fragment(), None);
    // An edited document is written into that same entry (no new one), and reads back.
    store.edit(|d| d.name = Some("Kept across links".to_owned()));
    url::clear_fragment().unwrap();
    let entries_before = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap();
    store.stamp_entry();
    let f = url::current_fragment().expect("the edited document is in the entry");
    assert_eq!(
        Scenario::from_fragment(&f).unwrap(),
        store.doc.get_untracked()
    );
    let after = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap();
    assert_eq!(after, entries_before);
    // An entry that already has one is left as it is.
    store.edit(|d| d.name = Some("Later edit".to_owned()));
    url::set_fragment(&f, url::Entry::Replace).unwrap();
    store.stamp_entry();
    assert_eq!(url::current_fragment().as_deref(), Some(f.as_str()));
    url::clear_fragment().unwrap();
}

#[wasm_bindgen_test]
fn an_edit_reaches_the_address_bar_and_a_page_load_reads_it_back() {
    url::clear_fragment().unwrap();
    let store = Store::new(default_document().unwrap());
    // Building a store or pushing an unchanged document writes nothing.
    store.push_now();
    assert_eq!(url::current_fragment(), None);
    store.edit(|d| d.name = Some("Round trip".to_owned()));
    store.push_now();
    let f = url::current_fragment().expect("the edit is in the address bar");
    assert!(f.starts_with("s2."), "{f}");
    let back = Scenario::from_fragment(&f).unwrap();
    assert_eq!(back, store.doc.get_untracked());
    assert_eq!(back.name.as_deref(), Some("Round trip"));
    // Opening that address starts from the same document, without a banner.
    let opened = Store::from_location();
    assert_eq!(opened.doc.get_untracked(), back);
    assert_eq!(opened.banner.get_untracked(), None);
    url::clear_fragment().unwrap();
}

#[wasm_bindgen_test]
fn a_hostile_link_shows_a_banner_and_starts_from_the_default() {
    let default = default_document().unwrap();
    let too_long = format!("s2.{}", "A".repeat(1_600_000));
    for bad in ["s2.not*base64", "x9.abc", "s2.AAAA", too_long.as_str()] {
        url::set_fragment(bad, url::Entry::Replace).unwrap();
        let store = Store::from_location();
        assert_eq!(store.doc.get_untracked(), default);
        let banner = store.banner.get_untracked().expect("a banner");
        assert!(banner.contains("could not be loaded"), "{banner}");
        assert!(banner.contains("fragment"), "{banner}");
        // The refused text is gone from the address bar, so Back never returns to it.
        assert_eq!(url::current_fragment(), None);
    }
}

#[wasm_bindgen_test]
fn saved_scenarios_round_trip_through_local_storage() {
    let mut doc = default_document().unwrap();
    doc.name = Some("dom test".to_owned());
    let text = doc.to_json();
    local::save("  dom test ", &text).unwrap();
    assert!(local::names().unwrap().contains(&"dom test".to_owned()));
    let back = local::load("dom test").unwrap().expect("saved");
    assert_eq!(Scenario::from_json(&back).unwrap(), doc);
    local::delete("dom test").unwrap();
    assert_eq!(local::load("dom test").unwrap(), None);
    assert!(!local::names().unwrap().contains(&"dom test".to_owned()));
    assert!(local::save(" ", &text).is_err());
}

#[wasm_bindgen_test]
async fn replay_gap_says_which_section_a_replay_lacks() {
    use restake_web::components::replay_gap::ReplayGap;
    let host = host();
    let doc = default_document().unwrap();
    let store = Store::new(doc.clone());
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(store);
        view! { <ReplayGap what="yield inputs" has_section=|d| d.yield_stack.is_some()/> }
    });
    leptos::task::tick().await;
    assert!(texts(&host, ".replay-gap").is_empty(), "no replay loaded");
    let mut replay = doc;
    replay.yield_stack = None;
    store.load_replay(replay.clone(), "AVS software bug");
    leptos::task::tick().await;
    assert_eq!(
        texts(&host, ".replay-gap"),
        [
            "The replay “AVS software bug” has no yield inputs, so this page shows its own defaults, not figures from the replay."
        ]
    );
    // Another document (a load, an import) is no replay: the notice goes.
    store.replace(replay, "Loaded “x”.");
    leptos::task::tick().await;
    assert!(texts(&host, ".replay-gap").is_empty());
}

/// The Data panel on a document with a frozen read: the block, the change against the Aave Core
/// weETH preset (77.5% → 72.5%, the local chain's LTV 7250 bps) with its basis, a failed call
/// explained, and no fetch (no endpoint is entered).
#[wasm_bindgen_test]
async fn data_panel_shows_a_frozen_read() {
    use restake_core::chain::{Failure, Head, LiveBasis, LiveFailure, LiveRead, LiveValue};
    use restake_web::pages::data::DataPage;
    let basis = LiveBasis {
        chain_id: 31337,
        block_number: 77,
        block_timestamp: 1_764_547_200,
        address: "0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee".to_owned(),
        function: "getReserveConfigurationData(address)".to_owned(),
    };
    let mut doc = restake_core::scenario::default_document().unwrap();
    doc.live = Some(LiveRead {
        head: Head {
            chain_id: 31337,
            block_number: 77,
            block_timestamp: 1_764_547_200,
            block_hash: format!("0x{}", "ab".repeat(32)),
        },
        values: vec![LiveValue {
            field: "aaveReserves.core-weETH.ltv".to_owned(),
            raw: Some("7250".to_owned()),
            value: 0.725,
            unit: "fraction".to_owned(),
            basis: basis.clone(),
        }],
        failures: vec![LiveFailure {
            field: "rates.weETH".to_owned(),
            address: basis.address.clone(),
            function: "getRate()".to_owned(),
            reason: Failure::TimedOut,
        }],
    });
    let host = host();
    let store = restake_web::store::Store::new(doc);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(store);
        view! { <DataPage/> }
    });
    leptos::task::tick().await;
    assert_eq!(texts(&host, "h1"), ["Data"]);
    assert!(
        texts(&host, "#frozen-head")[0]
            .starts_with("Chain 31337, block 77 (2025-12-01 00:00:00 UTC)")
    );
    let row = texts(&host, "#frozen-changes tbody tr");
    assert_eq!(row.len(), 1, "{row:?}");
    assert!(
        row[0].contains("77.5%") && row[0].contains("72.5%"),
        "{row:?}"
    );
    assert!(row[0].contains("getReserveConfigurationData(address) on 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee — chain 31337, block 77, 2025-12-01 00:00:00 UTC"), "{row:?}");
    assert_eq!(
        texts(&host, "#frozen-failures li"),
        [
            "rates.weETH getRate() on 0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee: timed out (no answer within 10 s)"
        ]
    );
    assert!(texts(&host, "#privacy-note")[0].contains("sees your IP address"));
}
