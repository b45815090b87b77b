//! A pause that lets the browser handle input: long work on the main thread (the Risk page's
//! fallback run, the Scenarios page's batch) awaits it between slices.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Resolves after `ms` milliseconds (a `setTimeout`), letting the browser handle input.
pub async fn pause(ms: i32) {
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
