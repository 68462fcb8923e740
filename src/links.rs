//! The view the page's links are built from.
//!
//! Every link (an article, a facet, a tab) carries the whole view in its URL, query included, so
//! a new query would rewrite every `href` on the page at each keystroke: with a full list and
//! its facets, a few hundred attribute writes per letter. While the reader types, the links
//! therefore follow the query once typing pauses ([`PAUSE`]); any other change of the view
//! reaches them at once. Before a link can be used, it is brought up to date: pointing at
//! anything (`pointerover`, which touch input fires too), focusing anything (`focusin`) and
//! opening a context menu flush a pending update, so a click, Enter or "copy link" always gets
//! the current view.

use crate::view_state::ViewState;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the links follow the query.
const PAUSE: Duration = Duration::from_millis(200);

/// The view links are built from. Copy it freely; all copies share one signal.
#[derive(Clone, Copy)]
pub struct Links {
    /// The current view, which the links follow.
    state: Memo<ViewState>,
    /// The view the links show.
    view: RwSignal<ViewState>,
    /// The timer that will hand `state` to the links, while an update is pending.
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Links {
    /// Starts following `state` and installs the listeners that flush a pending update.
    pub fn install(state: Memo<ViewState>) -> Links {
        let links = Links {
            state,
            view: RwSignal::new(state.get_untracked()),
            timer: StoredValue::new(None),
        };
        Effect::new(move |_| {
            let next = state.get();
            // A newer view replaces a pending one.
            links.stop_timer();
            let typed = links
                .view
                .with_untracked(|v| v.differs_only_in_query(&next));
            match typed.then(|| set_timeout_with_handle(move || links.flush(), PAUSE)) {
                Some(Ok(timer)) => links.timer.set_value(Some(timer)),
                // Not typing, or no timer (a sandboxed frame): the links follow at once.
                _ => links.set(next),
            }
        });
        for event in ["pointerover", "focusin", "contextmenu"] {
            window_event_listener_untyped(event, move |_| links.flush());
        }
        links
    }

    /// The view to build links from (tracked).
    pub fn view(&self) -> ReadSignal<ViewState> {
        self.view.read_only()
    }

    /// Hands a pending update to the links now.
    fn flush(&self) {
        if self.stop_timer() {
            self.set(self.state.get_untracked());
        }
    }

    /// Stops the pending update's timer; whether there was one.
    fn stop_timer(&self) -> bool {
        let timer = self.timer.try_update_value(Option::take).flatten();
        timer.inspect(TimeoutHandle::clear).is_some()
    }

    fn set(&self, view: ViewState) {
        if self.view.with_untracked(|v| *v != view) {
            self.view.set(view);
        }
    }
}
