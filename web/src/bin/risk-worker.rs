//! The Risk page's Web Worker (Trunk `data-type="worker"`): listens for a JSON
//! [`restake_web::risk_run::RunRequest`], runs it in slices and posts JSON
//! [`restake_web::risk_run::WorkerMessage`]s back — `ready` first, then progress and the report.
//! A run is cancelled by terminating the worker, so the loop never needs to yield.

#[cfg(target_arch = "wasm32")]
fn main() {
    use restake_web::risk_run::{WorkerMessage, serve};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let post = {
        let scope = scope.clone();
        move |m: &WorkerMessage| {
            // A message that cannot be encoded or posted has no one to go to: the page's
            // error handler sees the worker fail instead.
            if let Ok(text) = serde_json::to_string(m) {
                let _ = scope.post_message(&JsValue::from_str(&text));
            }
        }
    };
    let listen = post.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |ev: MessageEvent| {
        serve(&ev.data().as_string().unwrap_or_default(), &listen);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post(&WorkerMessage::Ready);
}

/// Natively there is no worker scope; the binary only exists for the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
