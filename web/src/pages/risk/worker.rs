//! Where the Risk page's runs execute: a dedicated Web Worker (`src/bin/risk-worker.rs`, protocol
//! in [`crate::risk_run`]) that posts progress and the report, or, only when no worker can be
//! started, [`RiskRun`] slices on the main thread with a yield between them. A new input starts
//! a new run after a short pause; Cancel, or an input that changes while a run is in flight,
//! terminates the busy worker (a fresh one takes the next run).

use leptos::prelude::*;
use restake_core::Error;
use restake_core::network::Network;
use restake_core::risk::{RiskModel, RiskOptions, RiskReport, RiskRun};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::components::pause::pause;
use crate::format::{Unit, format};
use crate::risk_run::{RunRequest, WORKER_SLICE, WORKER_URL, WorkerMessage, worker_error};

/// Work per slice of the main-thread fallback, work units ([`RiskModel::work`]): about 17 ms at
/// [`restake_core::risk::RISK_UNITS_PER_SECOND`] (3e8 a second), and measured at 25 ms a slice
/// in headless Chromium on a network at the size limits (1e7 units took 53 ms there) — under the
/// 50 ms a main-thread task may take (the performance issue's limit), whatever the network.
const PAGE_SLICE_WORK: f64 = 5e6;

/// Paths per slice of the main-thread fallback for model `m`: as many as fit in
/// [`PAGE_SLICE_WORK`] at the model's expected cost of a path (`work / paths`), at least one
/// and at most 10,000.
fn page_slice(m: &RiskModel) -> u64 {
    let per_path = m.work() / m.paths().max(1) as f64;
    if per_path > 0.0 && per_path.is_finite() {
        ((PAGE_SLICE_WORK / per_path).floor() as u64).clamp(1, 10_000)
    } else {
        10_000
    }
}

/// Pause after the last edit before a run starts, ms.
const DEBOUNCE_MS: i32 = 300;

/// Where runs execute.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Engine {
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
            on_error(worker_error(&ev));
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

    /// Posts `text` to a ready worker (else keeps it until `ready`); marks the slot broken and
    /// fails the run when the post fails.
    fn post(&mut self, text: String, status: RwSignal<Status>) {
        match &self.worker {
            Some(w) if self.ready => {
                if w.post_message(&JsValue::from_str(&text)).is_err() {
                    self.busy = false;
                    self.broken = true;
                    status.set(Status::Failed(
                        "the run could not be sent to the worker".into(),
                    ));
                }
            }
            _ => self.pending = Some(text),
        }
    }
}

/// A built model, compared by identity so a `Memo` can hold it.
#[derive(Clone)]
pub(super) struct Built(pub Arc<RiskModel>);

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Where a run stands.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Status {
    Waiting,
    Running { done: u64, of: u64 },
    Done { paths: u64 },
    Cancelled,
    Failed(String),
}

impl Status {
    /// The status line under the progress bar.
    pub(super) fn text(&self) -> String {
        match self {
            Status::Waiting => "Starting…".to_owned(),
            Status::Running { done, of } => format!(
                "Running: {} of {} paths",
                format(Some(*done as f64), Unit::Count),
                format(Some(*of as f64), Unit::Count)
            ),
            Status::Done { paths } => {
                format!("Done: {} paths", format(Some(*paths as f64), Unit::Count))
            }
            Status::Cancelled => {
                "Cancelled; the figures are from the last finished run.".to_owned()
            }
            Status::Failed(e) => format!("Failed: {e}"),
        }
    }

    /// The share of the run done, `0..=1`.
    pub(super) fn progress(&self) -> f64 {
        match self {
            Status::Running { done, of } => *done as f64 / (*of).max(1) as f64,
            Status::Done { .. } => 1.0,
            _ => 0.0,
        }
    }
}

/// The runs of one page: the last report, where the current run stands and where runs execute.
#[derive(Clone, Copy)]
pub(super) struct Runner {
    /// The report of the last finished run.
    pub report: RwSignal<Option<RiskReport>>,
    /// Where the current run stands.
    pub status: RwSignal<Status>,
    /// Where runs execute.
    pub engine: RwSignal<Engine>,
    /// Each run has a generation (its id in the worker protocol); a newer input or Cancel bumps
    /// it, and answers or slices of older runs are ignored.
    generation: StoredValue<u64>,
    slot: StoredValue<WorkerSlot, LocalStorage>,
}

impl Runner {
    /// Stops the current run; the figures of the last finished run stay.
    pub(super) fn cancel(self) {
        self.generation.update_value(|g| *g += 1);
        // A busy worker is terminated (a fresh one starts at the next run); page slices see the
        // new generation and stop.
        self.slot.update_value(|s| {
            if s.busy || s.pending.is_some() {
                s.terminate();
            }
        });
        self.status.set(Status::Cancelled);
    }

    /// The frame-sliced run on the main thread, used only when no worker can be started.
    fn run_on_page(self, Built(m): Built, me: u64) {
        let Runner {
            report,
            status,
            generation,
            ..
        } = self;
        leptos::task::spawn_local(async move {
            let slice = page_slice(&m);
            let mut run = RiskRun::from_model(m);
            loop {
                match run.step(slice) {
                    Ok(done) if done == run.paths() => break,
                    Ok(done) => {
                        status.set(Status::Running {
                            done,
                            of: run.paths(),
                        });
                        pause(0).await;
                        if generation.try_get_value() != Some(me) {
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
    }

    /// An answer of the worker; those of an older run are dropped.
    fn on_answer(self, msg: WorkerMessage) {
        let (status, slot) = (self.status, self.slot);
        let current = self.generation.get_value();
        match msg {
            WorkerMessage::Ready => slot.update_value(|s| {
                s.ready = true;
                if let Some(text) = s.pending.take() {
                    s.post(text, status);
                }
            }),
            WorkerMessage::Progress { run, done, total } if run == current => {
                status.set(Status::Running { done, of: total });
            }
            WorkerMessage::Done { run, report: r } if run == current => {
                slot.update_value(|s| s.busy = false);
                let paths = r.paths;
                self.report.set(Some(*r));
                status.set(Status::Done { paths });
            }
            WorkerMessage::Failed { run, message } if run == current || run == 0 => {
                slot.update_value(|s| s.busy = false);
                status.set(Status::Failed(message));
            }
            _ => {}
        }
    }
}

/// Starts the page's worker at once (so it listens by the time the first run starts; leaving
/// the page stops it) and runs `model` with `options` on `network` whenever it changes.
pub(super) fn runner(
    network: StoredValue<Network>,
    options: Memo<RiskOptions>,
    model: Memo<Result<Built, Error>>,
) -> Runner {
    let r = Runner {
        report: RwSignal::new(None),
        status: RwSignal::new(Status::Waiting),
        engine: RwSignal::new(Engine::Worker),
        generation: StoredValue::new(0),
        slot: StoredValue::new_local(WorkerSlot::default()),
    };
    // A worker that fails before it listens (no Worker support, the script missing) hands the
    // runs to the page; one that fails later only fails its run and is replaced at the next.
    let on_worker_error = move |message: String| {
        let (was_ready, was_busy) = r
            .slot
            .try_update_value(|s| {
                s.broken = true;
                s.pending = None;
                let state = (s.ready, s.busy);
                s.busy = false;
                state
            })
            .unwrap_or((true, false));
        if !was_ready {
            r.engine.set(Engine::Page(format!(
                "the background worker could not start ({message})"
            )));
            if was_busy && let Ok(m) = model.get_untracked() {
                r.run_on_page(m, r.generation.get_value());
            }
        } else if was_busy {
            r.status
                .set(Status::Failed(format!("the worker stopped: {message}")));
        }
    };
    // Replaces the slot's worker by a fresh one (false when workers are unavailable).
    let spawn_worker = move || -> bool {
        let fresh = match WorkerSlot::spawn(move |m| r.on_answer(m), on_worker_error) {
            Ok(s) => s,
            Err(e) => {
                r.engine.set(Engine::Page(format!(
                    "this browser could not start a background worker ({e})"
                )));
                return false;
            }
        };
        r.slot.update_value(|s| {
            s.terminate();
            *s = fresh;
        });
        true
    };
    spawn_worker();
    on_cleanup(move || {
        r.slot.try_update_value(WorkerSlot::terminate);
    });
    let start = move |built: Built| {
        let me = r.generation.get_value() + 1;
        r.generation.set_value(me);
        r.status.set(Status::Waiting);
        leptos::task::spawn_local(async move {
            pause(DEBOUNCE_MS).await;
            if r.generation.try_get_value() != Some(me) {
                return;
            }
            if let Engine::Page(_) = r.engine.get_untracked() {
                r.run_on_page(built, me);
                return;
            }
            let request = RunRequest {
                run: me,
                network: network.get_value(),
                options: options.get_untracked(),
                slice: WORKER_SLICE,
            };
            let text = match serde_json::to_string(&request) {
                Ok(t) => t,
                Err(e) => {
                    r.status
                        .set(Status::Failed(format!("the run could not be encoded: {e}")));
                    return;
                }
            };
            // A worker still busy with an older run is terminated: that is the cancellation.
            let stuck = r
                .slot
                .with_value(|s| s.busy || s.broken || s.worker.is_none());
            if stuck && !spawn_worker() {
                r.run_on_page(built, me);
                return;
            }
            r.status.set(Status::Running {
                done: 0,
                of: built.0.paths(),
            });
            r.slot.update_value(|s| {
                s.busy = true;
                s.post(text, r.status);
            });
        });
    };
    Effect::new(move |_| {
        if let Ok(m) = model.get() {
            start(m);
        } else {
            // Invalid input: stop what runs; the last figures stay, marked stale.
            r.generation.update_value(|g| *g += 1);
            r.status.set(Status::Waiting);
        }
    });
    r
}
