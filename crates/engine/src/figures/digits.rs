//! Step 1a of figure extraction: numbers written in digits, German style.
//!
//! Thousands are grouped with dots (`11.000`, `1.000.000`) or with a space, no-break space or
//! narrow no-break space (`11 000`, `11\u{a0}000`); the decimal mark is a comma (`1,4`, `5,5`).
//! Plain runs of digits (`40`, `3000`) are numbers too. Anything else with dots — dates
//! (`25.07.2023`), times (`12.30`), English decimals (`1.5`) — is rejected rather than guessed.

/// A number as written, kept exact: `mantissa / 10^scale` (`1,4` is 14 / 10¹).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decimal {
    /// The digits without separators.
    pub mantissa: u64,
    /// How many of them follow the decimal comma.
    pub scale: u32,
}

impl Decimal {
    /// The value times `multiplier`, multiplying before dividing so that `1,4 Millionen` is
    /// exactly 1 400 000.
    pub fn times(self, multiplier: f64) -> f64 {
        self.mantissa as f64 * multiplier / 10f64.powi(self.scale as i32)
    }
}

/// Whether `c` may separate thousands groups besides the dot.
pub fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Parses a German digit number: `11.000`, `11 000`, `1,4`, `3000`. `None` for anything else.
pub fn parse_digits(s: &str) -> Option<Decimal> {
    let (int, frac) = match s.split_once(',') {
        Some((int, frac)) => (int, Some(frac)),
        None => (s, None),
    };
    let groups: Vec<&str> = int.split(|c| c == '.' || is_group_space(c)).collect();
    let grouped = groups.len() > 1;
    let well_formed = groups.iter().enumerate().all(|(i, g)| {
        let digits = !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
        digits && (!grouped || if i == 0 { g.len() <= 3 } else { g.len() == 3 })
    });
    if !well_formed {
        return None;
    }
    let frac = frac.unwrap_or_default();
    if s.contains(',') && (frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let all: String = groups.concat() + frac;
    if all.len() > 15 {
        return None;
    }
    Some(Decimal {
        mantissa: all.parse().ok()?,
        scale: frac.len() as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::parse_digits;

    #[test]
    fn table() {
        for (input, expected) in [
            ("40", Some(40.0)),
            ("3000", Some(3000.0)),
            ("11.000", Some(11_000.0)),
            ("1.000.000", Some(1_000_000.0)),
            ("11 000", Some(11_000.0)),
            ("11\u{a0}000", Some(11_000.0)),
            ("11\u{202f}000", Some(11_000.0)),
            ("1,4", Some(1.4)),
            ("5,5", Some(5.5)),
            ("4,5", Some(4.5)),
            ("1.234,56", Some(1234.56)),
            // Dates, times, English decimals and broken groups are not numbers.
            ("25.07.2023", None),
            ("12.30", None),
            ("1.5", None),
            ("1.0000", None),
            ("1000.000", None),
            ("1,", None),
            (",5", None),
            ("1,2,3", None),
            ("", None),
            ("12a", None),
            ("1234567890123456", None),
        ] {
            assert_eq!(
                parse_digits(input).map(|d| d.times(1.0)),
                expected,
                "{input:?}"
            );
        }
    }

    #[test]
    fn multiplying_keeps_decimals_exact() {
        let times = |s: &str, m: f64| parse_digits(s).unwrap().times(m);
        assert_eq!(times("1,4", 1e6), 1_400_000.0);
        assert_eq!(times("1,2", 1e6), 1_200_000.0);
        assert_eq!(times("5,5", 1e9), 5_500_000_000.0);
        assert_eq!(times("0,3", 1e9), 300_000_000.0);
    }
}
