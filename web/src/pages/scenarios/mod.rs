//! The Scenarios page: name the current what-if, keep it (saved in this browser, a JSON file, a
//! share link), open the replay library, and compare two documents headline by headline. The
//! documents are checked and run by `restake_core::scenario`; this page only moves them around.

use leptos::html;
use leptos::prelude::*;
use restake_core::Error;
use restake_core::scenario::{
    Headline, MAX_DOCUMENT_BYTES, Replay, Scenario, limits, replays, run_scenario,
};
use wasm_bindgen::JsCast;

use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::page::Page;
use crate::components::source::describe;
use crate::components::term::Term;
use crate::format::Unit;
use crate::risk_run::WorkerMessage;
use crate::store::{file, local, url, use_store};

mod compare_worker;

use compare_worker::CompareWorker;

/// The what-if pages a share link can open, path and label.
const LINK_PAGES: &[(&str, &str)] = &[
    ("/yield", "Yield"),
    ("/slashing", "Slashing"),
    ("/risk", "Risk"),
    ("/security", "Security"),
    ("/bridge", "Bridge"),
    ("/leverage", "Leverage"),
    ("/scenarios", "Scenarios"),
];

/// The display unit of a headline, and of the difference of two (a change in a fraction is in
/// percentage points).
fn units(u: Unit) -> (Unit, Unit) {
    match u {
        Unit::Fraction => (Unit::Fraction, Unit::RatePoints),
        other => (other, other),
    }
}

/// One row per headline of either report (A's order, then B's extra ones): A, B and B − A, each
/// missing where a report has no such figure.
fn compare_rows(a: &[Headline], b: &[Headline]) -> Vec<Row> {
    let mut ids: Vec<&str> = a.iter().map(|h| h.id.as_str()).collect();
    for h in b {
        if !ids.contains(&h.id.as_str()) {
            ids.push(&h.id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let ha = a.iter().find(|h| h.id == id);
            let hb = b.iter().find(|h| h.id == id);
            let h = ha.or(hb)?;
            let (unit, diff_unit) = units(h.unit);
            let (va, vb) = (ha.map(|h| h.value), hb.map(|h| h.value));
            let diff = va.zip(vb).map(|(x, y)| y - x);
            Some(Row {
                header: h.label.clone(),
                cells: vec![
                    Cell::measured(va, unit),
                    Cell::measured(vb, unit),
                    Cell::measured(diff, diff_unit),
                ],
            })
        })
        .collect()
}

/// A choice of document to compare: `current`, `saved:<name>` or `replay:<id>`.
fn resolve(
    key: &str,
    current: &Scenario,
    replays: &[Replay],
) -> Result<(String, Scenario), String> {
    if key == "current" {
        let name = current.name.clone().unwrap_or_else(|| "unnamed".to_owned());
        return Ok((format!("the current scenario ({name})"), current.clone()));
    }
    if let Some(name) = key.strip_prefix("saved:") {
        let text = local::load(name)?.ok_or_else(|| format!("“{name}” is no longer saved."))?;
        let doc = Scenario::from_json(&text).map_err(|e| format!("Saved “{name}”: {e}"))?;
        return Ok((format!("saved “{name}”"), doc));
    }
    if let Some(id) = key.strip_prefix("replay:")
        && let Some(r) = replays.iter().find(|r| r.id == id)
    {
        return Ok((format!("the replay “{}”", r.title), r.scenario.clone()));
    }
    Err("Choose a scenario.".to_owned())
}

/// What the Compare button produced.
#[derive(Clone, PartialEq)]
enum Comparison {
    Idle,
    /// Running, with where it stands (`Running A…`).
    Running(String),
    Cancelled,
    Done {
        a: String,
        b: String,
        rows: Vec<Row>,
    },
    Failed(String),
}

/// The page.
#[component]
pub fn ScenariosPage() -> impl IntoView {
    let store = use_store();
    let replays = replays();
    let replay_error = replays.as_ref().err().map(Error::to_string);
    let replays = StoredValue::new(replays.unwrap_or_default());
    let saved = RwSignal::new(local::names().unwrap_or_default());
    let refresh = move || saved.set(local::names().unwrap_or_default());

    // ---- this what-if: name and save ----
    let name_error = RwSignal::new(None::<String>);
    let save_msg = RwSignal::new(None::<String>);
    // The field keeps what is typed (spaces included); the document gets the trimmed name. A
    // replaced document's name is shown again.
    let name_text = RwSignal::new(
        store
            .doc
            .with_untracked(|d| d.name.clone().unwrap_or_default()),
    );
    Effect::new(move |_| {
        let name = store.doc.with(|d| d.name.clone().unwrap_or_default());
        if name_text.with_untracked(|t| t.trim() != name) {
            name_text.set(name);
        }
    });
    let on_name = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        name_text.set(text.clone());
        let trimmed = text.trim();
        if trimmed.is_empty() {
            name_error.set(None);
            store.edit(|d| d.name = None);
            return;
        }
        match limits::name("name", trimmed) {
            Ok(()) => {
                name_error.set(None);
                let owned = trimmed.to_owned();
                store.edit(move |d| d.name = Some(owned));
            }
            Err(e) => name_error.set(Some(e.to_string())),
        }
    };
    let save = move |_| {
        let (name, text) = store
            .doc
            .with_untracked(|d| (d.name.clone().unwrap_or_default(), d.to_json()));
        let existed = saved.with_untracked(|s| s.contains(&name));
        save_msg.set(Some(match local::save(&name, &text) {
            Ok(()) if existed => {
                format!("Saved “{name}” in this browser, replacing the earlier copy.")
            }
            Ok(()) => format!("Saved “{name}” in this browser."),
            Err(e) => e,
        }));
        refresh();
    };
    let load_saved = move |name: String| match local::load(&name) {
        Ok(Some(text)) => match Scenario::from_json(&text) {
            Ok(doc) => store.replace(doc, format!("Loaded “{name}”.")),
            Err(e) => save_msg.set(Some(format!(
                "“{name}” could not be loaded; the current scenario is unchanged. {e}"
            ))),
        },
        Ok(None) => {
            save_msg.set(Some(format!("“{name}” is no longer saved.")));
            refresh();
        }
        Err(e) => save_msg.set(Some(e)),
    };
    let delete_saved = move |name: String| {
        save_msg.set(Some(match local::delete(&name) {
            Ok(()) => format!("Deleted “{name}”."),
            Err(e) => e,
        }));
        refresh();
    };
    let saved_list = move || {
        let names = saved.get();
        if names.is_empty() {
            return view! { <p class="hint">"Nothing saved in this browser yet."</p> }.into_any();
        }
        view! {
            <ul class="saved-list">
                {names
                    .into_iter()
                    .map(|n| {
                        let (load_name, delete_name) = (n.clone(), n.clone());
                        view! {
                            <li>
                                <span class="saved-name">{n.clone()}</span>
                                <button type="button" class="secondary" aria-label=format!("Load {n}") on:click=move |_| load_saved(load_name.clone())>"Load"</button>
                                <button type="button" class="secondary" aria-label=format!("Delete {n}") on:click=move |_| delete_saved(delete_name.clone())>"Delete"</button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };

    // ---- share link ----
    let link_page = RwSignal::new(LINK_PAGES[0].0.to_owned());
    let link = Memo::new(move |_| {
        let fragment = store.doc.with(Scenario::to_fragment);
        url::share_link(&link_page.get(), &fragment)
    });
    let link_field: NodeRef<html::Input> = NodeRef::new();
    let copy_msg = RwSignal::new(None::<String>);
    let copy = move |_| {
        let text = link.get_untracked();
        let select_field = move || {
            if let Some(el) = link_field.get_untracked() {
                let _ = el.focus();
                el.select();
            }
        };
        let Some(clipboard) = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined() && !c.is_null())
            .map(|c| c.unchecked_into::<web_sys::Clipboard>())
        else {
            select_field();
            copy_msg.set(Some(
                "This browser offers no clipboard here: the link is selected in the field, copy it with Ctrl+C (⌘C)."
                    .to_owned(),
            ));
            return;
        };
        leptos::task::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await;
            match done {
                Ok(_) => copy_msg.set(Some("Link copied.".to_owned())),
                Err(_) => {
                    select_field();
                    copy_msg.set(Some(
                        "The browser refused the clipboard: the link is selected in the field, copy it with Ctrl+C (⌘C)."
                            .to_owned(),
                    ));
                }
            }
        });
    };
    let page_options = LINK_PAGES
        .iter()
        .map(|&(path, label)| view! { <option value=path selected=move || link_page.get() == path>{label}</option> })
        .collect_view();

    // ---- file ----
    let file_msg = RwSignal::new(None::<String>);
    let import_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let (name, text) = store.doc.with_untracked(|d| (d.name.clone(), d.to_json()));
        file_msg.set(match file::export(name.as_deref(), &text) {
            Ok(()) => Some(format!("Exported {}.", file::file_name(name.as_deref()))),
            Err(e) => Some(e),
        });
    };
    let import = move |ev: leptos::ev::Event| {
        let chosen = file::chosen_file(&ev);
        file::reset_input(&ev);
        let Some(f) = chosen else { return };
        import_error.set(None);
        file_msg.set(Some(format!("Reading {}…", f.name())));
        leptos::task::spawn_local(async move {
            let name = f.name();
            let parsed = file::read_text(&f, MAX_DOCUMENT_BYTES)
                .await
                .and_then(|text| {
                    Scenario::from_json(&text)
                        .map_err(|e| format!("“{name}” is not a valid scenario: {e}"))
                });
            match parsed {
                Ok(doc) => {
                    file_msg.set(None);
                    store.replace(doc, format!("Imported “{name}”."));
                }
                Err(e) => {
                    file_msg.set(None);
                    import_error.set(Some(format!("{e} The current scenario is unchanged.")));
                }
            }
        });
    };

    // ---- replays ----
    let load_replay = move |id: String| {
        let found = replays.with_value(|rs| rs.iter().find(|r| r.id == id).cloned());
        if let Some(r) = found {
            store.load_replay(r.scenario, &r.title);
        }
    };
    let replay_list = replays.with_value(|rs| {
        rs.iter()
            .map(|r| {
                let id = r.id.clone();
                let sources = r
                    .basis
                    .iter()
                    .map(|b| {
                        let assumed = b.rests_on_assumption();
                        view! { <li class:assumed=assumed>{describe(b)}</li> }
                    })
                    .collect_view();
                view! {
                    <li class="replay">
                        <h3>{r.title.clone()}</h3>
                        <p class="replay-date">{r.date.clone()}</p>
                        <p>{r.note.clone()}</p>
                        <details>
                            <summary>"Sources and assumptions"</summary>
                            <ul class="source-list">{sources}</ul>
                        </details>
                        <button type="button" class="secondary" on:click=move |_| load_replay(id.clone())>{format!("Load {}", r.title)}</button>
                    </li>
                }
            })
            .collect_view()
    });

    // ---- compare ----
    let choice_a = RwSignal::new("current".to_owned());
    let choice_b = RwSignal::new(
        replays
            .with_value(|rs| rs.first().map(|r| format!("replay:{}", r.id)))
            .unwrap_or_else(|| "current".to_owned()),
    );
    let comparison = RwSignal::new(Comparison::Idle);
    let choice_options = move |chosen: RwSignal<String>| {
        let mut opts: Vec<(String, String)> =
            vec![("current".to_owned(), "The current scenario".to_owned())];
        opts.extend(
            saved
                .get()
                .into_iter()
                .map(|n| (format!("saved:{n}"), format!("Saved: {n}"))),
        );
        replays.with_value(|rs| {
            opts.extend(rs.iter().map(|r| {
                (
                    format!("replay:{}", r.id),
                    format!("Replay: {} ({})", r.title, r.date),
                )
            }))
        });
        opts.into_iter()
            .map(|(key, label)| {
                let k = key.clone();
                view! { <option value=key selected=move || chosen.get() == k>{label}</option> }
            })
            .collect_view()
    };
    // The comparison runs in the background worker; `compare_worker` holds it while it runs
    // and `compare_run` numbers the runs, so a cancelled run's late answers are dropped.
    let compare_worker = StoredValue::new_local(None::<CompareWorker>);
    let compare_run = StoredValue::new(0u64);
    let stop_worker = move || {
        if let Some(w) = compare_worker.try_update_value(Option::take).flatten() {
            w.terminate();
        }
    };
    // From inside the worker's own handlers: after they return (a handler must not drop itself).
    let stop_worker_later = move || leptos::task::spawn_local(async move { stop_worker() });
    // Only when no worker can run it: both documents on the page, after a paint; a Cancel
    // during the paint (it moves `compare_run` past `run`) stops it before it starts.
    let run_on_page =
        move |run: u64, la: String, da: Scenario, lb: String, db: Scenario, why: String| {
            comparison.set(Comparison::Running(format!(
                "Running both scenarios on this page ({why})…"
            )));
            leptos::task::spawn_local(async move {
                crate::components::pause::pause(30).await;
                if compare_run.try_get_value() != Some(run) {
                    return;
                }
                let outcome = (|| -> Result<Comparison, String> {
                    let ra = run_scenario(&da).map_err(|e| format!("A ({la}): {e}"))?;
                    let rb = run_scenario(&db).map_err(|e| format!("B ({lb}): {e}"))?;
                    Ok(Comparison::Done {
                        a: la,
                        b: lb,
                        rows: compare_rows(&ra.headlines, &rb.headlines),
                    })
                })();
                comparison.set(outcome.unwrap_or_else(Comparison::Failed));
            });
        };
    let run_compare = move |_| {
        stop_worker();
        let (ka, kb) = (choice_a.get_untracked(), choice_b.get_untracked());
        let current = store.doc.get_untracked();
        let resolved = replays.with_value(|rs| -> Result<_, String> {
            Ok((resolve(&ka, &current, rs)?, resolve(&kb, &current, rs)?))
        });
        let ((la, da), (lb, db)) = match resolved {
            Ok(r) => r,
            Err(e) => return comparison.set(Comparison::Failed(e)),
        };
        let run = compare_run.get_value() + 1;
        compare_run.set_value(run);
        comparison.set(Comparison::Running(format!(
            "Running A ({la}) in the background…"
        )));
        let (la2, lb2) = (la.clone(), lb.clone());
        let on_answer = move |m: WorkerMessage| {
            if compare_run.try_get_value() != Some(run) {
                return;
            }
            match m {
                WorkerMessage::Progress { run: r, .. } if r == run => comparison.set(
                    Comparison::Running(format!("Running B ({lb2}) in the background…")),
                ),
                WorkerMessage::Compared { run: r, a, b } if r == run => {
                    stop_worker_later();
                    comparison.set(Comparison::Done {
                        a: la2.clone(),
                        b: lb2.clone(),
                        rows: compare_rows(&a, &b),
                    });
                }
                WorkerMessage::Failed { run: r, message } if r == run || r == 0 => {
                    stop_worker_later();
                    let message = match (message.strip_prefix("A: "), message.strip_prefix("B: ")) {
                        (Some(e), _) => format!("A ({la2}): {e}"),
                        (_, Some(e)) => format!("B ({lb2}): {e}"),
                        _ => message,
                    };
                    comparison.set(Comparison::Failed(message));
                }
                _ => {}
            }
        };
        let (fa, fb, fla, flb) = (da.clone(), db.clone(), la.clone(), lb.clone());
        let on_error = move |message: String, before_listening: bool| {
            if compare_run.try_get_value() != Some(run) {
                return;
            }
            stop_worker_later();
            if before_listening {
                run_on_page(
                    run,
                    fla.clone(),
                    fa.clone(),
                    flb.clone(),
                    fb.clone(),
                    format!("the background worker could not start: {message}"),
                );
            } else {
                comparison.set(Comparison::Failed(format!("The worker stopped: {message}")));
            }
        };
        match CompareWorker::start(&da, &db, run, on_answer, on_error) {
            Ok(w) => compare_worker.set_value(Some(w)),
            Err(why) => run_on_page(run, la, da, lb, db, format!("no background worker: {why}")),
        }
    };
    let cancel_compare = move |_| {
        compare_run.update_value(|r| *r += 1);
        stop_worker();
        comparison.set(Comparison::Cancelled);
    };
    on_cleanup(stop_worker);
    let compare_rows_signal = Signal::derive(move || match comparison.get() {
        Comparison::Done { rows, .. } => rows,
        _ => vec![],
    });
    let compare_columns = vec![
        Column::new("A", None, None),
        Column::new("B", None, None),
        Column::new("Difference B − A", None, None),
    ];
    let compare_view = move || {
        match comparison.get() {
        Comparison::Idle => view! { <p class="hint">"Pick A and B, then Compare."</p> }.into_any(),
        Comparison::Running(what) => view! {
            <p role="status" id="compare-status">{what}" "
                <button type="button" class="secondary" id="compare-cancel" on:click=cancel_compare>"Cancel"</button>
            </p>
        }.into_any(),
        Comparison::Cancelled => view! { <p role="status" id="compare-status">"Cancelled."</p> }.into_any(),
        Comparison::Failed(e) => view! { <p role="alert" class="error">{e}</p> }.into_any(),
        Comparison::Done { a, b, .. } => view! {
            <p id="compare-legend">"A is " {a} "; B is " {b} "."</p>
            <DataTable caption="Headline figures, A against B" row_header="Figure" columns=compare_columns.clone() rows=compare_rows_signal csv_name="restake-lab-compare.csv"/>
        }
        .into_any(),
    }
    };

    view! {
        <Page title="Scenarios">
            <p class="lead">
                "Every what-if page reads its inputs from one "
                <Term id="scenario">"scenario"</Term>
                " and writes your edits back into it. Keep it in this browser, as a JSON file or as a "
                <Term id="share-link">"share link"</Term>
                ", start from a "
                <Term id="replay">"replay"</Term>
                " of a past event, and compare two scenarios figure by figure."
            </p>
            {move || store.notice.get().map(|n| view! { <p class="notice" role="status">{n}</p> })}

            <section class="scenario-block" aria-labelledby="current-heading">
                <h2 id="current-heading">"This what-if"</h2>
                <div class="field" class:invalid=move || name_error.get().is_some()>
                    <div class="field-label"><label for="scenario-name">"Name"</label></div>
                    <div class="field-row">
                        <input id="scenario-name" type="text" autocomplete="off" maxlength="120" aria-describedby="scenario-name-msg" prop:value=move || name_text.get() on:input=on_name/>
                    </div>
                    <p class="field-msg" id="scenario-name-msg" role="status">{move || name_error.get()}</p>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=save disabled=move || store.doc.with(|d| d.name.is_none())>"Save in this browser"</button>
                </div>
                <p role="status" class="hint">{move || save_msg.get()}</p>
                <h3>"Saved in this browser"</h3>
                {saved_list}
            </section>

            <section class="scenario-block" aria-labelledby="share-heading">
                <h2 id="share-heading">"Share"</h2>
                <p>"The link carries the whole scenario, compressed, after the " <code>"#"</code> ": it is never sent to a server. Opening it restores every page."</p>
                <label class="select">"The link opens "
                    <select id="link-page" on:change=move |ev| link_page.set(event_target_value(&ev))>{page_options}</select>
                </label>
                <div class="field">
                    <div class="field-label"><label for="share-link">"Share link"</label></div>
                    <input id="share-link" class="share-link" type="text" readonly=true node_ref=link_field prop:value=move || link.get() on:focus=move |_| {
                        if let Some(el) = link_field.get_untracked() {
                            el.select();
                        }
                    }/>
                </div>
                <div class="actions">
                    <button type="button" class="primary" on:click=copy>"Copy link"</button>
                    <span role="status">{move || copy_msg.get()}</span>
                </div>
            </section>

            <section class="scenario-block" aria-labelledby="file-heading">
                <h2 id="file-heading">"File"</h2>
                <div class="actions">
                    <button type="button" class="primary" on:click=export>"Export JSON"</button>
                </div>
                <div class="field">
                    <div class="field-label"><label for="import-file">"Import a JSON file"</label></div>
                    <input id="import-file" type="file" accept=".json,application/json" on:change=import/>
                </div>
                <p role="status" class="hint">{move || file_msg.get()}</p>
                {move || import_error.get().map(|e| view! { <p role="alert" class="error" id="import-error">{e}</p> })}
                <p class="hint">
                    "At most " {file::human_size(MAX_DOCUMENT_BYTES)} ". The format is described by its "
                    <a href="/scenario.schema.json" rel="external">"JSON Schema"</a>
                    "; older versions are upgraded on import and unknown fields are refused by name."
                </p>
            </section>

            <section class="scenario-block" aria-labelledby="replays-heading">
                <h2 id="replays-heading">"Replays"</h2>
                {replay_error.map(|e| view! { <p role="alert" class="error">{format!("The replay library failed to load: {e}")}</p> })}
                <ul class="replays">{replay_list}</ul>
            </section>

            <section class="scenario-block" aria-labelledby="compare-heading">
                <h2 id="compare-heading">"Compare"</h2>
                <div class="compare-pick">
                    <label class="select">"A "
                        <select id="compare-a" on:change=move |ev| choice_a.set(event_target_value(&ev))>{move || choice_options(choice_a)}</select>
                    </label>
                    <label class="select">"B "
                        <select id="compare-b" on:change=move |ev| choice_b.set(event_target_value(&ev))>{move || choice_options(choice_b)}</select>
                    </label>
                    <button type="button" class="primary" on:click=run_compare disabled=move || matches!(comparison.get(), Comparison::Running(_))>"Compare"</button>
                </div>
                {compare_view}
            </section>
        </Page>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(id: &str, value: f64, unit: Unit) -> Headline {
        Headline {
            id: id.to_owned(),
            label: id.to_owned(),
            value,
            unit,
        }
    }

    #[test]
    fn rows_pair_headlines_by_id_and_subtract() {
        let a = [
            headline("yield.netApy", 0.0346, Unit::Fraction),
            headline("bridge.loss", 100.0, Unit::Eth),
        ];
        let b = [
            headline("bridge.loss", 250.0, Unit::Eth),
            headline("leverage.hf", 1.2, Unit::Plain),
        ];
        let rows = compare_rows(&a, &b);
        let headers: Vec<&str> = rows.iter().map(|r| r.header.as_str()).collect();
        assert_eq!(headers, ["yield.netApy", "bridge.loss", "leverage.hf"]);
        // Only in A: no B, no difference; in both: 250 − 100 = 150 ETH; only in B: no A.
        assert_eq!(
            rows[0].cells,
            [
                Cell::measured(Some(0.0346), Unit::Fraction),
                Cell::measured(None, Unit::Fraction),
                Cell::measured(None, Unit::RatePoints),
            ]
        );
        assert_eq!(rows[1].cells[2], Cell::measured(Some(150.0), Unit::Eth));
        assert_eq!(rows[2].cells[0], Cell::measured(None, Unit::Plain));
    }
}
