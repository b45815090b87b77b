//! Entry point of the browser app: install the panic hook and mount the shell.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(restake_web::App);
}
