//! Quellenlage in the browser: entry point of the WebAssembly app.

mod app;
mod corpus;
mod filters;
mod format;
mod keyboard;
mod links;
mod location;
mod share;
mod texts;
mod view_state;
mod views;

fn main() {
    // A panic would kill the whole app; the hook at least names it in the console.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
