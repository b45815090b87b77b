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
    /// The run failed (invalid input or a broken request).
    Failed {
        /// Run id (0 when the request could not be read).
        run: u64,
        /// The error, naming the field.
        message: String,
    },
}

/// The worker's side: runs the request in `text` (JSON [`RunRequest`]) to the end, passing each
/// answer to `post` (progress after every slice, then `done` or `failed`).
pub fn serve(text: &str, mut post: impl FnMut(&WorkerMessage)) {
    let request: RunRequest = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            post(&WorkerMessage::Failed {
                run: 0,
                message: format!("request: {e}"),
            });
            return;
        }
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
