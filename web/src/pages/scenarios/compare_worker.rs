//! Compare's background run: both documents go to the Risk page's Web Worker as one
//! [`CompareRequest`] (protocol in [`crate::risk_run`]), so their engines (each Monte Carlo run
//! alone can take seconds) never hold the page's thread. Cancel terminates the worker.

use std::cell::Cell;
use std::rc::Rc;

use restake_core::scenario::Scenario;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::risk_run::{CompareRequest, WORKER_URL, WorkerMessage, worker_error};

/// The `message` and `error` handlers, kept alive as long as the worker.
type Handlers = (
    Closure<dyn FnMut(web_sys::MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// A started worker running one comparison.
pub(super) struct CompareWorker {
    worker: web_sys::Worker,
    _handlers: Handlers,
}

impl CompareWorker {
    /// Starts a worker and, once it has posted `ready`, sends it A and B. Its answers go to
    /// `on_answer`; a failure of the worker itself (no Worker support, the script did not load,
    /// an exception inside) goes to `on_error` with `true` when the worker had not yet listened
    /// (the caller may then run the comparison itself).
    pub(super) fn start(
        a: &Scenario,
        b: &Scenario,
        run: u64,
        mut on_answer: impl FnMut(WorkerMessage) + 'static,
        mut on_error: impl FnMut(String, bool) + 'static,
    ) -> Result<CompareWorker, String> {
        let request = serde_json::to_string(&CompareRequest {
            compare: [a.clone(), b.clone()],
            run,
        })
        .map_err(|e| format!("the documents could not be sent to the worker: {e}"))?;
        let worker = web_sys::Worker::new(WORKER_URL)
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
        let listening = Rc::new(Cell::new(false));
        let heard = Rc::clone(&listening);
        let sender = worker.clone();
        let message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(m) = ev
                    .data()
                    .as_string()
                    .and_then(|t| serde_json::from_str::<WorkerMessage>(&t).ok())
                else {
                    return;
                };
                if m == WorkerMessage::Ready {
                    heard.set(true);
                    if sender.post_message(&JsValue::from_str(&request)).is_err() {
                        on_answer(WorkerMessage::Failed {
                            run,
                            message: "the documents could not be sent to the worker".to_owned(),
                        });
                    }
                } else {
                    on_answer(m);
                }
            });
        let error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            on_error(worker_error(&ev), !listening.get());
        });
        worker.set_onmessage(Some(message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(error.as_ref().unchecked_ref()));
        Ok(CompareWorker {
            worker,
            _handlers: (message, error),
        })
    }

    /// Stops the worker at once; its answers, if any, are never delivered.
    pub(super) fn terminate(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}
