//! Named scenarios in the browser's `localStorage`, one key per name. The stored text is the
//! document's JSON; whoever loads it parses it again with `Scenario::from_json`, so a value
//! edited by hand is refused with its field path rather than trusted.

use web_sys::Storage;

/// Prefix of every key this module owns; other keys are left alone.
pub const PREFIX: &str = "restake-lab.scenario.";

/// The longest name accepted, in characters (the document's own `name` limit).
pub const MAX_NAME_CHARS: usize = 120;

fn storage() -> Result<Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| "This browser does not allow saving (localStorage is off).".to_owned())
}

/// The name trimmed, or why it cannot be used.
pub fn checked_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        Err("Give the scenario a name first.".to_owned())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(format!("A name has at most {MAX_NAME_CHARS} characters."))
    } else {
        Ok(name.to_owned())
    }
}

/// The saved names, sorted case-insensitively.
pub fn names() -> Result<Vec<String>, String> {
    let s = storage()?;
    let n = s
        .length()
        .map_err(|_| "Could not read the saved scenarios.")?;
    let mut out: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_owned))
        .collect();
    out.sort_by_key(|a| a.to_lowercase());
    Ok(out)
}

/// Saves `text` under `name`, replacing a scenario of that name.
pub fn save(name: &str, text: &str) -> Result<(), String> {
    let name = checked_name(name)?;
    storage()?
        .set_item(&format!("{PREFIX}{name}"), text)
        .map_err(|_| "The browser refused to save (its storage may be full).".to_owned())
}

/// The text saved under `name`, `None` when there is none.
pub fn load(name: &str) -> Result<Option<String>, String> {
    storage()?
        .get_item(&format!("{PREFIX}{name}"))
        .map_err(|_| format!("Could not read the saved scenario “{name}”."))
}

/// Deletes the scenario saved under `name` (nothing happens when there is none).
pub fn delete(name: &str) -> Result<(), String> {
    storage()?
        .remove_item(&format!("{PREFIX}{name}"))
        .map_err(|_| format!("Could not delete “{name}”."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(checked_name("  my what-if "), Ok("my what-if".to_owned()));
        assert!(checked_name("   ").is_err());
        assert!(checked_name(&"x".repeat(120)).is_ok());
        assert!(checked_name(&"x".repeat(121)).is_err());
        // Characters, not bytes: 120 × "é" is 240 bytes and still fits.
        assert!(checked_name(&"é".repeat(120)).is_ok());
    }
}
