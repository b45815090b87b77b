//! Reading a number as a person types it: the pure parsing behind every number field.
//!
//! Accepted: an optional sign (`-`, `+`, `−`), digits with at most one decimal **point**, an
//! optional exponent (`1e6`), thousands separators in groups of three digits (`1,000`,
//! `116,500.5`, `1 000 000`, `1_000`), and the field's own unit typed by habit after the number
//! (`10 ETH` in an ETH field, `5%` or `5 %` in a % field, `3 years`/`3 year` in a years field).
//!
//! Refused, with a message in words: a comma that does not separate groups of three digits
//! (`12,5` could mean 12.5 or 125 — we never guess), a unit that is not the field's (`5%` in an
//! ETH field), letters, `inf`/`NaN`, a number too large for a float, and a value outside the
//! field's range. Values are in the field's display units (e.g. % for a fraction shown in %).

/// What a text reads as: the value in display units and, when the text was reinterpreted
/// (separators dropped, a unit or exponent read), the note shown beside the field.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// The number, in the field's display units.
    pub value: f64,
    /// `Some("= 116500 tokens")` when the text is not plainly the number it means.
    pub note: Option<String>,
}

/// Reads `text` typed into a field whose unit is `unit` (`"%"`, `"% a year"`, `"ETH"`, `""`)
/// and checks `min ≤ value ≤ max` (display units). `Err` carries the message for the user.
pub fn read_number(text: &str, unit: &str, min: f64, max: f64) -> Result<Reading, String> {
    let typed = text.trim();
    if typed.is_empty() {
        return Err("Enter a number.".to_owned());
    }
    let (body, unit_read) = strip_unit(typed, unit)?;
    let (digits, regrouped) = ungroup(typed, body)?;
    let value = parse_plain(typed, &digits)?;
    if value < min || value > max {
        return Err(format!(
            "Enter a value from {} to {}{}.",
            plain(min),
            plain(max),
            unit_suffix(unit)
        ));
    }
    let exponent = digits.contains(['e', 'E']);
    let note = (regrouped || unit_read || exponent)
        .then(|| format!("= {}{}", plain(value), unit_suffix(unit)));
    Ok(Reading { value, note })
}

/// The shortest plain text of a number, as a field shows it after normalising: `5`, `0.25`,
/// `116500`; at most 6 decimals beyond 12 characters so `1e-7`-sized noise stays readable.
pub fn plain(v: f64) -> String {
    let s = format!("{v}");
    if s.len() > 12 {
        format!("{v:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        s
    }
}

/// ` ETH`, `%` or nothing: the unit as written after a number in a message.
fn unit_suffix(unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => String::new(),
        u if u.starts_with('%') => u.to_owned(),
        u => format!(" {u}"),
    }
}

/// True for a field shown in percent (`%`, `% a year`, `% of the LRT's ETH`).
fn is_percent(unit: &str) -> bool {
    unit.trim_start().starts_with('%')
}

/// Splits a trailing unit off `typed`: `Ok((number part, true))` when it is the field's unit,
/// `Ok((typed, false))` when there is none, `Err` when it is another unit or stray letters.
fn strip_unit<'a>(typed: &'a str, unit: &str) -> Result<(&'a str, bool), String> {
    let cut = typed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || matches!(c, '%' | '/' | ' ' | '\'' | '’'))
        .last()
        .map_or(typed.len(), |(i, _)| i);
    let suffix = typed[cut..].trim();
    let body = typed[..cut].trim_end();
    if suffix.is_empty() {
        return Ok((typed, false));
    }
    if !body.chars().any(|c| c.is_ascii_digit()) && !suffix.contains('%') {
        return Err(format!("“{typed}” is not a number."));
    }
    // `1e6`: digits after an `e` end the scan, so a suffix of exactly `e` is an exponent being
    // typed, not a unit.
    if suffix.eq_ignore_ascii_case("e") {
        return Err(format!("“{typed}”: add the exponent's digits (1e6)."));
    }
    if accepts_unit(suffix, unit) {
        return Ok((body, true));
    }
    let words = unit.trim();
    Err(if words.is_empty() {
        format!("“{typed}”: this field takes a plain number; leave out “{suffix}”.")
    } else {
        format!("“{typed}”: this field is in {words}; leave out “{suffix}”.")
    })
}

/// Is `suffix` (as typed) the field's unit? The whole unit, its first word (`%` of `% a year`,
/// `M` of `M ETH`), or either without a plural `s` (`year` for `years`), case-insensitively.
fn accepts_unit(suffix: &str, unit: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (suffix, unit) = (norm(suffix), norm(unit));
    if unit.is_empty() {
        return false;
    }
    if is_percent(&unit) {
        return suffix == "%" || suffix == unit;
    }
    let first = unit.split(' ').next().unwrap_or_default();
    [unit.as_str(), first].iter().any(|u| {
        suffix == *u
            || u.strip_suffix('s')
                .is_some_and(|singular| suffix == singular)
    })
}

/// Removes thousands separators from the integer part. `Ok((plain digits, true))` when some
/// were removed; `Err` when a separator is anywhere but between groups of three digits.
fn ungroup(typed: &str, body: &str) -> Result<(String, bool), String> {
    let is_sep = |c: char| matches!(c, ',' | ' ' | '_' | '\u{a0}' | '\u{202f}' | '\u{2009}');
    if !body.contains(is_sep) {
        return Ok((body.to_owned(), false));
    }
    let comma = body.contains(',');
    let refuse = || {
        if comma {
            format!(
                "“{typed}”: a comma separates thousands in groups of three digits (1,000); use a point for decimals (0.5)."
            )
        } else {
            format!("“{typed}”: a space separates thousands in groups of three digits (1 000).")
        }
    };
    let (sign, unsigned) = match body.chars().next() {
        Some(c @ ('-' | '+' | '−')) => (c.to_string(), &body[c.len_utf8()..]),
        _ => (String::new(), body),
    };
    let int_end = unsigned.find(['.', 'e', 'E']).unwrap_or(unsigned.len());
    let (int, rest) = unsigned.split_at(int_end);
    if rest.contains(is_sep) {
        return Err(refuse());
    }
    let kinds: Vec<char> = int.chars().filter(|c| is_sep(*c)).collect();
    if kinds.windows(2).any(|w| w[0] != w[1]) {
        return Err(refuse());
    }
    let groups: Vec<&str> = int.split(is_sep).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let all_digits = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if !(first_ok && rest_ok && all_digits) {
        return Err(refuse());
    }
    Ok((format!("{sign}{}{rest}", groups.concat()), true))
}

/// Parses sign, digits, one point and an exponent, nothing else (Rust's parser alone would
/// also take `inf` and `NaN`).
fn parse_plain(typed: &str, digits: &str) -> Result<f64, String> {
    let digits = digits.replacen('−', "-", 1);
    let ok_chars = digits
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'));
    if !ok_chars {
        return Err(format!("“{typed}” is not a number."));
    }
    if !digits.chars().any(|c| c.is_ascii_digit()) {
        return Err("Enter a number.".to_owned());
    }
    let v: f64 = digits
        .parse()
        .map_err(|_| format!("“{typed}” is not a number."))?;
    if !v.is_finite() {
        return Err(format!("“{typed}” is too large a number."));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, unit: &str) -> Result<f64, String> {
        read_number(text, unit, -1e12, 1e12).map(|r| r.value)
    }

    #[test]
    fn decimals_as_typed_key_by_key() {
        for (text, v) in [
            ("0", 0.0),
            ("0.", 0.0),
            ("0.5", 0.5),
            ("2.", 2.0),
            ("2.5", 2.5),
        ] {
            assert_eq!(value(text, "%"), Ok(v), "{text}");
        }
        assert_eq!(value("1.05", ""), Ok(1.05));
        assert_eq!(value(".5", ""), Ok(0.5));
        assert_eq!(value("0.0", ""), Ok(0.0));
        assert_eq!(value("-", ""), Err("Enter a number.".to_owned()));
        assert_eq!(value(".", ""), Err("Enter a number.".to_owned()));
        assert_eq!(value("-0.5", ""), Ok(-0.5));
        assert_eq!(value("−2", ""), Ok(-2.0), "a typographic minus");
        assert_eq!(read_number("0.5", "%", 0.0, 100.0).unwrap().note, None);
    }

    #[test]
    fn thousands_separators_in_groups_of_three() {
        assert_eq!(value("1,000", ""), Ok(1000.0));
        assert_eq!(value("100,000", "paths"), Ok(100_000.0));
        assert_eq!(value("116,500", "tokens"), Ok(116_500.0));
        assert_eq!(value("1,000,000.25", ""), Ok(1_000_000.25));
        assert_eq!(value("1 000 000", ""), Ok(1e6));
        assert_eq!(value("1_000", ""), Ok(1000.0));
        assert_eq!(value("-1,000", ""), Ok(-1000.0));
        let r = read_number("116,500", "tokens", 0.0, 1e7).unwrap();
        assert_eq!(r.note.as_deref(), Some("= 116500 tokens"));
    }

    #[test]
    fn ambiguous_commas_are_refused() {
        let msg = |t: &str| {
            format!(
                "“{t}”: a comma separates thousands in groups of three digits (1,000); use a point for decimals (0.5)."
            )
        };
        for t in [
            "12,5", "0,5", "1,00", "1,0000", "1,000,00", "1.000,5", "1,", ",5", "1234,567",
        ] {
            assert_eq!(value(t, ""), Err(msg(t)), "{t}");
        }
        assert!(value("1,000 000", "").is_err(), "mixed separators");
        assert!(value("1 00", "").unwrap_err().contains("a space separates"));
    }

    #[test]
    fn the_fields_own_unit_is_understood() {
        assert_eq!(value("5%", "%"), Ok(5.0));
        assert_eq!(value("5 %", "% a year"), Ok(5.0));
        assert_eq!(value("10 ETH", "ETH"), Ok(10.0));
        assert_eq!(value("10eth", "ETH"), Ok(10.0));
        assert_eq!(value("3 years", "years"), Ok(3.0));
        assert_eq!(value("1 year", "years"), Ok(1.0));
        assert_eq!(value("36 M", "M ETH"), Ok(36.0));
        assert_eq!(value("36 M ETH", "M ETH"), Ok(36.0));
        assert_eq!(value("1.02 ETH per token", "ETH per token"), Ok(1.02));
        assert_eq!(value("1,000 ETH", "ETH"), Ok(1000.0));
        let r = read_number("5%", "%", 0.0, 100.0).unwrap();
        assert_eq!(r.note.as_deref(), Some("= 5%"));
    }

    #[test]
    fn another_unit_is_refused_in_words() {
        assert_eq!(
            value("5%", "ETH"),
            Err("“5%”: this field is in ETH; leave out “%”.".to_owned())
        );
        assert_eq!(
            value("50%", ""),
            Err("“50%”: this field takes a plain number; leave out “%”.".to_owned())
        );
        assert_eq!(
            value("10 ETH", "years"),
            Err("“10 ETH”: this field is in years; leave out “ETH”.".to_owned())
        );
        assert_eq!(
            value("36,000,000 ETH", "M ETH"),
            Err("“36,000,000 ETH”: this field is in M ETH; leave out “ETH”.".to_owned())
        );
    }

    #[test]
    fn not_numbers() {
        assert_eq!(value("", ""), Err("Enter a number.".to_owned()));
        assert_eq!(value("  ", ""), Err("Enter a number.".to_owned()));
        assert_eq!(value("abc", ""), Err("“abc” is not a number.".to_owned()));
        assert_eq!(
            value("forty", "%"),
            Err("“forty” is not a number.".to_owned())
        );
        assert_eq!(value("%", "%"), Err("Enter a number.".to_owned()));
        for t in ["inf", "NaN", "infinity", "-inf"] {
            assert_eq!(value(t, ""), Err(format!("“{t}” is not a number.")), "{t}");
        }
        assert_eq!(
            value("1e999", ""),
            Err("“1e999” is too large a number.".to_owned())
        );
        assert_eq!(value("1..2", ""), Err("“1..2” is not a number.".to_owned()));
        assert_eq!(value("1-2", ""), Err("“1-2” is not a number.".to_owned()));
        assert_eq!(
            value("1e", ""),
            Err("“1e”: add the exponent's digits (1e6).".to_owned())
        );
        assert_eq!(value("1e6", ""), Ok(1e6));
        assert_eq!(
            read_number("1e6", "", 0.0, 1e7).unwrap().note.as_deref(),
            Some("= 1000000")
        );
    }

    #[test]
    fn range_in_display_units() {
        assert_eq!(
            read_number("101", "%", 0.0, 100.0),
            Err("Enter a value from 0 to 100%.".to_owned())
        );
        assert_eq!(
            read_number("-1", "ETH", 0.0, 10_000.0),
            Err("Enter a value from 0 to 10000 ETH.".to_owned())
        );
        assert_eq!(read_number("100", "%", 0.0, 100.0).unwrap().value, 100.0);
    }
}
