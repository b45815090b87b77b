//! File downloads built in the browser (CSV, SVG): a Blob, an object URL and a temporary link.

use wasm_bindgen::JsCast;

/// Offers `contents` as a file named `filename` with MIME type `mime`. Returns a message when the
/// browser refuses (the caller shows it); never panics.
pub fn offer_file(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not prepare the download ({what}).");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // Revoking right after click is safe: the download has started from the URL.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// RFC 4180 CSV: fields with a comma, quote or line break are quoted and quotes doubled; lines
/// end with CRLF. A field a spreadsheet would read as a formula (it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and is not a plain number such as `-1.5`) is prefixed with
/// `'`, so a name like `=HYPERLINK(…)` stays text (OWASP, "CSV Injection").
pub fn csv(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |fields: &[String]| {
        fields
            .iter()
            .map(|f| {
                let f = neutralised(f);
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f
                }
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut out = line(header);
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&line(r));
        out.push_str("\r\n");
    }
    out
}

/// `f`, or `'` + `f` when a spreadsheet would evaluate it (see [`csv`]).
fn neutralised(f: &str) -> String {
    let risky = f.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = f.parse::<f64>().is_ok_and(f64::is_finite)
        && f.chars().all(|c| c.is_ascii_digit() || "+-.eE".contains(c));
    if risky && !number {
        format!("'{f}")
    } else {
        f.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_when_needed() {
        let h = vec!["Protocol".to_owned(), "Fee (%)".to_owned()];
        let rows = vec![
            vec!["ether.fi".to_owned(), "10".to_owned()],
            vec!["say \"hi\", ok".to_owned(), String::new()],
        ];
        assert_eq!(
            csv(&h, &rows),
            "Protocol,Fee (%)\r\nether.fi,10\r\n\"say \"\"hi\"\", ok\",\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        let h = vec!["Name".to_owned()];
        let cells = [
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
            ),
            ("+cmd", "'+cmd"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("-1.5", "-1.5"),
            ("+2e-3", "+2e-3"),
            ("-inf", "'-inf"),
            ("a=b", "a=b"),
        ];
        for (cell, want) in cells {
            let rows = vec![vec![cell.to_owned()]];
            assert_eq!(csv(&h, &rows), format!("Name\r\n{want}\r\n"), "{cell:?}");
        }
    }
}
