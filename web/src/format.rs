//! Every number on screen is formatted here, by unit. Nothing else in the app formats numbers,
//! and nothing shows `{:?}`.

pub use restake_core::unit::Unit;

/// Shown where a value is missing or not a finite number.
pub const MISSING: &str = "—";

/// Formats `value` for its unit; `None` and non-finite values print as [`MISSING`].
pub fn format(value: Option<f64>, unit: Unit) -> String {
    let Some(v) = value.filter(|v| v.is_finite()) else {
        return MISSING.to_owned();
    };
    match unit {
        Unit::Fraction => percent(v),
        Unit::RatePoints => {
            let pp = v * 100.0;
            let sign = if pp > 0.0 {
                "+"
            } else if pp < 0.0 {
                "−"
            } else {
                ""
            };
            format!("{sign}{} pp", fixed(pp.abs(), rate_decimals(pp.abs())))
        }
        Unit::Eth => format!("{} ETH", grouped(v, eth_decimals(v.abs()))),
        Unit::Multiple => format!("{}×", fixed(v, 2)),
        Unit::Days => {
            let s = grouped(v, if v.fract() == 0.0 { 0 } else { 1 });
            if v == 1.0 {
                format!("{s} day")
            } else {
                format!("{s} days")
            }
        }
        Unit::Years => {
            let s = trim_zeros(&fixed(v, 2));
            if v == 1.0 {
                format!("{s} year")
            } else {
                format!("{s} years")
            }
        }
        Unit::Count => grouped(v, 0),
        Unit::TokensPerDay => format!("{}/day", grouped(v, 0)),
        Unit::Tokens => format!("{} tokens", grouped(v, 0)),
        Unit::Plain => fixed(v, 2),
        Unit::Price => fixed(v, 4),
    }
}

/// A compact tick label for a chart axis, whose title carries the unit: `20k`, `1.5M`, `2.5%`,
/// `17`. Non-finite values print as [`MISSING`].
pub fn axis(v: f64, unit: Unit) -> String {
    if !v.is_finite() {
        return MISSING.to_owned();
    }
    match unit {
        Unit::Fraction => percent(v),
        Unit::RatePoints => format!("{} pp", trim_zeros(&fixed(v * 100.0, 3))),
        Unit::Multiple => format!("{}×", trim_zeros(&fixed(v, 2))),
        _ => {
            let a = v.abs();
            let (scaled, suffix) = if a >= 1e9 {
                (v / 1e9, "B")
            } else if a >= 1e6 {
                (v / 1e6, "M")
            } else if a >= 1e4 {
                (v / 1e3, "k")
            } else {
                (v, "")
            };
            format!("{}{suffix}", trim_zeros(&fixed(scaled, 2)))
        }
    }
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s.to_owned()
    }
}

/// A fraction as a percentage with sensible decimals: `0.1` → `10%`, `0.0285` → `2.85%`,
/// `0.00054` → `0.054%`.
pub fn percent(fraction: f64) -> String {
    let p = fraction * 100.0;
    let decimals = rate_decimals(p.abs());
    let s = fixed(p, decimals);
    // Drop trailing zeros after the point ("10.00" → "10"), keep at least the integer part.
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    };
    format!("{}%", s.replace('-', "−"))
}

fn rate_decimals(p: f64) -> usize {
    if p == 0.0 || p >= 100.0 {
        0
    } else if p >= 10.0 {
        1
    } else if p >= 0.1 {
        2
    } else {
        3
    }
}

fn eth_decimals(v: f64) -> usize {
    if v == 0.0 || v >= 1000.0 {
        0
    } else if v >= 1.0 {
        2
    } else {
        4
    }
}

/// Fixed decimals with a true minus sign; `-0.00` prints as `0.00`.
fn fixed(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.trim_start_matches('-')
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches('-').to_owned()
    } else {
        s.replace('-', "−")
    }
}

/// Thousands separated by commas: `1234567.891` with 2 decimals → `1,234,567.89`.
pub fn grouped(v: f64, decimals: usize) -> String {
    let s = fixed(v.abs(), decimals);
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    if v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{out}")
    } else {
        out
    }
}

/// An exact 18-decimal fixed-point value (a WAD fraction or an amount in wei, as the decimal
/// digits the core reports) in full: `4500000000000000000` → `4.5`, `25999999999999999974` →
/// `25.999999999999999974`; the integer part grouped by thousands. Text that is not digits is
/// shown as [`MISSING`].
pub fn exact18(digits: &str) -> String {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return MISSING.to_owned();
    }
    let padded = format!("{digits:0>19}");
    let (int, frac) = padded.split_at(padded.len() - 18);
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let frac = frac.trim_end_matches('0');
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// A figure read from the chain (`restake_core::chain::LiveValue`) in the unit core names in
/// words: fractions and APRs as percentages, `ETH per token` as a price, token amounts grouped,
/// counts (`A()`, unix seconds) whole, anything else plain.
pub fn live_value(value: f64, unit: &str) -> String {
    let u = if unit.starts_with("fraction") || unit.starts_with("APR fraction") {
        Unit::Fraction
    } else if unit == "ETH per token" {
        Unit::Price
    } else if unit.starts_with("tokens") || unit.starts_with("whole tokens") {
        Unit::Tokens
    } else if unit.starts_with("A (") || unit == "unix seconds" {
        Unit::Count
    } else {
        Unit::Plain
    };
    format(Some(value), u)
}

/// `name` with every Ethereum address in it (`0x` + 40 hex digits) shortened to its first and
/// last four digits (`0x1a2B…9fE0`), for table headers: an imported network names operators and
/// operator sets by address. `None` when the name holds no address.
pub fn abbreviate_addresses(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let mut out = String::with_capacity(name.len());
    let (mut i, mut last, mut found) = (0, 0, false);
    while i + 42 <= b.len() {
        let is_address = b[i] == b'0'
            && b[i + 1] == b'x'
            && b[i + 2..i + 42].iter().all(u8::is_ascii_hexdigit)
            && b.get(i + 42).is_none_or(|c| !c.is_ascii_hexdigit());
        if is_address {
            out.push_str(&name[last..i + 6]);
            out.push('…');
            out.push_str(&name[i + 38..i + 42]);
            (i, last, found) = (i + 42, i + 42, true);
        } else {
            i += 1;
        }
    }
    found.then(|| {
        out.push_str(&name[last..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_shortened_in_names() {
        let a = "0x1a2B3c4D5e6F708192a3B4c5D6e7F80912345678";
        assert_eq!(abbreviate_addresses(a).as_deref(), Some("0x1a2B…5678"));
        assert_eq!(
            abbreviate_addresses(&format!("Operator set 3 of AVS {a}")).as_deref(),
            Some("Operator set 3 of AVS 0x1a2B…5678")
        );
        assert_eq!(abbreviate_addresses("EigenDA"), None);
        assert_eq!(abbreviate_addresses(&format!("{a}9")), None);
        assert_eq!(abbreviate_addresses("0x12"), None);
    }

    #[test]
    fn exact_fixed_point_is_shown_in_full() {
        assert_eq!(exact18("4500000000000000000"), "4.5");
        assert_eq!(exact18("25999999999999999974"), "25.999999999999999974");
        assert_eq!(exact18("0"), "0");
        assert_eq!(exact18("26"), "0.000000000000000026");
        assert_eq!(exact18("1234000000000000000000"), "1,234");
        assert_eq!(exact18("x"), MISSING);
    }

    #[test]
    fn percents_have_sensible_decimals() {
        assert_eq!(percent(0.1), "10%");
        assert_eq!(percent(0.0285), "2.85%");
        assert_eq!(percent(0.00054), "0.054%");
        assert_eq!(percent(0.125), "12.5%");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(-0.02), "−2%");
        assert_eq!(percent(0.0), "0%");
    }

    #[test]
    fn units() {
        assert_eq!(format(Some(1234.5678), Unit::Eth), "1,235 ETH");
        assert_eq!(format(Some(12.345), Unit::Eth), "12.35 ETH");
        assert_eq!(format(Some(0.5), Unit::Eth), "0.5000 ETH");
        assert_eq!(format(Some(16.8333), Unit::Multiple), "16.83×");
        assert_eq!(format(Some(21.0), Unit::Days), "21 days");
        assert_eq!(format(Some(1.0), Unit::Days), "1 day");
        assert_eq!(format(Some(1.0), Unit::Years), "1 year");
        assert_eq!(format(Some(2.5), Unit::Years), "2.5 years");
        assert_eq!(format(Some(2000.0), Unit::TokensPerDay), "2,000/day");
        assert_eq!(format(Some(0.0123), Unit::RatePoints), "+1.23 pp");
        assert_eq!(format(Some(-0.0004), Unit::RatePoints), "−0.040 pp");
        assert_eq!(format(None, Unit::Count), MISSING);
        assert_eq!(format(Some(f64::NAN), Unit::Fraction), MISSING);
        assert_eq!(grouped(-1234567.891, 2), "−1,234,567.89");
        assert_eq!(grouped(-0.001, 2), "0.00");
        assert_eq!(format(Some(0.0), Unit::Eth), "0 ETH");
        // A liquidation price: 1/1.01 to 4 decimals.
        assert_eq!(format(Some(1.0 / 1.01), Unit::Price), "0.9901");
    }

    #[test]
    fn axis_labels_are_compact() {
        assert_eq!(axis(20_000.0, Unit::Eth), "20k");
        assert_eq!(axis(1_500_000.0, Unit::Count), "1.5M");
        assert_eq!(axis(0.0, Unit::Eth), "0");
        assert_eq!(axis(17.5, Unit::Days), "17.5");
        assert_eq!(axis(0.025, Unit::Fraction), "2.5%");
        assert_eq!(axis(0.0125, Unit::RatePoints), "1.25 pp");
        assert_eq!(axis(-2500.0, Unit::Eth), "−2500");
    }

    #[test]
    fn live_values_by_unit() {
        assert_eq!(live_value(0.725, "fraction"), "72.5%");
        assert_eq!(live_value(1.069, "ETH per token"), "1.0690");
        assert_eq!(live_value(10_000.0, "tokens"), "10,000 tokens");
        assert_eq!(live_value(1000.0, "A (as A() returns)"), "1,000");
    }
}
