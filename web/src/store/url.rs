//! The scenario in the URL fragment (`#s=<fragment>`) and the browser history.
//!
//! The fragment text itself (`s2.` + base64url of the deflated JSON) is made and checked by
//! `restake_core::scenario`; this module only reads and writes the address bar. A fragment never
//! reaches the server, so a shared scenario stays in the browser.

/// What precedes the scenario in the address bar's fragment: `#s=…`.
pub const FRAGMENT_KEY: &str = "s=";

/// The scenario text of a location hash such as `#s=s2.AbC` (`None` when the hash holds no
/// scenario, e.g. `#main` or an empty hash).
pub fn fragment_of(hash: &str) -> Option<&str> {
    hash.strip_prefix('#')
        .unwrap_or(hash)
        .strip_prefix(FRAGMENT_KEY)
}

/// `href` with its fragment (if any) replaced by `#s=<fragment>`.
pub fn with_fragment(href: &str, fragment: &str) -> String {
    let base = href.split_once('#').map_or(href, |(b, _)| b);
    format!("{base}#{FRAGMENT_KEY}{fragment}")
}

/// `href` without its fragment.
pub fn without_fragment(href: &str) -> &str {
    href.split_once('#').map_or(href, |(b, _)| b)
}

/// The scenario text in the current address bar, if any.
pub fn current_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    fragment_of(&hash).map(str::to_owned)
}

/// The current address (`https://host/path?query#hash`), or an empty string without a window.
pub fn current_href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// The page's origin, e.g. `https://host:8080`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// A link that opens `path` (e.g. `/yield`) with the scenario `fragment`.
pub fn share_link(path: &str, fragment: &str) -> String {
    format!("{}{path}#{FRAGMENT_KEY}{fragment}", origin())
}

/// How an address-bar change is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new history entry (`history.pushState`): Back returns to the previous one.
    Push,
    /// The current entry is rewritten (`history.replaceState`).
    Replace,
}

/// Writes `url` (same origin) to the address bar without loading anything. Returns a message
/// when the browser refuses (e.g. a URL over its length limit); never panics.
pub fn set_url(url: &str, entry: Entry) -> Result<(), String> {
    let history = web_sys::window()
        .ok_or("no window")?
        .history()
        .map_err(|_| "no history".to_owned())?;
    let state = wasm_bindgen::JsValue::NULL;
    match entry {
        Entry::Push => history.push_state_with_url(&state, "", Some(url)),
        Entry::Replace => history.replace_state_with_url(&state, "", Some(url)),
    }
    .map_err(|_| "The browser refused to update the address bar.".to_owned())
}

/// Records the scenario `fragment` in the address bar, keeping the path and query.
pub fn set_fragment(fragment: &str, entry: Entry) -> Result<(), String> {
    set_url(&with_fragment(&current_href(), fragment), entry)
}

/// Removes the fragment from the current entry (e.g. after a link whose scenario was refused).
pub fn clear_fragment() -> Result<(), String> {
    set_url(without_fragment(&current_href()), Entry::Replace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_only_scenario_fragments() {
        assert_eq!(fragment_of("#s=s2.AbC-_"), Some("s2.AbC-_"));
        assert_eq!(fragment_of("s=x"), Some("x"));
        assert_eq!(fragment_of("#s="), Some(""));
        assert_eq!(fragment_of("#main"), None);
        assert_eq!(fragment_of(""), None);
    }

    #[test]
    fn replaces_any_fragment_and_keeps_path_and_query() {
        assert_eq!(
            with_fragment("http://h/yield?protocol=renzo", "s2.x"),
            "http://h/yield?protocol=renzo#s=s2.x"
        );
        assert_eq!(
            with_fragment("http://h/risk#s=old", "new"),
            "http://h/risk#s=new"
        );
        assert_eq!(with_fragment("http://h/#main", "a"), "http://h/#s=a");
        assert_eq!(without_fragment("http://h/a?b#s=c"), "http://h/a?b");
        assert_eq!(without_fragment("http://h/a"), "http://h/a");
    }
}
