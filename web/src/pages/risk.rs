//! The Risk page: the Monte Carlo loss distribution of correlated slashing, per LRT and for the
//! user's positions. Runs go to a dedicated Web Worker (`src/bin/risk-worker.rs`, protocol in
//! [`crate::risk_run`]): the page posts the scenario and options, the worker posts progress and
//! the report, so the main thread never runs the simulation and typing is never held up. A new
//! input starts a new run after a short pause; Cancel, or an input that changes while a run is in
//! flight, terminates the busy worker (a fresh one takes the next run). Only when no worker can
//! be started does the page fall back to slices on the main thread with a yield between them,
//! and says so. Every figure comes from `restake_core::risk`; slices merge exactly, so the
//! report equals a single run's with the same seed.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use restake_core::Error;
use restake_core::risk::input::{Probabilities, RiskOptions, SeedInput, Severity};
use restake_core::risk::stats::LossDistribution;
use restake_core::risk::{RiskDemo, RiskModel, RiskReport, risk_demo};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::components::chart::histogram::{Bin, Histogram, Marker};
use crate::components::data_table::{Cell, Column, DataTable, Row};
use crate::components::number_input::NumberInput;
use crate::components::page::{Page, Panels};
use crate::components::page_entry::demo_or_error;
use crate::components::prefill::prefill_notice;
use crate::components::source::BasisList;
use crate::components::term::Term;
use crate::format::{Unit, format};
use crate::risk_run::{RunRequest, SlicedRun, WORKER_SLICE, WORKER_URL, WorkerMessage};
use crate::store::{use_store, write_back};

/// Paths per slice of the main-thread fallback: a few milliseconds of work in the browser.
const PAGE_SLICE: u64 = 10_000;
/// Pause after the last edit before a run starts, ms.
const DEBOUNCE_MS: i32 = 300;

/// Resolves after `ms` milliseconds (a `setTimeout`), letting the browser handle input.
pub(crate) async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            // A failed setTimeout only means no pause; the run goes on.
            let _ = w
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), ms);
        } else {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Where runs execute.
#[derive(Clone, Debug, PartialEq)]
enum Engine {
    /// In the background worker.
    Worker,
    /// On the page, in slices between frames; the reason the worker is not used.
    Page(String),
}

/// A worker's `message` and `error` handlers.
type WorkerHandlers = (
    Closure<dyn FnMut(web_sys::MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// The page's handle on its worker, with the JS handlers that must live as long as it does.
#[derive(Default)]
struct WorkerSlot {
    worker: Option<web_sys::Worker>,
    /// The worker has posted `ready`.
    ready: bool,
    /// A run was posted and has not answered `done` or `failed`.
    busy: bool,
    /// The worker failed; a fresh one is needed.
    broken: bool,
    /// A request waiting for `ready`.
    pending: Option<String>,
    /// The `message` and `error` handlers, kept alive (never called from Rust).
    _handlers: Option<WorkerHandlers>,
}

impl WorkerSlot {
    /// Starts a worker from [`WORKER_URL`] whose JSON answers go to `on_answer` and whose failure
    /// (e.g. the script cannot load) goes to `on_error`.
    fn spawn(
        mut on_answer: impl FnMut(WorkerMessage) + 'static,
        mut on_error: impl FnMut(String) + 'static,
    ) -> Result<WorkerSlot, String> {
        let worker = web_sys::Worker::new(WORKER_URL)
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        let message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if let Some(m) = ev
                    .data()
                    .as_string()
                    .and_then(|t| serde_json::from_str::<WorkerMessage>(&t).ok())
                {
                    on_answer(m);
                }
            });
        // A script that fails to load fires a plain `Event`; an exception inside, an `ErrorEvent`.
        let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let text = ev
                .dyn_ref::<web_sys::ErrorEvent>()
                .map(web_sys::ErrorEvent::message)
                .filter(|m| !m.is_empty());
            on_error(text.unwrap_or_else(|| "its script did not load".to_owned()));
        });
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        Ok(WorkerSlot {
            worker: Some(worker),
            _handlers: Some((message, error)),
            ..WorkerSlot::default()
        })
    }

    /// Stops the worker at once (its run is lost); the slot then needs a fresh one.
    fn terminate(&mut self) {
        if let Some(w) = self.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        self.busy = false;
        self.ready = false;
        self.pending = None;
    }
}

/// A built model, compared by identity so a `Memo` can hold it.
#[derive(Clone)]
struct Built(std::sync::Arc<RiskModel>);

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Waiting,
    Running { done: u64, of: u64 },
    Done { paths: u64 },
    Cancelled,
    Failed(String),
}

fn describe_severity(s: &Severity) -> String {
    match s {
        Severity::Fixed { fraction } => {
            format!("always {}", format(Some(*fraction), Unit::Fraction))
        }
        Severity::Beta { alpha, beta } => format!(
            "Beta({alpha}, {beta}), mean {}",
            format(Some(s.mean()), Unit::Fraction)
        ),
    }
}

fn distribution_cells(d: &LossDistribution) -> Vec<Cell> {
    vec![
        Cell::number(d.mean),
        Cell::number(d.p_loss),
        Cell::number(d.var95),
        Cell::number(d.es95),
        Cell::number(d.var99),
        Cell::number(d.es99),
        Cell::number(d.worst),
    ]
}

/// The page.
#[component]
pub fn RiskPage() -> impl IntoView {
    let store = use_store();
    // `/risk?protocol=kelp` (a link from the matrix): the user's position moves into that token.
    let wanted = use_query_map().with_untracked(|q| q.get("protocol"));
    demo_or_error("Slashing risk, simulated", risk_demo(), move |mut d| {
        // The document's network and risk options; the demo's options when it has none. The
        // demo's notes describe the demo's figures only.
        let doc = store.doc.get_untracked();
        if doc.network != d.network {
            d.notes.clear();
        }
        if let Some(options) = doc.risk.clone() {
            d.options = options;
        }
        d.network = doc.network;
        let notice = wanted.map(|id| prefill_notice(&mut d.network, &id));
        view! { <RiskLab demo=d notice=notice/> }
    })
}

#[component]
fn RiskLab(demo: RiskDemo, notice: Option<String>) -> impl IntoView {
    let scenario = StoredValue::new(demo.network.clone());
    let p0 = demo.options.probabilities.clone();
    let base = demo.options.clone();
    let paths = RwSignal::new(demo.options.paths);
    // The seed field holds a number; a seed given as decimal text stays as it is until edited.
    let seed0 = demo
        .options
        .seed
        .as_ref()
        .and_then(|s| s.value("seed").ok())
        .map_or(1.0, |v| v as f64);
    let seed = RwSignal::new(seed0);
    let horizon = RwSignal::new(demo.options.horizon_years);
    let fault = RwSignal::new(p0.operator_fault.per_year);
    let bug = RwSignal::new(p0.avs_bug.per_year);
    let beacon = RwSignal::new(p0.beacon_slashing.per_year);
    let shock = RwSignal::new(p0.common_shock.per_year);
    let hit = RwSignal::new(p0.common_shock.hit_share);
    let correlation = RwSignal::new(p0.common_shock.correlation);

    let options = Memo::new(move |_| {
        let mut p: Probabilities = p0.clone();
        p.operator_fault.per_year = fault.get();
        p.avs_bug.per_year = bug.get();
        p.beacon_slashing.per_year = beacon.get();
        p.common_shock.per_year = shock.get();
        p.common_shock.hit_share = hit.get();
        p.common_shock.correlation = correlation.get();
        let seed = seed.get();
        RiskOptions {
            paths: paths.get(),
            seed: if seed == seed0 && base.seed.is_some() {
                base.seed.clone()
            } else {
                Some(SeedInput::Number(seed))
            },
            horizon_years: horizon.get(),
            probabilities: p,
            ..base.clone()
        }
    });
    let model = Memo::new(move |_| {
        let o = options.get();
        scenario.with_value(|s| RiskModel::new(s, &o).map(|m| Built(std::sync::Arc::new(m))))
    });
    write_back(
        move || model.with(Result::is_ok).then(|| options.get()),
        |d, options| d.risk = Some(options),
    );
    let error_at = move |prefix: &'static str| {
        Signal::derive(move || {
            model.with(|m| {
                m.as_ref()
                    .err()
                    .filter(|e| e.field().starts_with(prefix))
                    .map(Error::to_string)
            })
        })
    };

    let report = RwSignal::new(None::<RiskReport>);
    let status = RwSignal::new(Status::Waiting);
    // Each run has a generation (its id in the worker protocol); a newer input or Cancel bumps it,
    // and answers or slices of older runs are ignored.
    let generation = StoredValue::new(0_u64);
    let engine = RwSignal::new(Engine::Worker);
    let slot = StoredValue::new_local(WorkerSlot::default());

    // The frame-sliced run on the main thread, used only when no worker can be started.
    let run_on_page = move |Built(m): Built, me: u64| {
        leptos::task::spawn_local(async move {
            let stale = move || generation.try_get_value() != Some(me);
            let mut run = SlicedRun::from_model(m);
            loop {
                match run.step(PAGE_SLICE) {
                    Ok(true) => break,
                    Ok(false) => {
                        status.set(Status::Running {
                            done: run.done(),
                            of: run.total(),
                        });
                        pause(0).await;
                        if stale() {
                            return;
                        }
                    }
                    Err(e) => {
                        status.set(Status::Failed(e.to_string()));
                        return;
                    }
                }
            }
            match run.finish() {
                Ok(r) => {
                    let paths = r.paths;
                    report.set(Some(r));
                    status.set(Status::Done { paths });
                }
                Err(e) => status.set(Status::Failed(e.to_string())),
            }
        });
    };
    // Answers of the worker; those of an older run are dropped.
    let on_answer = move |msg: WorkerMessage| {
        let current = generation.get_value();
        match msg {
            WorkerMessage::Ready => slot.update_value(|s| {
                s.ready = true;
                if let (Some(w), Some(text)) = (&s.worker, s.pending.take())
                    && w.post_message(&JsValue::from_str(&text)).is_err()
                {
                    s.busy = false;
                    s.broken = true;
                    status.set(Status::Failed(
                        "the run could not be sent to the worker".into(),
                    ));
                }
            }),
            WorkerMessage::Progress { run, done, total } if run == current => {
                status.set(Status::Running { done, of: total });
            }
            WorkerMessage::Done { run, report: r } if run == current => {
                slot.update_value(|s| s.busy = false);
                let paths = r.paths;
                report.set(Some(*r));
                status.set(Status::Done { paths });
            }
            WorkerMessage::Failed { run, message } if run == current || run == 0 => {
                slot.update_value(|s| s.busy = false);
                status.set(Status::Failed(message));
            }
            _ => {}
        }
    };
    // A worker that fails before it listens (no Worker support, the script missing) hands the
    // runs to the page; one that fails later only fails its run and is replaced at the next.
    let on_worker_error = move |message: String| {
        let (was_ready, was_busy) = slot
            .try_update_value(|s| {
                s.broken = true;
                s.pending = None;
                let r = (s.ready, s.busy);
                s.busy = false;
                r
            })
            .unwrap_or((true, false));
        if !was_ready {
            engine.set(Engine::Page(format!(
                "the background worker could not start ({message})"
            )));
            if was_busy && let Ok(m) = model.get_untracked() {
                run_on_page(m, generation.get_value());
            }
        } else if was_busy {
            status.set(Status::Failed(format!("the worker stopped: {message}")));
        }
    };
    // Replaces the slot's worker by a fresh one (false when workers are unavailable).
    let spawn_worker = move || -> bool {
        let fresh = match WorkerSlot::spawn(on_answer, on_worker_error) {
            Ok(s) => s,
            Err(e) => {
                engine.set(Engine::Page(format!(
                    "this browser could not start a background worker ({e})"
                )));
                return false;
            }
        };
        slot.update_value(|s| {
            s.terminate();
            *s = fresh;
        });
        true
    };
    // Start the worker at once, so it is listening by the time the first run starts; leaving the
    // page stops it.
    spawn_worker();
    on_cleanup(move || {
        slot.try_update_value(WorkerSlot::terminate);
    });
    let start = move |built: Built| {
        let me = generation.get_value() + 1;
        generation.set_value(me);
        status.set(Status::Waiting);
        leptos::task::spawn_local(async move {
            pause(DEBOUNCE_MS).await;
            if generation.try_get_value() != Some(me) {
                return;
            }
            if let Engine::Page(_) = engine.get_untracked() {
                run_on_page(built, me);
                return;
            }
            let request = RunRequest {
                run: me,
                network: scenario.get_value(),
                options: options.get_untracked(),
                slice: WORKER_SLICE,
            };
            let text = match serde_json::to_string(&request) {
                Ok(t) => t,
                Err(e) => {
                    status.set(Status::Failed(format!("the run could not be encoded: {e}")));
                    return;
                }
            };
            // A worker still busy with an older run is terminated: that is the cancellation.
            let stuck = slot.with_value(|s| s.busy || s.broken || s.worker.is_none());
            if stuck && !spawn_worker() {
                run_on_page(built, me);
                return;
            }
            status.set(Status::Running {
                done: 0,
                of: built.0.paths(),
            });
            slot.update_value(|s| {
                s.busy = true;
                match &s.worker {
                    Some(w) if s.ready => {
                        if w.post_message(&JsValue::from_str(&text)).is_err() {
                            s.busy = false;
                            s.broken = true;
                            status.set(Status::Failed(
                                "the run could not be sent to the worker".into(),
                            ));
                        }
                    }
                    _ => s.pending = Some(text),
                }
            });
        });
    };
    Effect::new(move |_| {
        if let Ok(m) = model.get() {
            start(m);
        } else {
            // Invalid input: stop what runs; the last figures stay, marked stale.
            generation.update_value(|g| *g += 1);
            status.set(Status::Waiting);
        }
    });
    let cancel = move |_| {
        generation.update_value(|g| *g += 1);
        // A busy worker is terminated (a fresh one starts at the next run); page slices see the
        // new generation and stop.
        slot.update_value(|s| {
            if s.busy || s.pending.is_some() {
                s.terminate();
            }
        });
        status.set(Status::Cancelled);
    };
    let running = move || matches!(status.get(), Status::Running { .. } | Status::Waiting);

    // The series shown in the histogram: None = the user's positions, Some(i) = LRT i.
    let series = RwSignal::new(None::<usize>);
    let chosen = move || {
        report.get().and_then(|r| match series.get() {
            None => r.position.map(|p| (p.loss, p.contributions, Unit::Eth)),
            Some(i) => r
                .lrts
                .get(i)
                .map(|l| (l.loss.clone(), l.contributions.clone(), Unit::Fraction)),
        })
    };
    let unit = Signal::derive(move || chosen().map_or(Unit::Eth, |c| c.2));
    let bins = Signal::derive(move || {
        chosen()
            .map(|(d, _, _)| {
                d.histogram
                    .bins
                    .iter()
                    .map(|b| Bin {
                        lo: b.from,
                        hi: b.to,
                        value: b.paths as f64,
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let markers = Signal::derive(move || {
        chosen()
            .map(|(d, _, _)| {
                vec![
                    Marker {
                        label: "VaR 95%".to_owned(),
                        at: d.var95,
                    },
                    Marker {
                        label: "VaR 99%".to_owned(),
                        at: d.var99,
                    },
                    Marker {
                        label: "ES 99%".to_owned(),
                        at: d.es99,
                    },
                ]
            })
            .unwrap_or_default()
    });
    let hist_desc = Signal::derive(move || {
        chosen()
            .map(|(d, _, u)| {
                format!(
                    "Paths by loss over the horizon, losses above zero only ({} of paths lose nothing). Markers: VaR 95% {}, VaR 99% {}, ES 99% {}.",
                    format(Some(1.0 - d.p_loss), Unit::Fraction),
                    format(Some(d.var95), u),
                    format(Some(d.var99), u),
                    format(Some(d.es99), u)
                )
            })
            .unwrap_or_default()
    });
    let headline = move || {
        report.get().map(|r| {
            let pos = r.position.clone();
            view! {
                <dl class="headline">
                    {pos.map(|p| view! {
                        <div><dt>"Your positions"</dt><dd>{format(Some(p.value_eth), Unit::Eth)}</dd></div>
                        <div><dt>"Expected loss"</dt><dd id="position-mean">{format(Some(p.loss.mean), Unit::Eth)}</dd></div>
                        <div><dt>"P(any loss)"</dt><dd id="position-ploss">{format(Some(p.loss.p_loss), Unit::Fraction)}</dd></div>
                        <div><dt><Term id="var">"VaR 99%"</Term></dt><dd id="position-var99">{format(Some(p.loss.var99), Unit::Eth)}</dd></div>
                        <div><dt><Term id="expected-shortfall">"ES 99%"</Term></dt><dd id="position-es99">{format(Some(p.loss.es99), Unit::Eth)}</dd></div>
                        <div><dt>"Worst path"</dt><dd>{format(Some(p.loss.worst), Unit::Eth)}</dd></div>
                    })}
                </dl>
                <p class="hint">{format!("{} paths over {} with seed {} — the same seed gives the same figures, here and through npm.", format(Some(r.paths as f64), Unit::Count), format(Some(r.horizon_years), Unit::Years), r.seed)}</p>
            }
        })
    };
    let lrt_rows = Signal::derive(move || {
        report
            .get()
            .map(|r| {
                r.lrts
                    .iter()
                    .map(|l| Row {
                        header: format!("{} ({})", l.token, l.name),
                        cells: distribution_cells(&l.loss),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lrt_columns = vec![
        Column::new("Mean loss", Some(Unit::Fraction), None),
        Column::new("P(loss > 0)", Some(Unit::Fraction), None),
        Column::new("VaR 95%", Some(Unit::Fraction), Some("var")),
        Column::new("ES 95%", Some(Unit::Fraction), Some("expected-shortfall")),
        Column::new("VaR 99%", Some(Unit::Fraction), Some("var")),
        Column::new("ES 99%", Some(Unit::Fraction), Some("expected-shortfall")),
        Column::new("Worst path", Some(Unit::Fraction), None),
    ];
    let names = StoredValue::new({
        let s = &demo.network;
        s.operators
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .chain(s.avss.iter().map(|a| (a.id.clone(), a.name.clone())))
            .chain([("beacon-chain".to_owned(), "Beacon chain".to_owned())])
            .collect::<Vec<_>>()
    });
    let contribution_rows = Signal::derive(move || {
        chosen()
            .map(|(_, c, _)| {
                let name = |id: &str| {
                    names.with_value(|n| {
                        n.iter()
                            .find(|(i, _)| i == id)
                            .map_or_else(|| id.to_owned(), |(_, v)| v.clone())
                    })
                };
                c.operators
                    .iter()
                    .map(|x| (format!("Operator: {}", name(&x.id)), x))
                    .chain(c.avss.iter().map(|x| (format!("AVS: {}", name(&x.id)), x)))
                    .chain([("Beacon chain (all operators)".to_owned(), &c.beacon_chain)])
                    .map(|(header, x)| Row {
                        header,
                        cells: vec![Cell::number(x.expected), Cell::number(x.tail99)],
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let contribution_columns = Signal::derive(move || {
        let u = Some(unit.get());
        vec![
            Column::new("Share of the expected loss", u, None),
            Column::new("Share of ES 99%", u, Some("expected-shortfall")),
        ]
    });
    let series_options = move || {
        report
            .get()
            .map(|r| {
                r.lrts
                    .iter()
                    .enumerate()
                    .map(|(i, l)| view! { <option value=i.to_string() selected=move || series.get() == Some(i)>{format!("{} (fraction of backing)", l.token)}</option> })
                    .collect_view()
            })
    };
    let status_text = move || match status.get() {
        Status::Waiting => "Starting…".to_owned(),
        Status::Running { done, of } => format!(
            "Running: {} of {} paths",
            format(Some(done as f64), Unit::Count),
            format(Some(of as f64), Unit::Count)
        ),
        Status::Done { paths } => {
            format!("Done: {} paths", format(Some(paths as f64), Unit::Count))
        }
        Status::Cancelled => "Cancelled; the figures are from the last finished run.".to_owned(),
        Status::Failed(e) => format!("Failed: {e}"),
    };
    let progress = move || match status.get() {
        Status::Running { done, of } => done as f64 / of.max(1) as f64,
        Status::Done { .. } => 1.0,
        _ => 0.0,
    };
    let stale = move || model.with(Result::is_err) && report.with(Option::is_some);
    let notes: Vec<(String, restake_core::source::Basis)> = demo
        .notes
        .iter()
        .map(|n| (n.path.clone(), n.basis.clone()))
        .collect();
    let severities = format!(
        "Severities (not editable here): operator fault {}; AVS bug {}; beacon-chain incident {}; common shock {}.",
        describe_severity(&demo.options.probabilities.operator_fault.severity),
        describe_severity(&demo.options.probabilities.avs_bug.severity),
        describe_severity(&demo.options.probabilities.beacon_slashing.severity),
        describe_severity(&demo.options.probabilities.common_shock.slashed_share),
    );

    view! {
        <Page title="Slashing risk, simulated">
            {notice.map(|n| view! { <p class="notice" role="status" id="prefill-notice">{n}</p> })}
            <p class="lead">
                "Expected loss hides the tail. This page draws many possible years of operator faults, "
                <Term id="avs">"AVS"</Term>
                " bugs, beacon-chain slashings and a correlated common-cause shock over the Slashing page's scenario, and shows the whole distribution of what the three LRTs and your positions lose: "
                <Term id="var">"value at risk"</Term>
                " and "
                <Term id="expected-shortfall">"expected shortfall"</Term>
                ", and which operator or AVS drives the tail."
            </p>
            <p class="warning">"No published fault or bug frequencies exist for AVSs or operators: every probability below is an assumption to change, not a measurement."</p>
            <Panels
                inputs=Box::new(move || view! {
                    <h2>"Run"</h2>
                    <NumberInput id="paths" label="Paths" unit="paths" value=paths min=1.0 max=10_000_000.0 step=10_000.0 error=error_at("options.paths")/>
                    <NumberInput id="seed" label="Seed" unit="" value=seed min=0.0 max=9_007_199_254_740_991.0 step=1.0 error=error_at("options.seed")/>
                    <NumberInput id="horizon" label="Horizon" unit="years" value=horizon min=0.1 max=100.0 step=0.5 error=error_at("options.horizonYears")/>
                    <h2>"Probabilities per year"</h2>
                    <NumberInput id="fault" label="Operator fault, per operator set" term="slashing" unit="%" scale=100.0 value=fault min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.operatorFault")/>
                    <NumberInput id="bug" label="AVS bug that slashes every operator in its set" term="avs" unit="%" scale=100.0 value=bug min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.avsBug")/>
                    <NumberInput id="beacon" label="Beacon-chain slashing incident, per operator" unit="%" scale=100.0 value=beacon min=0.0 max=100.0 step=0.1 error=error_at("options.probabilities.beaconSlashing")/>
                    <h2>"Common-cause shock"</h2>
                    <NumberInput id="shock" label="Shock (e.g. a client bug)" unit="%" scale=100.0 value=shock min=0.0 max=100.0 step=0.5 error=error_at("options.probabilities.commonShock.perYear")/>
                    <NumberInput id="hit" label="Share of operators it hits" unit="%" scale=100.0 value=hit min=0.0 max=100.0 step=5.0 error=error_at("options.probabilities.commonShock.hitShare")/>
                    <NumberInput id="correlation" label="Correlation of the hits" unit="" value=correlation min=0.0 max=1.0 step=0.05 error=error_at("options.probabilities.commonShock.correlation")/>
                    <p class="hint">{severities.clone()}</p>
                    <BasisList items=notes.clone()/>
                }.into_any())
                results=Box::new(move || view! {
                    <div class="run-status">
                        <progress max="1" value=progress aria-label="Simulation progress"></progress>
                        <span id="run-status" role="status">{status_text}</span>
                        <button type="button" class="secondary" on:click=cancel disabled=move || !running()>"Cancel"</button>
                    </div>
                    <p class="hint" id="run-engine">{move || match engine.get() {
                        Engine::Worker => "Runs in a background worker (a Web Worker): the page stays responsive while it runs.".to_owned(),
                        Engine::Page(why) => format!("Runs on the page in short slices, because {why}: typing may lag a little during long runs."),
                    }}</p>
                    {move || model.get().err().filter(|e| !e.field().starts_with("options")).map(|e| view! { <p role="alert" class="error">{e.to_string()}</p> })}
                    {move || stale().then(|| view! { <p class="warning">"An input is invalid: the figures below are from the last valid run."</p> })}
                    {headline}
                    <label class="select">"Distribution of "
                        <select id="series" on:change=move |ev| series.set(event_target_value(&ev).parse().ok())>
                            <option value="positions" selected=move || series.get().is_none()>"your positions (ETH)"</option>
                            {series_options}
                        </select>
                    </label>
                    {move || {
                        let u = unit.get();
                        view! {
                            <Histogram title="Loss over the horizon" desc=hist_desc bins=bins markers=markers x_unit=u y_unit=Unit::Count x_label=if u == Unit::Eth { "Loss (ETH)" } else { "Loss (% of the LRT's backing)" } y_label="Paths" file_name="risk-histogram"/>
                        }
                    }}
                    <DataTable caption="Loss per LRT over the horizon, as a share of its backing" row_header="LRT" columns=lrt_columns.clone() rows=lrt_rows csv_name="risk-lrts.csv"/>
                    {move || view! {
                        <DataTable caption="Who drives the loss: contributions to the mean and to the 99% tail" row_header="Source" columns=contribution_columns.get() rows=contribution_rows csv_name="risk-contributions.csv"/>
                    }}
                }.into_any())
            />
        </Page>
    }
}
