//! A Monte Carlo risk run in slices, and the messages between the Risk page and its Web Worker.
//!
//! The page posts one [`RunRequest`] (network, options, slice size and a run id) as JSON; the
//! worker (`src/bin/risk-worker.rs`) answers with [`WorkerMessage`]s as JSON: `ready` once it
//! listens, `progress` after every slice, then `done` with the report or `failed` with the
//! error. Every answer carries the run id, so the page ignores answers of a run it has since
//! cancelled. Both the worker and the page's fallback (a frame-sliced run on the main thread,
//! when no worker can be started) step through the paths with [`restake_core::risk::RiskRun`];
//! slices merge exactly, so the report is the same as one `simulate_risk` call with that seed.

use restake_core::network::Network;
use restake_core::risk::{RiskOptions, RiskReport, RiskRun};
use restake_core::scenario::{Headline, Scenario, run_scenario};
use serde::{Deserialize, Serialize};

/// File the page starts the worker from: Trunk's loader shim for the `risk-worker` binary
/// (`data-loader-shim` in `index.html`), served next to `index.html`.
pub const WORKER_URL: &str = "/risk-worker_loader.js";

/// Paths per slice in the worker: about 5 ms of work in Chromium, so progress moves about
/// 200 times a second without the messages costing anything that shows.
pub const WORKER_SLICE: u64 = 25_000;

/// A run, from the page to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RunRequest {
    /// Id of the run, echoed in every answer.
    pub run: u64,
    /// The network.
    pub network: Network,
    /// The options (paths, seed, horizon, probabilities).
    pub options: RiskOptions,
    /// Paths per slice, `1..=10_000_000` (else the run fails on field `n`); progress is
    /// reported after each.
    pub slice: u64,
}

/// A comparison, from the Scenarios page to the worker: every engine of both documents
/// (`restake_core::scenario::run_scenario`), off the page's thread — each document's Monte Carlo
/// run alone can take seconds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CompareRequest {
    /// The two documents, A and B. First, so the JSON starts with `{"compare":` and [`serve`]
    /// tells the two requests apart without reading a document twice.
    pub compare: [Scenario; 2],
    /// Id of the run, echoed in every answer.
    pub run: u64,
}

/// An answer, from the worker to the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum WorkerMessage {
    /// The worker listens; requests posted before this are lost.
    Ready,
    /// `done` of `total` paths simulated.
    Progress {
        /// Run id.
        run: u64,
        /// Paths simulated so far.
        done: u64,
        /// Paths of the run.
        total: u64,
    },
    /// The run finished.
    Done {
        /// Run id.
        run: u64,
        /// The report.
        report: Box<RiskReport>,
    },
    /// Both documents of a [`CompareRequest`] ran: their headline figures, A then B.
    Compared {
        /// Run id.
        run: u64,
        /// A's headline figures.
        a: Vec<Headline>,
        /// B's headline figures.
        b: Vec<Headline>,
    },
    /// The run failed (invalid input or a broken request).
    Failed {
        /// Run id (0 when the request could not be read).
        run: u64,
        /// The error, naming the field.
        message: String,
    },
}

/// The worker's side: runs the request in `text` to the end, passing each answer to `post`. A
/// JSON [`CompareRequest`] (it starts with its `compare` field) runs both documents and answers
/// `progress` (1 of 2) after A, then `compared` or `failed`; anything else is read as a
/// [`RunRequest`] and answers progress after every slice, then `done` or `failed`.
pub fn serve(text: &str, mut post: impl FnMut(&WorkerMessage)) {
    if text.starts_with("{\"compare\":") {
        return compare(text, post);
    }
    let Some(request) = read::<RunRequest>(text, &mut post) else {
        return;
    };
    let run = request.run;
    let result = RiskRun::new(&request.network, &request.options).and_then(|mut r| {
        while r.step(request.slice)? < r.paths() {
            post(&WorkerMessage::Progress {
                run,
                done: r.done(),
                total: r.paths(),
            });
        }
        r.finish()
    });
    post(&match result {
        Ok(report) => WorkerMessage::Done {
            run,
            report: Box::new(report),
        },
        Err(e) => WorkerMessage::Failed {
            run,
            message: e.to_string(),
        },
    });
}

/// The request in `text`, or `None` after posting `failed` (run 0: it has no id) when it cannot
/// be read.
fn read<T: serde::de::DeserializeOwned>(
    text: &str,
    post: &mut impl FnMut(&WorkerMessage),
) -> Option<T> {
    serde_json::from_str(text)
        .map_err(|e| {
            post(&WorkerMessage::Failed {
                run: 0,
                message: format!("request: {e}"),
            })
        })
        .ok()
}

/// What a worker's `error` event says: an exception's message, or that the script did not
/// load (a plain `Event`).
pub fn worker_error(ev: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    ev.dyn_ref::<web_sys::ErrorEvent>()
        .map(web_sys::ErrorEvent::message)
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| "its script did not load".to_owned())
}

/// [`serve`] for a [`CompareRequest`]; an error names the document (`A: risk.paths …`).
fn compare(text: &str, mut post: impl FnMut(&WorkerMessage)) {
    let Some(request) = read::<CompareRequest>(text, &mut post) else {
        return;
    };
    let [a, b] = &request.compare;
    let run = request.run;
    let result = run_scenario(a)
        .map_err(|e| format!("A: {e}"))
        .and_then(|ra| {
            post(&WorkerMessage::Progress {
                run,
                done: 1,
                total: 2,
            });
            let rb = run_scenario(b).map_err(|e| format!("B: {e}"))?;
            Ok((ra.headlines, rb.headlines))
        });
    post(&match result {
        Ok((a, b)) => WorkerMessage::Compared { run, a, b },
        Err(message) => WorkerMessage::Failed { run, message },
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use restake_core::risk::{SeedInput, risk_demo, simulate_risk};

    fn request(paths: f64, slice: u64) -> RunRequest {
        let demo = risk_demo().unwrap();
        RunRequest {
            run: 7,
            network: demo.network,
            options: RiskOptions {
                paths,
                seed: Some(SeedInput::Number(3.0)),
                ..demo.options
            },
            slice,
        }
    }

    #[test]
    fn the_worker_protocol_gives_the_single_call_report() {
        // 10,000 paths in slices of 3,000: progress at 3,000, 6,000 and 9,000, then the report,
        // equal bit for bit to one simulate_risk call (after a JSON round trip each way).
        let req = request(10_000.0, 3_000);
        let text = serde_json::to_string(&req).unwrap();
        let mut answers = Vec::new();
        serve(&text, |m| {
            let json = serde_json::to_string(m).unwrap();
            answers.push(serde_json::from_str::<WorkerMessage>(&json).unwrap());
        });
        let progress: Vec<u64> = answers
            .iter()
            .filter_map(|m| match m {
                WorkerMessage::Progress {
                    run: 7,
                    done,
                    total: 10_000,
                } => Some(*done),
                _ => None,
            })
            .collect();
        assert_eq!(progress, vec![3_000, 6_000, 9_000]);
        let expected = simulate_risk(&req.network, &req.options).unwrap();
        match answers.last() {
            Some(WorkerMessage::Done { run: 7, report }) => assert_eq!(**report, expected),
            other => panic!("no report: {other:?}"),
        }
    }

    #[test]
    fn a_comparison_gives_both_documents_headlines() {
        // The default document against itself with the bridged token's exchange rate 10% lower: the same
        // headlines as two run_scenario calls, after progress 1 of 2.
        let a = restake_core::scenario::default_document().unwrap();
        let mut b = a.clone();
        let bridge = b
            .bridge
            .as_mut()
            .expect("the default document has a bridge section");
        bridge.exchange_rate_eth *= 0.9;
        let text = serde_json::to_string(&CompareRequest {
            compare: [a.clone(), b.clone()],
            run: 4,
        })
        .unwrap();
        let mut answers = Vec::new();
        serve(&text, |m| answers.push(m.clone()));
        let (ha, hb) = (
            run_scenario(&a).unwrap().headlines,
            run_scenario(&b).unwrap().headlines,
        );
        assert_ne!(ha, hb);
        assert_eq!(
            answers,
            vec![
                WorkerMessage::Progress {
                    run: 4,
                    done: 1,
                    total: 2
                },
                WorkerMessage::Compared {
                    run: 4,
                    a: ha,
                    b: hb
                }
            ]
        );
        // A broken B is named.
        let mut bad = b;
        bad.bridge.as_mut().unwrap().exchange_rate_eth = -1.0;
        let text = serde_json::to_string(&CompareRequest {
            compare: [a, bad],
            run: 5,
        })
        .unwrap();
        answers.clear();
        serve(&text, |m| answers.push(m.clone()));
        match answers.last() {
            Some(WorkerMessage::Failed { run: 5, message }) => {
                assert!(message.starts_with("B: "), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bad_requests_fail_with_the_field_named() {
        let mut answers = Vec::new();
        let text = serde_json::to_string(&request(0.0, 1_000)).unwrap();
        serve(&text, |m| answers.push(m.clone()));
        match &answers[..] {
            [WorkerMessage::Failed { run: 7, message }] => {
                assert!(message.contains("options.paths"), "{message}")
            }
            other => panic!("{other:?}"),
        }
        answers.clear();
        let text = serde_json::to_string(&request(100.0, 0)).unwrap();
        serve(&text, |m| answers.push(m.clone()));
        match &answers[..] {
            [WorkerMessage::Failed { run: 7, message }] => {
                assert!(message.starts_with("n: "), "{message}")
            }
            other => panic!("{other:?}"),
        }
        answers.clear();
        serve("{\"run\": 1}", |m| answers.push(m.clone()));
        assert!(matches!(
            &answers[..],
            [WorkerMessage::Failed { run: 0, .. }]
        ));
        // The ready message is a bare kind.
        assert_eq!(
            serde_json::to_string(&WorkerMessage::Ready).unwrap(),
            "{\"kind\":\"ready\"}"
        );
    }
}
