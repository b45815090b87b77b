//! Components mounted into the real DOM of headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use restake_web::components::data_table::{Cell, CellValue, Column, DataTable, Row};
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
    assert_eq!(heads.len(), 4, "{heads:?}");
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
    assert_eq!(texts(&host, "table.data-table tbody tr").len(), 3);
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
            }],
        },
        Row {
            header: "a".into(),
            cells: vec![Cell {
                value: CellValue::Number(Some(0.05)),
                note: None,
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
