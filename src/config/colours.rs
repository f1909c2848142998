//! The site's colours: checked as colours, and against white for the
//! contrast WCAG 2.1 AA asks of what they colour.

use super::problems::Problems;
use super::raw::RawColors;
use super::Colors;

/// The colours of `site.yaml`, or the theme's where it sets none.
pub(super) fn checked(raw: &RawColors, problems: &mut Problems<'_>) -> Colors {
    let colors = Colors {
        primary: raw.primary.clone().unwrap_or_else(|| "#1f4e79".to_owned()),
        accent: raw.accent.clone().unwrap_or_else(|| "#b35900".to_owned()),
    };
    // The primary colour carries text (white on it, it on white); the accent
    // only marks borders and tints, for which WCAG asks 3:1.
    for (name, value, needed, what) in
        [("primary", &colors.primary, 4.5, "text"), ("accent", &colors.accent, 3.0, "borders and marks")]
    {
        match contrast_with_white(value) {
            None => problems.report(name, value, format!("colour `{value}` is not a colour of the form `#1f4e79`")),
            Some(ratio) if ratio < needed => problems.report(
                name,
                value,
                format!("colour `{value}` has a contrast of {ratio:.1}:1 with white, below the {needed}:1 that WCAG AA asks for {what}; choose a darker colour"),
            ),
            Some(_) => {}
        }
    }
    colors
}

/// Contrast ratio of a `#rrggbb` (or `#rgb`) colour against white, by WCAG 2.1.
pub fn contrast_with_white(colour: &str) -> Option<f64> {
    let hex = colour.strip_prefix('#').filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    let hex: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => return None,
    };
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(|v| f64::from(v) / 255.0);
    let linear = |c: f64| if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) };
    let (r, g, b) = (channel(0)?, channel(2)?, channel(4)?);
    let luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    Some(1.05 / (luminance + 0.05))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        assert!((contrast_with_white("#000000").unwrap() - 21.0).abs() < 0.01);
        assert!((contrast_with_white("#fff").unwrap() - 1.0).abs() < 0.01);
        let grey = contrast_with_white("#767676").unwrap();
        assert!(grey > 4.5 && grey < 4.6, "{grey}");
        assert_eq!(contrast_with_white("blue"), None);
        assert_eq!(contrast_with_white("#aééb"), None, "not hex, and no panic on a character boundary");
    }
}
