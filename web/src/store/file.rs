//! A scenario as a JSON file: export through a download, import through a file input. The size
//! is checked before anything is read, so a 50 MB file is refused at once.

use wasm_bindgen::JsCast;

use crate::components::download::offer_file;

/// Why a file cannot be read, or its text.
pub async fn read_text(file: &web_sys::File, max_bytes: usize) -> Result<String, String> {
    let size = file.size();
    if !(0.0..=max_bytes as f64).contains(&size) {
        return Err(format!(
            "“{}” is {} bytes; a scenario file has at most {max_bytes} bytes ({}). Nothing was loaded.",
            file.name(),
            crate::format::format(Some(size), crate::format::Unit::Count),
            human_size(max_bytes)
        ));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|_| format!("Could not read “{}”.", file.name()))?;
    text.as_string()
        .ok_or_else(|| format!("“{}” is not text.", file.name()))
}

/// The first file chosen in the `<input type="file">` that fired `ev`.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

/// Clears a file input so choosing the same file again fires `change` again.
pub fn reset_input(ev: &web_sys::Event) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// `1 MiB`, `512 KiB` or `300 bytes`.
pub fn human_size(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

/// The download name for a scenario called `name`: `restake-lab-<slug>.json`, where the slug keeps
/// letters and digits and turns runs of anything else into one `-`.
pub fn file_name(name: Option<&str>) -> String {
    let mut slug = String::new();
    for c in name.unwrap_or("").chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "restake-lab-scenario.json".to_owned()
    } else {
        format!("restake-lab-{slug}.json")
    }
}

/// Offers the document's JSON `text` as a download; a message when the browser refuses.
pub fn export(name: Option<&str>, text: &str) -> Result<(), String> {
    offer_file(&file_name(name), "application/json", text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_slugs() {
        assert_eq!(file_name(None), "restake-lab-scenario.json");
        assert_eq!(file_name(Some("  ")), "restake-lab-scenario.json");
        assert_eq!(
            file_name(Some("ezETH depeg, 24 Apr 2024!")),
            "restake-lab-ezeth-depeg-24-apr-2024.json"
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(human_size(1 << 20), "1 MiB");
        assert_eq!(human_size(512 << 10), "512 KiB");
        assert_eq!(human_size(300), "300 bytes");
    }
}
