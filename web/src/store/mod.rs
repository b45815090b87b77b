//! The scenario store: the one `Scenario` document the what-if pages read their inputs from and
//! write their edits back to, shared as Leptos context.
//!
//! Data flow: the app starts from the document in the link (`#s=<fragment>`, checked by
//! `Scenario::from_fragment`) or from `restake_core::scenario::default_document()`. A page
//! initialises its signals from its section (its demo when the section is absent) and, on every
//! edit with a valid input, writes the section back ([`Store::edit`]). Every edit reaches the address
//! bar at once: the first edit after a pause of [`PUSH_DELAY_MS`] is a new history entry and the
//! later edits of the same burst rewrite that entry, so a burst of keystrokes is one entry and
//! nothing is pending when the user goes Back or Forward, reloads or leaves. A page link or
//! Back/Forward to an entry without a scenario gets the document written into it
//! ([`Store::stamp_entry`]; not the built-in one), so a reload there keeps it. Back/forward (`popstate`), loading a saved scenario, importing a file or loading a replay
//! replace the document ([`Store::replace`]): the generation counter moves on and the routed
//! what-if page is built again from the new document. Nothing here computes a figure.

pub mod file;
pub mod imported;
pub mod local;
pub mod url;

use std::time::Duration;

use leptos::prelude::*;
use restake_core::scenario::{PositionSection, Scenario, default_document, replays};

/// Quiet time after the last edit before the next edit starts a new history entry, ms.
pub const PUSH_DELAY_MS: u64 = 600;

/// The shared document, its generation and the messages about it. `Copy`: every field is an
/// arena handle.
#[derive(Clone, Copy)]
pub struct Store {
    /// The current document.
    pub doc: RwSignal<Scenario>,
    /// Bumped whenever the document is replaced as a whole (load, import, replay, back/forward);
    /// the routed what-if page is rebuilt when it moves. Edits do not bump it.
    pub generation: RwSignal<u64>,
    /// An error about a link (a refused `#s=` fragment), shown above every page.
    pub banner: RwSignal<Option<String>>,
    /// The last store action's outcome (e.g. “Loaded …”), kept across a page rebuild.
    pub notice: RwSignal<Option<String>>,
    /// The title of the replay the document was loaded from, until another document replaces
    /// it; pages without a section in it say so ([`crate::components::replay_gap`]).
    pub replay: RwSignal<Option<String>>,
    /// The fragment of the document the current history entry stands for.
    committed: StoredValue<String>,
    /// The fragment of the built-in document (`default_document`), which a page link leaves out
    /// of the address bar ([`Store::stamp_entry`]).
    builtin: StoredValue<String>,
    /// The open burst of edits (its entry is rewritten by the next edit), closed when edits
    /// pause for [`PUSH_DELAY_MS`], by back/forward or by a replaced document.
    pending: StoredValue<Option<TimeoutHandle>>,
    /// True while the routed page is being rebuilt because the document was replaced.
    rebuilding: StoredValue<bool>,
}

/// The text of a refused link, for the banner.
fn link_error(e: &restake_core::Error) -> String {
    format!("The scenario in this link could not be loaded, so nothing in it was used. {e}")
}

/// The title of the replay a document was loaded from, recognised by its name (a replay's
/// document carries the replay's name, and edits keep it), so a reloaded page still says which
/// sections the replay lacks ([`crate::components::replay_gap`]).
fn replay_title(doc: &Scenario) -> Option<String> {
    let name = doc.name.as_deref()?;
    replays()
        .ok()?
        .into_iter()
        .find(|r| r.scenario.name.as_deref() == Some(name))
        .map(|r| r.title)
}

/// The built-in starting document; an empty one (and a message) should core's defaults ever fail.
fn fallback() -> (Scenario, Option<String>) {
    match default_document() {
        Ok(d) => (d, None),
        Err(e) => (
            Scenario::default(),
            Some(format!("The built-in scenario failed to load: {e}")),
        ),
    }
}

impl Store {
    /// A store starting from `doc`, without touching the address bar (tests, and the base of
    /// [`Store::from_location`]).
    pub fn new(doc: Scenario) -> Store {
        let committed = doc.to_fragment();
        let builtin = fallback().0.to_fragment();
        Store {
            doc: RwSignal::new(doc),
            generation: RwSignal::new(0),
            banner: RwSignal::new(None),
            replay: RwSignal::new(None),
            notice: RwSignal::new(None),
            committed: StoredValue::new(committed),
            builtin: StoredValue::new(builtin),
            pending: StoredValue::new(None),
            rebuilding: StoredValue::new(false),
        }
    }

    /// The store of a page load: the document of the address bar's `#s=` fragment when it is
    /// valid; otherwise the default document, with a banner saying why the link was refused (and
    /// the refused fragment removed from the address bar, so Back never returns to it).
    pub fn from_location() -> Store {
        let (default, default_error) = fallback();
        let (doc, error) = match url::current_fragment() {
            None => (default, default_error),
            Some(f) => match Scenario::from_fragment(&f) {
                Ok(d) => (d, None),
                Err(e) => {
                    // A refusal here only leaves the bad text in the address bar.
                    let _ = url::clear_fragment();
                    (default, Some(link_error(&e)))
                }
            },
        };
        let replay = replay_title(&doc);
        let store = Store::new(doc);
        store.banner.set(error);
        store.replay.set(replay);
        store
    }

    /// Listens to back/forward for the life of the app: an entry with a scenario fragment
    /// replaces the document (a refused one shows the banner and changes nothing); an entry
    /// without one (a plain page link) keeps the current document.
    pub fn follow_history(self) {
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let Some(f) = url::current_fragment() else {
                return;
            };
            self.cancel_pending();
            let Some(now) = self.doc.try_with_untracked(Scenario::to_fragment) else {
                return;
            };
            if now == f {
                self.committed.set_value(f);
                return;
            }
            match Scenario::from_fragment(&f) {
                Ok(d) => {
                    self.committed.set_value(f);
                    self.banner.set(None);
                    self.replay.set(None);
                    self.swap(d);
                }
                Err(e) => self.banner.set(Some(link_error(&e))),
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Applies an edit of the user's. When it changes the document, the address bar holds it at
    /// once ([`Store::record_edit`]). The store only ever holds a valid document:
    /// an edit that `validate_document` refuses is not kept and the banner says why (pages write
    /// back only inputs their engine accepted, so this is a safety net).
    pub fn edit(self, f: impl FnOnce(&mut Scenario)) {
        let mut next = self.doc.get_untracked();
        f(&mut next);
        if self.doc.with_untracked(|d| *d == next) {
            return;
        }
        match next.validate_document() {
            Ok(()) => {
                self.doc.set(next);
                self.record_edit();
            }
            Err(e) => self.banner.set(Some(format!(
                "This edit is not kept in the scenario (so not in its link or saved copies): {e}"
            ))),
        }
    }

    /// Brings the document in line with what a page shows without making a history entry (the
    /// Yield page opened with `?protocol=`); the next edit records it.
    pub fn sync(self, f: impl FnOnce(&mut Scenario)) {
        let mut next = self.doc.get_untracked();
        f(&mut next);
        if self.doc.with_untracked(|d| *d != next) {
            let fragment = next.to_fragment();
            self.doc.set(next);
            self.committed.set_value(fragment);
        }
    }

    /// Makes `p` the user's position ("my position", core's `Scenario::set_position`, which
    /// writes it into every page's section) and rebuilds the routed what-if page from the new
    /// document; recorded in the address bar as an edit is ([`Store::record_edit`]). A position equal to the one
    /// the document already implies changes nothing (so following the document is not an edit).
    /// Errors: the position's or a section's, by field; the document is then unchanged.
    pub fn set_position(self, p: PositionSection) -> Result<(), restake_core::Error> {
        if self.doc.with_untracked(|d| d.position_or_default() == p) {
            return Ok(());
        }
        let mut next = self.doc.get_untracked();
        next.set_position(p)?;
        self.doc.set(next);
        self.record_edit();
        self.generation.update(|g| *g += 1);
        Ok(())
    }

    /// Replaces the whole document (load, import, replay) and rebuilds the page; recorded at
    /// once as a new history entry of its own (the next edit starts another).
    pub fn replace(self, doc: Scenario, notice: impl Into<String>) {
        self.banner.set(None);
        self.replay.set(None);
        self.notice.set(Some(notice.into()));
        self.swap(doc);
        self.cancel_pending();
        self.push_now();
    }

    /// [`Store::replace`] with a replay's document, remembering its title.
    pub fn load_replay(self, doc: Scenario, title: &str) {
        self.replace(doc, format!("Loaded the replay “{title}”."));
        self.replay.set(Some(title.to_owned()));
    }

    /// True while the routed page is being rebuilt for a replaced document (so a page can tell
    /// that from arriving by a link).
    pub fn rebuilding(self) -> bool {
        self.rebuilding.try_get_value().unwrap_or(false)
    }

    /// The current document's share fragment (untracked).
    pub fn fragment(self) -> String {
        self.doc.with_untracked(Scenario::to_fragment)
    }

    fn swap(self, doc: Scenario) {
        if self.doc.with_untracked(|d| *d != doc) {
            self.doc.set(doc);
        }
        self.generation.update(|g| *g += 1);
    }

    fn cancel_pending(self) {
        if let Some(Some(h)) = self.pending.try_get_value() {
            h.clear();
        }
        self.pending.set_value(None);
    }

    /// Records an edit in the address bar now: the first edit of a burst as a new entry
    /// ([`Store::push_now`]), a later one by rewriting the burst's entry; either way the burst
    /// stays open until edits pause for [`PUSH_DELAY_MS`].
    fn record_edit(self) {
        let open = self
            .pending
            .try_with_value(Option::is_some)
            .unwrap_or(false);
        self.cancel_pending();
        if open {
            self.replace_now();
        } else {
            self.push_now();
        }
        let handle = set_timeout_with_handle(
            move || {
                // The app may be gone (tests unmount it): `try_set_value` hands the value back.
                let _ = self.pending.try_set_value(None);
            },
            Duration::from_millis(PUSH_DELAY_MS),
        );
        self.pending.set_value(handle.ok());
    }

    /// Rewrites the current history entry with the current document (a later edit of a burst).
    fn replace_now(self) {
        let Some(fragment) = self.doc.try_with_untracked(Scenario::to_fragment) else {
            return;
        };
        if self.committed.with_value(|c| *c == fragment) {
            return;
        }
        if let Err(e) = url::set_fragment(&fragment, url::Entry::Replace) {
            self.notice.set(Some(e));
        }
        self.committed.set_value(fragment);
    }

    /// Records the current document in the address bar now: the entry being left keeps the
    /// document it stood for (written into it when it had no fragment, e.g. the first page
    /// load), and the edit becomes a new entry. Public for tests.
    pub fn push_now(self) {
        let Some(fragment) = self.doc.try_with_untracked(Scenario::to_fragment) else {
            return;
        };
        if self.committed.with_value(|c| *c == fragment) {
            return;
        }
        if url::current_fragment().is_none() {
            let before = self.committed.get_value();
            let _ = url::set_fragment(&before, url::Entry::Replace);
        }
        if let Err(e) = url::set_fragment(&fragment, url::Entry::Push) {
            self.notice.set(Some(e));
        }
        self.committed.set_value(fragment);
    }

    /// After a page link or Back/Forward to an entry without a scenario: writes the current
    /// document into that entry (rewritten, not a new one), so a reload or a copied address
    /// keeps it. The built-in document is left out, so a user who changed nothing gets plain
    /// addresses. Closes the open burst of edits: the next edit is a new entry on this page.
    pub fn stamp_entry(self) {
        if url::current_fragment().is_some() {
            return;
        }
        let Some(fragment) = self.doc.try_with_untracked(Scenario::to_fragment) else {
            return;
        };
        self.cancel_pending();
        if self.builtin.with_value(|b| *b != fragment)
            && let Err(e) = url::set_fragment(&fragment, url::Entry::Replace)
        {
            self.notice.set(Some(e));
        }
        self.committed.set_value(fragment);
    }

    /// Builds `view` with [`Store::rebuilding`] set to `rebuilding` (used by [`Keyed`]).
    fn build<V>(self, rebuilding: bool, view: impl FnOnce() -> V) -> V {
        self.rebuilding.set_value(rebuilding);
        let v = untrack(view);
        self.rebuilding.set_value(false);
        v
    }
}

/// The store in context; a fresh default one (provided for the rest of the tree) when the app
/// did not provide one, e.g. a page mounted alone in a test.
pub fn use_store() -> Store {
    use_context::<Store>().unwrap_or_else(|| {
        let s = Store::new(fallback().0);
        provide_context(s);
        s
    })
}

/// Writes a page's input back into the document whenever it changes after the page was built.
/// `read` returns the page's current input when it is valid (`None` while it is not, so an
/// invalid entry never reaches the document); `put` stores it into the document. The first run,
/// at build time, only subscribes: building a page is not an edit.
pub fn write_back<T: 'static>(
    read: impl Fn() -> Option<T> + 'static,
    put: impl Fn(&mut Scenario, T) + 'static,
) {
    let store = use_store();
    Effect::new(move |built: Option<()>| {
        let value = read();
        if built.is_some()
            && let Some(v) = value
        {
            store.edit(|d| put(d, v));
        }
    });
}

/// Rebuilds its children whenever the document is replaced, so a what-if page starts again from
/// the new document (its signals are initialised once, from the document).
#[component]
pub fn Keyed(children: ChildrenFn) -> impl IntoView {
    let store = use_store();
    let first = StoredValue::new(true);
    move || {
        store.generation.track();
        let rebuilding = !first.get_value();
        first.set_value(false);
        store.build(rebuilding, || children())
    }
}
